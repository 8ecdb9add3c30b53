/// A version per case, raised by every write, and each patient's latest status for the caseload with
/// the version it was computed from: the caseload reads one row a patient whatever the history's
/// length and recomputes only those whose case moved on; a server can keep decoded cases in memory
/// and know with one cheap read whether its copy is current.
package enum Migration002CaseStatus {
    package static let identifier = "002-case-status"

    package static func statements(for dialect: SQLDialect) -> [String] {
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
                case_version BIGINT NOT NULL
            )
            """,
            "ALTER TABLE patients ADD COLUMN version BIGINT NOT NULL DEFAULT 0",
        ]
    }
}
