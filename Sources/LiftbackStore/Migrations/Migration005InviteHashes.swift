/// Invite codes are kept as their SHA-256 hash (64 hex digits), as tokens are: someone who reads the
/// database cannot link themselves to a clinician with a code found there. Codes from before this
/// migration were kept as typed (up to 16 characters) and cannot be hashed in SQL on SQLite, so the
/// unused ones are dropped; a clinician makes a new code in a click.
package enum Migration005InviteHashes {
    package static let identifier = "005-invite-hashes"

    package static func statements(for dialect: SQLDialect) -> [String] {
        ["DELETE FROM invites WHERE length(code) < 64"]
    }
}
