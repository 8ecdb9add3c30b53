/// The audit trail (`AuditEvent`): one row per line, added and never changed, read newest first
/// by patient. Deleting a patient's account deletes their trail; a deleted clinician's lines stay.
package enum Migration004Audit {
    package static let identifier = "004-audit-events"

    package static func statements(for dialect: SQLDialect) -> [String] {
        [
            """
            CREATE TABLE audit_events (
                id \(dialect.autoIncrementingKey),
                patient_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
                at DOUBLE PRECISION NOT NULL,
                actor_id TEXT NOT NULL,
                actor_role TEXT NOT NULL,
                action TEXT NOT NULL,
                route TEXT NOT NULL
            )
            """,
            "CREATE INDEX audit_events_by_patient ON audit_events(patient_id, id)",
        ]
    }
}
