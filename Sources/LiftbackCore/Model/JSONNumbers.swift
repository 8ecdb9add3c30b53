import Foundation

/// Numbers in JSON text that a `Double` cannot hold. A decoder reads `1e-400` as 0, which would
/// store a typed weight as nothing without a word; such a number is refused instead.
public enum JSONNumbers {
    /// Whether a number, as written, has a digit other than 0 yet reads as zero (`1e-400`).
    public static func vanishes(_ text: some StringProtocol) -> Bool {
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        return mantissa.contains { ("1"..."9").contains($0) } && Double(String(text)) == 0
    }

    /// Refuses the first number written with a digit other than 0 that reads as zero.
    public static func refuseVanishing(_ data: Data) throws(CaseError) {
        var inString = false
        var escaped = false
        var token: [UInt8] = []
        func check() throws(CaseError) {
            defer { token.removeAll(keepingCapacity: true) }
            guard !token.isEmpty else { return }
            let text = String(decoding: token, as: UTF8.self)
            guard vanishes(text) else { return }
            throw CaseError(
                field: "", message: "\(text.prefix(40)) is too small a number to keep: write 0, or a number such as 0.5")
        }
        for byte in data {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                try check()
                inString = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                token.append(byte)
            default:
                try check()
            }
        }
        try check()
    }
}
