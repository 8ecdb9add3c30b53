import LiftbackCore

extension StoredStatus {
    /// A status from the columns of `case_status` as both SQL stores read them; `nil` when there is
    /// none or a value is not understood.
    package static func from(
        _ asOf: String?, _ status: String?, _ reason: String?, _ phase: String?, _ disposition: String?, _ lastTraining: String?,
        _ caseVersion: Int64?
    ) -> StoredStatus? {
        guard let asOf = asOf.flatMap(Day.init(iso:)), let status = status.flatMap(CaseStatus.init(rawValue:)), let reason,
            let disposition = disposition.flatMap(Disposition.init(rawValue:)), let caseVersion
        else { return nil }
        return StoredStatus(
            asOf: asOf, status: status, reason: reason, phase: phase.flatMap(Phase.init(rawValue:)), disposition: disposition,
            lastTraining: lastTraining.flatMap(Day.init(iso:)), caseVersion: caseVersion)
    }
}

/// Query texts that both SQL stores run, written once: they differ only in how a parameter is
/// spelled, which `placeholder` gives for its 1-based position (`?` in SQLite, `$1` in PostgreSQL).
package enum SharedSQL {
    package typealias Placeholder = @Sendable (Int) -> String

    package static let sqlite: Placeholder = { _ in "?" }
    package static let postgres: Placeholder = { "$\($0)" }

    static func parameters(_ count: Int, _ placeholder: Placeholder) -> String {
        (1...count).map(placeholder).joined(separator: ", ")
    }

    /// Parameters: id, email, email key, name, role, password hash, created at.
    package static func insertAccount(_ p: Placeholder) -> String {
        "INSERT INTO accounts (id, email, email_key, name, role, password_hash, created_at) VALUES (\(parameters(7, p)))"
    }

    /// Parameters: hash, account id, created at, kind, expires at, last used at.
    package static func insertToken(_ p: Placeholder) -> String {
        "INSERT INTO tokens (hash, account_id, created_at, kind, expires_at, last_used_at) VALUES (\(parameters(6, p)))"
    }

    /// Parameters: patient id, as of, status, reason, phase, disposition, last training, case version.
    package static func upsertStatus(_ p: Placeholder) -> String {
        """
        INSERT INTO case_status (patient_id, as_of, status, reason, phase, disposition, last_training, case_version)
        VALUES (\(parameters(8, p)))
        ON CONFLICT (patient_id) DO UPDATE SET as_of = excluded.as_of, status = excluded.status, reason = excluded.reason,
            phase = excluded.phase, disposition = excluded.disposition, last_training = excluded.last_training,
            case_version = excluded.case_version
        """
    }

    /// Parameter: the most to return.
    package static func staleStatuses(_ p: Placeholder) -> String {
        """
        SELECT DISTINCT p.id FROM patients p JOIN links l ON l.patient_id = p.id
        LEFT JOIN case_status s ON s.patient_id = p.id
        WHERE s.case_version IS NULL OR s.case_version <> p.version
        ORDER BY p.id LIMIT \(p(1))
        """
    }
}
