import Foundation

/// Numbers in text that a `Double` cannot hold. A decoder reads `1e-400` as 0, which would store a
/// typed weight as nothing without a word; such a number is refused instead (in JSON, by
/// `JSONTape.read`; in a form, by the page's number reader).
public enum JSONNumbers {
    /// Whether a number, as written, has a digit other than 0 yet reads as zero (`1e-400`).
    public static func vanishes(_ text: some StringProtocol) -> Bool {
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        return mantissa.contains { ("1"..."9").contains($0) } && Double(String(text)) == 0
    }
}
