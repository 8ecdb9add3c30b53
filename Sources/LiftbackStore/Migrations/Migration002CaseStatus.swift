/// Each patient's latest status for the caseload, written after the engine ran and marked stale by
/// every write to the case, so the caseload reads one row a patient whatever the history's length;
/// and a version per case, raised by every write, so a server can keep decoded cases in memory and
/// know with one cheap read whether its copy is current.
enum Migration002CaseStatus {
    static let identifier = "002-case-status"

    static func statements(for dialect: SQLDialect) -> [String] {
        [
            """
            CREATE TABLE case_status (
                patient_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
                as_of TEXT NOT NULL,
                status TEXT NOT NULL,
                reason TEXT NOT NULL,
                phase TEXT,
                disposition TEXT NOT NULL,
                last_training TEXT,
                stale INTEGER NOT NULL DEFAULT 0
            )
            """,
            "ALTER TABLE patients ADD COLUMN version BIGINT NOT NULL DEFAULT 0",
        ]
    }
}
