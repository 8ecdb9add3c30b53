import Foundation

/// Text kept or looked up exactly as typed (names, emails, passwords, codes, ids) carries no
/// control characters: PostgreSQL cannot hold NUL in text, and bcrypt would cut a password at one.
public enum PlainText {
    public static func isPlain(_ text: some StringProtocol) -> Bool {
        !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// Characters that reorder the text around them (bidirectional embeddings, overrides, isolates
    /// and marks) or take no space at all (a zero-width space, a word joiner, a byte-order mark): in
    /// a name or an email they can make it read as another. The zero-width joiners that scripts and
    /// emoji need are kept.
    public static func hasReordering(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { scalar in
            [0x061C, 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF].contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
        }
    }
}
