import Foundation

/// A JSON text read once into a flat list of nodes (RFC 8259, UTF-8): what the case reader, the
/// unknown-field check and the vanishing-number check all walk, instead of three passes through
/// Foundation (`docs/performance.md`, "Reading a case").
///
/// Each node is a value; an object's node is followed by its members as key, value, key, value,
/// an array's by its elements, and `next` is the index just past a node's subtree.
public struct JSONTape: Sendable {
    enum Kind: UInt8 { case object, array, string, number, `true`, `false`, null }

    struct Node {
        var kind: Kind
        /// A string whose text has escapes (`\n`, `\u00e9`) to undo; a number written with a
        /// fraction or an exponent.
        var marked: Bool
        /// Byte offsets: a string's text without its quotes, a number's digits; containers' are unused.
        var start: Int32
        var end: Int32
        /// The index just past this node's subtree.
        var next: Int32
        /// Members of an object, elements of an array.
        var count: Int32
    }

    let bytes: [UInt8]
    var nodes: [Node] = []

    /// The tape of `data`, or `nil` when it is not a JSON text in UTF-8.
    ///
    /// - Throws: `CaseError` for a number written with a digit other than 0 that a `Double` reads
    ///   as zero (`1e-400`): stored, it would turn a typed weight into nothing without a word.
    public static func read(_ data: Data) throws(CaseError) -> JSONTape? { try read([UInt8](data)) }

    public static func read(_ bytes: [UInt8]) throws(CaseError) -> JSONTape? {
        guard bytes.count < Int(Int32.max) else { return nil }
        var tape = JSONTape(bytes: bytes)
        var parser = Parser()
        let parsed = tape.bytes.withUnsafeBufferPointer { parser.parse($0) }
        if let vanishing = parser.vanishing {
            let text = String(decoding: tape.bytes[vanishing], as: UTF8.self)
            throw CaseError(
                field: "", message: "\(text.prefix(40)) is too small a number to keep: write 0, or a number such as 0.5")
        }
        guard parsed else { return nil }
        tape.nodes = parser.nodes
        return tape
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: Parsing

    /// Reads a whole text into nodes; `parse` is false at the first thing that is not JSON.
    /// Iterative, so any depth reads; the one pass also finds numbers that vanish.
    private struct Parser {
        var nodes: [Node] = []
        var vanishing: Range<Int>?
        private var p = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        private var i = 0
        private var open: [Int] = []

        private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

        mutating func parse(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            p = text
            nodes.reserveCapacity(text.count / 8)
            // A UTF-8 byte order mark is allowed before the text, as Foundation allows it.
            if p.count >= 3, p[0] == 0xEF, p[1] == 0xBB, p[2] == 0xBF { i = 3 }
            while true {
                skipSpace()
                guard i < p.count else { return false }
                switch p[i] {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    let isObject = p[i] == UInt8(ascii: "{")
                    open.append(nodes.count)
                    nodes.append(
                        Node(kind: isObject ? .object : .array, marked: false, start: Int32(i), end: 0, next: 0, count: 0))
                    i += 1
                    skipSpace()
                    guard i < p.count else { return false }
                    if p[i] != (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        nodes[nodes.count - 1].count = 1
                        if isObject { guard key() else { return false } }
                        continue
                    }
                // An empty container: it closes below.
                case Self.quote: guard string() else { return false }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): guard number() else { return false }
                case UInt8(ascii: "t"): guard literal("true", .true) else { return false }
                case UInt8(ascii: "f"): guard literal("false", .false) else { return false }
                case UInt8(ascii: "n"): guard literal("null", .null) else { return false }
                default: return false
                }
                // After a value, or at the closing bracket of an empty container.
                while true {
                    skipSpace()
                    guard let top = open.last else { return i == p.count }
                    guard i < p.count else { return false }
                    let isObject = nodes[top].kind == .object
                    if p[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        i += 1
                        nodes[top].next = Int32(nodes.count)
                        open.removeLast()
                        continue
                    }
                    guard p[i] == UInt8(ascii: ","), nodes[top].count > 0 else { return false }
                    i += 1
                    nodes[top].count += 1
                    if isObject {
                        skipSpace()
                        guard key() else { return false }
                    }
                    break
                }
            }
        }

        @inline(__always) private mutating func skipSpace() {
            while i < p.count {
                switch p[i] {
                case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): i += 1
                default: return
                }
            }
        }

        /// A string's node, with `i` at its opening quote.
        private mutating func string() -> Bool {
            let start = i + 1
            var j = start
            var escaped = false
            while j < p.count {
                let c = p[j]
                if c == Self.quote { break }
                if c < 0x20 { return false }
                if c == Self.backslash {
                    escaped = true
                    guard j + 1 < p.count else { return false }
                    switch p[j + 1] {
                    case Self.quote, Self.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        j += 2
                    case UInt8(ascii: "u"):
                        guard j + 5 < p.count else { return false }
                        for k in 2...5 where JSONTape.hexValue(p[j + k]) == nil { return false }
                        j += 6
                    default: return false
                    }
                    continue
                }
                j += 1
            }
            guard j < p.count else { return false }
            nodes.append(
                Node(kind: .string, marked: escaped, start: Int32(start), end: Int32(j), next: Int32(nodes.count + 1), count: 0))
            i = j + 1
            return true
        }

        /// Digits from `i` on; how many.
        private mutating func digits() -> Int {
            let from = i
            while i < p.count, p[i] >= UInt8(ascii: "0"), p[i] <= UInt8(ascii: "9") { i += 1 }
            return i - from
        }

        private mutating func number() -> Bool {
            let start = i
            if p[i] == UInt8(ascii: "-") { i += 1 }
            guard i < p.count else { return false }
            var nonZero = false
            if p[i] == UInt8(ascii: "0") {
                i += 1
            } else {
                guard digits() > 0 else { return false }
                nonZero = true
            }
            var marked = false
            if i < p.count, p[i] == UInt8(ascii: ".") {
                i += 1
                let from = i
                guard digits() > 0 else { return false }
                marked = true
                if !nonZero { nonZero = p[from..<i].contains { $0 != UInt8(ascii: "0") } }
            }
            if i < p.count, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
                i += 1
                if i < p.count, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") { i += 1 }
                guard digits() > 0 else { return false }
                marked = true
            }
            // A fraction of hundreds of digits reads as zero as surely as an exponent does.
            if marked, nonZero, vanishing == nil, JSONTape.double(p, start, i) == 0 { vanishing = start..<i }
            nodes.append(
                Node(kind: .number, marked: marked, start: Int32(start), end: Int32(i), next: Int32(nodes.count + 1), count: 0))
            return true
        }

        private mutating func literal(_ word: StaticString, _ kind: Kind) -> Bool {
            let length = word.utf8CodeUnitCount
            guard i + length <= p.count else { return false }
            for k in 0..<length where p[i + k] != word.utf8Start[k] { return false }
            nodes.append(
                Node(kind: kind, marked: false, start: Int32(i), end: Int32(i + length), next: Int32(nodes.count + 1), count: 0))
            i += length
            return true
        }

        /// An object's key and its colon, with `i` at the key's quote.
        private mutating func key() -> Bool {
            guard i < p.count, p[i] == Self.quote, string() else { return false }
            skipSpace()
            guard i < p.count, p[i] == UInt8(ascii: ":") else { return false }
            i += 1
            return true
        }
    }

    static func hexValue(_ c: UInt8) -> UInt32? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(c - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(c - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    // MARK: Values

    private static let backslash = UInt8(ascii: "\\")
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// The number written in `p[start..<end]`, correctly rounded like `strtod`: a plain decimal of
    /// up to 15 digits is its digits divided by a power of ten (both exact, so the one division
    /// rounds correctly); anything else goes through the standard library's parser.
    static func double(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double {
        var mantissa: UInt64 = 0
        var significant = 0
        var fraction = 0
        var inFraction = false
        var plain = true
        let negative = p[start] == UInt8(ascii: "-")
        for k in (negative ? start + 1 : start)..<end {
            let c = p[k]
            if c == UInt8(ascii: ".") {
                inFraction = true
                continue
            }
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else {
                plain = false
                break
            }
            if mantissa > 0 || c != UInt8(ascii: "0") { significant += 1 }
            mantissa = mantissa &* 10 &+ UInt64(c - UInt8(ascii: "0"))
            if inFraction { fraction += 1 }
        }
        if plain, significant <= 15, fraction <= 22 {
            let value = Double(mantissa) / powersOfTen[fraction]
            return negative ? -value : value
        }
        return Double(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self)) ?? .nan
    }

    /// The number at `node` as a `Double`; `nil` when it is not a number or does not fit one.
    func double(at node: Int) -> Double? {
        let item = nodes[node]
        guard item.kind == .number else { return nil }
        let value = bytes.withUnsafeBufferPointer { Self.double($0, Int(item.start), Int(item.end)) }
        return value.isFinite ? value : nil
    }

    /// The whole number at `node`, when it is written as one (no fraction, no exponent) and fits `T`.
    func integer<T: FixedWidthInteger>(at node: Int, as: T.Type = T.self) -> T? {
        let item = nodes[node]
        guard item.kind == .number, !item.marked else { return nil }
        var k = Int(item.start)
        let negative = bytes[k] == UInt8(ascii: "-")
        if negative {
            guard T.isSigned else { return nil }
            k += 1
        }
        var value: T = 0
        while k < Int(item.end) {
            let digit = T(bytes[k] - UInt8(ascii: "0"))
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
            guard !overflowTimes, !overflowSum else { return nil }
            value = sum
            k += 1
        }
        return value
    }

    /// The text of the string at `node`, escapes undone; `nil` when it is not a string, or its text
    /// is not valid UTF-8 or holds half of a surrogate pair.
    func string(at node: Int) -> String? {
        let item = nodes[node]
        guard item.kind == .string else { return nil }
        let range = Int(item.start)..<Int(item.end)
        guard item.marked else {
            return bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
        }
        var scalars = String.UnicodeScalarView()
        var plain: [UInt8] = []
        func flush() -> Bool {
            guard !plain.isEmpty else { return true }
            guard let text = String(validating: plain, as: UTF8.self) else { return false }
            scalars.append(contentsOf: text.unicodeScalars)
            plain.removeAll(keepingCapacity: true)
            return true
        }
        func hex(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 << 4 | Self.hexValue(bytes[at + $1])! } }
        var k = range.lowerBound
        while k < range.upperBound {
            guard bytes[k] == Self.backslash else {
                plain.append(bytes[k])
                k += 1
                continue
            }
            guard flush() else { return nil }
            let escape = bytes[k + 1]
            k += 2
            let scalar: Unicode.Scalar?
            switch escape {
            case UInt8(ascii: "b"): scalar = "\u{08}"
            case UInt8(ascii: "f"): scalar = "\u{0C}"
            case UInt8(ascii: "n"): scalar = "\n"
            case UInt8(ascii: "r"): scalar = "\r"
            case UInt8(ascii: "t"): scalar = "\t"
            case UInt8(ascii: "u"):
                let unit = hex(k)
                k += 4
                if (0xD800..<0xDC00).contains(unit) {
                    guard k + 6 <= range.upperBound, bytes[k] == Self.backslash, bytes[k + 1] == UInt8(ascii: "u") else {
                        return nil
                    }
                    let low = hex(k + 2)
                    guard (0xDC00..<0xE000).contains(low) else { return nil }
                    k += 6
                    scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                } else {
                    scalar = Unicode.Scalar(unit)
                }
            default: scalar = Unicode.Scalar(escape)
            }
            guard let scalar else { return nil }
            scalars.append(scalar)
        }
        guard flush() else { return nil }
        return String(scalars)
    }

    /// Whether the string at `node` is exactly `text` as written, without escapes to undo.
    func plainString(at node: Int, equals text: String) -> Bool {
        let item = nodes[node]
        guard item.kind == .string, !item.marked, text.utf8.count == Int(item.end - item.start) else { return false }
        return text.utf8.withContiguousStorageIfAvailable { same(item, $0) }
            ?? (String(decoding: bytes[Int(item.start)..<Int(item.end)], as: UTF8.self) == text)
    }

    /// `plainString(at:equals:)` for a name known when the program is built (a field's).
    func plainString(at node: Int, equals text: StaticString) -> Bool {
        let item = nodes[node]
        guard item.kind == .string, !item.marked, text.utf8CodeUnitCount == Int(item.end - item.start) else { return false }
        return same(item, UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Whether a node's bytes are `key`'s (of the same length); names are short, so byte by byte.
    @inline(__always) private func same(_ item: Node, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            var k = 0
            var at = Int(item.start)
            while k < key.count {
                if p[at] != key[k] { return false }
                k += 1
                at += 1
            }
            return true
        }
    }

    /// Whether two strings are written with the same bytes.
    func sameText(_ a: Int, _ b: Int) -> Bool {
        let (x, y) = (nodes[a], nodes[b])
        return x.end - x.start == y.end - y.start
            && bytes[Int(x.start)..<Int(x.end)].elementsEqual(bytes[Int(y.start)..<Int(y.end)])
    }

    /// The string at `node` as a person can read it in an error, whatever its bytes: escapes undone
    /// where they can be, anything else shown as it was written.
    func readableString(at node: Int) -> String {
        string(at: node) ?? String(decoding: bytes[Int(nodes[node].start)..<Int(nodes[node].end)], as: UTF8.self)
    }

    /// The index of the node after `node` and its subtree.
    func after(_ node: Int) -> Int { Int(nodes[node].next) }

    func kind(at node: Int) -> Kind { nodes[node].kind }

    func count(at node: Int) -> Int { Int(nodes[node].count) }
}
