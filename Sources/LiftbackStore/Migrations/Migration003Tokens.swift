/// Tokens that end and know what they are for: a bearer token for the API never opens a page and a
/// session cookie never reaches the API (`kind`); each ends at `expires_at` and after a spell
/// unused (`last_used_at`). Tokens from before this migration are bearer tokens ending 12 hours
/// after they were made.
package enum Migration003Tokens {
    package static let identifier = "003-tokens"

    package static func statements(for dialect: SQLDialect) -> [String] {
        [
            "ALTER TABLE tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'bearer'",
            "ALTER TABLE tokens ADD COLUMN expires_at DOUBLE PRECISION NOT NULL DEFAULT 0",
            "ALTER TABLE tokens ADD COLUMN last_used_at DOUBLE PRECISION NOT NULL DEFAULT 0",
            "UPDATE tokens SET expires_at = created_at + 43200, last_used_at = created_at",
            "CREATE INDEX tokens_by_account ON tokens(account_id)",
        ]
    }
}
