/// An entry may carry the key its sender gave it (`Idempotency-Key`, or the log page's form
/// token), unique per patient: the same submission sent twice, by a retry after a lost answer or
/// the browser's back button, is stored once.
package enum Migration006IdempotencyKeys {
    package static let identifier = "006-idempotency-keys"

    package static func statements(for dialect: SQLDialect) -> [String] {
        [
            "ALTER TABLE case_entries ADD COLUMN idempotency_key TEXT",
            "CREATE UNIQUE INDEX case_entries_by_key ON case_entries(patient_id, idempotency_key)",
        ]
    }
}
