import Foundation

extension LiftbackJSON {
    /// Decodes `type` from JSON: from its tape when the fast reader can (`TapeDecoder`), otherwise
    /// with Foundation's `JSONDecoder`, whose error then names the field at fault.
    ///
    /// The two give the same value for every text the fast reader takes (a property test holds
    /// them to it): it takes only what it reads exactly as Foundation does, and leaves the rest
    /// (an escaped key, a key written twice, `2.0` for a whole number, a `Date`) to Foundation.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, tape: JSONTape?) throws -> T {
        if let tape, let value = try? TapeDecoder(tape).decode(T.self, at: 0) { return value }
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// Decodes `type` from JSON text Liftback wrote itself (a stored entry).
    public static func decode<T: Decodable>(_ type: T.Type, fromStored text: String) throws -> T {
        let bytes = Array(text.utf8)
        if let tape = try? JSONTape.read(bytes), let value = try? TapeDecoder(tape).decode(T.self, at: 0) { return value }
        return try JSONDecoder().decode(T.self, from: Data(bytes))
    }
}

/// A `Decoder` over a `JSONTape`, for the fast path of `LiftbackJSON.decode`: it reads what it can
/// read exactly as `JSONDecoder` does and declines everything else by throwing, so the caller asks
/// Foundation instead. Its errors are never shown; it keeps no coding path.
final class TapeDecoder: Decoder {
    let tape: JSONTape
    @exclusivity(unchecked) var node = 0
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// This reader leaves the text to Foundation's.
    struct Declined: Error {}

    init(_ tape: JSONTape) { self.tape = tape }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tape.kind(at: node) == .object, tape.count(at: node) <= 64 else { throw Declined() }
        // A key written with escapes would need undoing before every lookup, and a key written twice
        // would read as absent where `contains` asks: both are Foundation's to read.
        var keys: [Int] = []
        var key = node + 1
        for _ in 0..<tape.count(at: node) {
            guard !tape.nodes[key].marked, !keys.contains(where: { tape.sameText(key, $0) }) else { throw Declined() }
            keys.append(key)
            key = tape.after(key + 1)
        }
        return KeyedDecodingContainer(Keyed<Key>(decoder: self, object: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tape.kind(at: node) == .array else { throw Declined() }
        return Unkeyed(decoder: self, next: node + 1, count: tape.count(at: node))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self, node: node) }

    /// The value at `node`, by the type's own `init(from:)`; the types Foundation reads in its own
    /// way are declined.
    func decode<T: Decodable>(_ type: T.Type, at node: Int) throws -> T {
        // The entries a long history holds by the thousand are read straight from the tape.
        if T.self == LoggedSet.self { return unsafeBitCast(try LoggedSet(tape: self, at: node), to: T.self) }
        if T.self == LoggedExercise.self { return unsafeBitCast(try LoggedExercise(tape: self, at: node), to: T.self) }
        if T.self == Workout.self { return unsafeBitCast(try Workout(tape: self, at: node), to: T.self) }
        if T.self == CheckIn.self { return unsafeBitCast(try CheckIn(tape: self, at: node), to: T.self) }
        guard T.self != Date.self, T.self != Data.self, T.self != URL.self, T.self != Decimal.self else { throw Declined() }
        let saved = self.node
        self.node = node
        defer { self.node = saved }
        return try T(from: self)
    }

    // The values themselves, as JSONDecoder reads them; anything else is declined.

    func decodeNil(at node: Int) -> Bool { tape.kind(at: node) == .null }

    func bool(at node: Int) throws -> Bool {
        switch tape.kind(at: node) {
        case .true: true
        case .false: false
        default: throw Declined()
        }
    }

    func string(at node: Int) throws -> String {
        guard let text = tape.string(at: node) else { throw Declined() }
        return text
    }

    func double(at node: Int) throws -> Double {
        guard let value = tape.double(at: node) else { throw Declined() }
        return value
    }

    func integer<T: FixedWidthInteger>(at node: Int, as type: T.Type = T.self) throws -> T {
        guard let value = tape.integer(at: node, as: T.self) else { throw Declined() }
        return value
    }

    /// The elements of the array at `node`, each read by `read`.
    func list<T>(at node: Int, _ read: (Int) throws -> T) throws -> [T] {
        guard tape.kind(at: node) == .array else { throw Declined() }
        var list: [T] = []
        list.reserveCapacity(tape.count(at: node))
        var element = node + 1
        for _ in 0..<tape.count(at: node) {
            list.append(try read(element))
            element = tape.after(element)
        }
        return list
    }

    /// A value of a string-backed enumeration, as its synthesized conformance reads it.
    func choice<T: RawRepresentable>(_ type: T.Type, at node: Int) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try string(at: node)) else { throw Declined() }
        return value
    }

    func day(at node: Int) throws -> Day {
        guard let day = Day(iso: try string(at: node)) else { throw Declined() }
        return day
    }

    /// Exercise names already read: a history repeats a score of names thousands of times, so
    /// each is made once and shared.
    private var exerciseNames: [ExerciseID] = []

    func exercise(at node: Int) throws -> ExerciseID {
        if let known = exerciseNames.first(where: { tape.plainString(at: node, equals: $0.rawValue) }) { return known }
        let id = ExerciseID(try string(at: node))
        if exerciseNames.count < 64 { exerciseNames.append(id) }
        return id
    }

    /// Calls `body` with each member of the object at `node` whose key is one of `names` (by its
    /// index there) and its value's node, unless the value is null (as `decodeIfPresent` reads
    /// it). A key written with escapes or twice is declined; other keys are passed over.
    func eachMember(of node: Int, _ names: [StaticString], _ body: (Int, Int) throws -> Void) throws {
        guard tape.kind(at: node) == .object else { throw Declined() }
        var seen: UInt64 = 0
        var member = node + 1
        for _ in 0..<tape.count(at: node) {
            guard !tape.nodes[member].marked else { throw Declined() }
            if let field = names.firstIndex(where: { tape.plainString(at: member, equals: $0) }) {
                guard seen & (1 << field) == 0 else { throw Declined() }
                seen |= 1 << field
                if !decodeNil(at: member + 1) { try body(field, member + 1) }
            }
            member = tape.after(member + 1)
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: TapeDecoder
        let object: Int
        var codingPath: [any CodingKey] { [] }

        var allKeys: [Key] {
            var keys: [Key] = []
            var key = object + 1
            for _ in 0..<decoder.tape.count(at: object) {
                if let name = decoder.tape.string(at: key), let found = Key(stringValue: name) { keys.append(found) }
                key = decoder.tape.after(key + 1)
            }
            return keys
        }

        /// The value node of `key`, `nil` when absent; a key written twice is declined.
        func value(_ key: Key) throws -> Int? {
            let name = key.stringValue
            let tape = decoder.tape
            var found: Int?
            var member = object + 1
            for _ in 0..<tape.count(at: object) {
                if tape.plainString(at: member, equals: name) {
                    guard found == nil else { throw Declined() }
                    found = member + 1
                }
                member = tape.after(member + 1)
            }
            return found
        }

        func present(_ key: Key) throws -> Int {
            guard let node = try value(key) else { throw Declined() }
            return node
        }

        /// `nil` when the key is absent or null, as `decodeIfPresent` reads it.
        func given(_ key: Key) throws -> Int? {
            guard let node = try value(key), !decoder.decodeNil(at: node) else { return nil }
            return node
        }

        func contains(_ key: Key) -> Bool { (try? value(key)) != nil }
        func decodeNil(forKey key: Key) throws -> Bool { decoder.decodeNil(at: try present(key)) }
        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(at: try present(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(at: try present(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.double(at: try present(key)) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw Declined() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(at: try present(key)) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(at: try present(key)) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(at: try present(key)) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(at: try present(key)) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(at: try present(key)) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(at: try present(key)) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(at: try present(key)) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(at: try present(key)) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(at: try present(key)) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(at: try present(key)) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try decoder.decode(T.self, at: try present(key))
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try given(key).map(decoder.bool) }
        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try given(key).map(decoder.string) }
        func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try given(key).map(decoder.double) }
        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            try given(key).map { try decoder.integer(at: $0) }
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            try given(key).map { try decoder.decode(T.self, at: $0) }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        { throw Declined() }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { throw Declined() }
        func superDecoder() throws -> any Decoder { throw Declined() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Declined() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: TapeDecoder
        var next: Int
        let total: Int
        var currentIndex = 0
        var codingPath: [any CodingKey] { [] }
        var count: Int? { total }
        var isAtEnd: Bool { currentIndex >= total }

        init(decoder: TapeDecoder, next: Int, count: Int) {
            self.decoder = decoder
            self.next = next
            self.total = count
        }

        /// The next element's node, moving past it.
        mutating func take() throws -> Int {
            guard !isAtEnd else { throw Declined() }
            let node = next
            next = decoder.tape.after(node)
            currentIndex += 1
            return node
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Declined() }
            guard decoder.decodeNil(at: next) else { return false }
            _ = try take()
            return true
        }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: try take()) }
        mutating func decode(_ type: String.Type) throws -> String { try decoder.string(at: try take()) }
        mutating func decode(_ type: Double.Type) throws -> Double { try decoder.double(at: try take()) }
        mutating func decode(_ type: Float.Type) throws -> Float { throw Declined() }
        mutating func decode(_ type: Int.Type) throws -> Int { try decoder.integer(at: try take()) }
        mutating func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(at: try take()) }
        mutating func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(at: try take()) }
        mutating func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(at: try take()) }
        mutating func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(at: try take()) }
        mutating func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(at: try take()) }
        mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(at: try take()) }
        mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(at: try take()) }
        mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(at: try take()) }
        mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(at: try take()) }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self, at: try take()) }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        { throw Declined() }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw Declined() }
        mutating func superDecoder() throws -> any Decoder { throw Declined() }
    }

    struct Single: SingleValueDecodingContainer {
        let decoder: TapeDecoder
        let node: Int
        var codingPath: [any CodingKey] { [] }

        func decodeNil() -> Bool { decoder.decodeNil(at: node) }
        func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(at: node) }
        func decode(_ type: String.Type) throws -> String { try decoder.string(at: node) }
        func decode(_ type: Double.Type) throws -> Double { try decoder.double(at: node) }
        func decode(_ type: Float.Type) throws -> Float { throw Declined() }
        func decode(_ type: Int.Type) throws -> Int { try decoder.integer(at: node) }
        func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(at: node) }
        func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(at: node) }
        func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(at: node) }
        func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(at: node) }
        func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(at: node) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(at: node) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(at: node) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(at: node) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(at: node) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decode(T.self, at: node) }
    }
}

// Read as their `Decodable` conformances read them (FastReadingTests hold the two to the same
// values). Their `fieldNames` are also the fields the case file's check knows (`CaseFields`).

extension LoggedSet {
    static let fieldNames: [StaticString] = ["weight", "reps", "holdSeconds", "rpe", "tempo", "pauseSeconds", "pain"]

    init(tape decoder: TapeDecoder, at node: Int) throws {
        self.init()
        try decoder.eachMember(of: node, Self.fieldNames) { field, value in
            switch field {
            case 0: weight = try decoder.double(at: value)
            case 1: reps = try decoder.integer(at: value)
            case 2: holdSeconds = try decoder.integer(at: value)
            case 3: rpe = try decoder.double(at: value)
            case 4: tempo = try decoder.string(at: value)
            case 5: pauseSeconds = try decoder.integer(at: value)
            default: pain = try decoder.integer(at: value)
            }
        }
    }
}

extension LoggedExercise {
    static let fieldNames: [StaticString] = ["exercise", "painDuring", "sets"]

    init(tape decoder: TapeDecoder, at node: Int) throws {
        var exercise: ExerciseID?
        var painDuring: Int?
        var sets: [LoggedSet]?
        try decoder.eachMember(of: node, Self.fieldNames) { field, value in
            switch field {
            case 0: exercise = try decoder.exercise(at: value)
            case 1: painDuring = try decoder.integer(at: value)
            default: sets = try decoder.list(at: value) { try LoggedSet(tape: decoder, at: $0) }
            }
        }
        // Both are required: a null or a missing one is Foundation's to explain.
        guard let exercise, let sets else { throw TapeDecoder.Declined() }
        self.init(exercise: exercise, painDuring: painDuring, sets: sets)
    }
}

extension Workout {
    static let fieldNames: [StaticString] = [
        "date", "exercises", "painDuring", "painAfter", "nextDay", "flags", "stoppedEarly", "lockedUp",
    ]

    init(tape decoder: TapeDecoder, at node: Int) throws {
        var date: Day?
        self.init(date: Day(ordinal: 0), exercises: [])
        try decoder.eachMember(of: node, Self.fieldNames) { field, value in
            switch field {
            case 0: date = try decoder.day(at: value)
            case 1: exercises = try decoder.list(at: value) { try LoggedExercise(tape: decoder, at: $0) }
            case 2: painDuring = try decoder.integer(at: value)
            case 3: painAfter = try decoder.integer(at: value)
            case 4: nextDay = try decoder.choice(NextDayResponse.self, at: value)
            case 5: flags = try decoder.list(at: value) { try decoder.choice(RedFlag.self, at: $0) }
            case 6: stoppedEarly = try decoder.bool(at: value)
            default: lockedUp = try decoder.bool(at: value)
            }
        }
        guard let date else { throw TapeDecoder.Declined() }
        self.date = date
    }
}

extension CheckIn {
    static let fieldNames: [StaticString] = ["date", "pain", "stiffnessMinutes", "flags"]

    init(tape decoder: TapeDecoder, at node: Int) throws {
        var date: Day?
        var pain: Int?
        var stiffnessMinutes: Int?
        var flags: [RedFlag] = []
        try decoder.eachMember(of: node, Self.fieldNames) { field, value in
            switch field {
            case 0: date = try decoder.day(at: value)
            case 1: pain = try decoder.integer(at: value)
            case 2: stiffnessMinutes = try decoder.integer(at: value)
            default: flags = try decoder.list(at: value) { try decoder.choice(RedFlag.self, at: $0) }
            }
        }
        guard let date, let pain else { throw TapeDecoder.Declined() }
        self.init(date: date, pain: pain, stiffnessMinutes: stiffnessMinutes, flags: flags)
    }
}
