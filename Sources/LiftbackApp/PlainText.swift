import Foundation

/// Text kept or looked up exactly as typed (names, emails, passwords, codes, ids) carries no
/// control characters: PostgreSQL cannot hold NUL in text, and bcrypt would cut a password at one.
public enum PlainText {
    public static func isPlain(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Characters that reorder the text around them (bidirectional embeddings, overrides and
    /// isolates): in a name they can make it read as another.
    public static func hasReordering(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) }
    }
}
