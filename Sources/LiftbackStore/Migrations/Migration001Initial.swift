/// The first schema. Case entries (workouts, check-ins, screens, clearances, overrides,
/// questionnaires) share one table: each is a dated JSON body in the case's own shapes
/// (docs/case-format.md, "The case"), so the store and the engine never disagree about a field.
package enum Migration001Initial {
    package static let identifier = "001-initial"

    /// The statements in a dialect's spelling; only the auto-incrementing key differs.
    package static func statements(for dialect: SQLDialect) -> [String] {
        [
            """
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY,
                email TEXT NOT NULL,
                email_key TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                role TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                created_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE tokens (
                hash TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                created_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE invites (
                code TEXT PRIMARY KEY,
                clinician_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                created_at DOUBLE PRECISION NOT NULL
            )
            """,
            """
            CREATE TABLE links (
                patient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                clinician_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                PRIMARY KEY (patient_id, clinician_id)
            )
            """,
            "CREATE INDEX links_by_clinician ON links(clinician_id)",
            """
            CREATE TABLE patients (
                id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
                settings TEXT NOT NULL,
                intake TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE case_entries (
                id \(dialect.autoIncrementingKey),
                patient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                date TEXT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            "CREATE INDEX case_entries_by_patient ON case_entries(patient_id, date, id)",
        ]
    }
}
