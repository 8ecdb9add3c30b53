import Foundation
import LiftbackCore

extension Account {
    /// An account from the columns `SharedSQL.accountColumns` names, as both SQL stores read them. A
    /// role not understood reads as a patient, the role that sees the least.
    package static func from(id: String, email: String, name: String, role: String, createdAt: Double) -> Account {
        Account(
            id: id, email: email, name: name, role: Role(rawValue: role) ?? .patient,
            createdAt: Date(timeIntervalSince1970: createdAt))
    }
}

extension StoredToken {
    /// A token from the columns `SharedSQL.token` names; `nil` when its kind is not understood.
    package static func from(
        account: Account, kind: String, createdAt: Double, expiresAt: Double, lastUsedAt: Double
    ) -> StoredToken? {
        TokenKind(rawValue: kind).map { kind in
            StoredToken(
                account: account, kind: kind, createdAt: Date(timeIntervalSince1970: createdAt),
                expiresAt: Date(timeIntervalSince1970: expiresAt), lastUsedAt: Date(timeIntervalSince1970: lastUsedAt))
        }
    }
}

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

extension AuditEvent {
    /// A line of the trail from the columns `SharedSQL.auditTrail` reads; `nil` when a value is not understood.
    package static func from(at: Double, actorID: String, role: String, action: String, route: String) -> AuditEvent? {
        guard let role = Role(rawValue: role), let action = AuditAction(rawValue: action) else { return nil }
        return AuditEvent(at: Date(timeIntervalSince1970: at), actorID: actorID, actorRole: role, action: action, route: route)
    }
}

/// Query texts that both SQL stores run, written once. They differ only in the dialect: how a
/// parameter is spelled for its 1-based position (`?` in SQLite, `$1` in PostgreSQL), and how names
/// sort byte by byte (SQLite's default; PostgreSQL's `COLLATE "C"`), so both list people alike.
package enum SharedSQL {
    package struct Dialect: Sendable {
        let placeholder: @Sendable (Int) -> String
        let byteOrder: String
        func callAsFunction(_ position: Int) -> String { placeholder(position) }
    }
    package static let sqlite = Dialect(placeholder: { _ in "?" }, byteOrder: "")
    package static let postgres = Dialect(placeholder: { "$\($0)" }, byteOrder: #" COLLATE "C""#)

    static func parameters(_ count: Int, _ placeholder: Dialect) -> String {
        (1...count).map(placeholder.placeholder).joined(separator: ", ")
    }

    /// Parameters: patient id, at, actor id, actor role, action, route.
    package static func insertAudit(_ p: Dialect) -> String {
        "INSERT INTO audit_events (patient_id, at, actor_id, actor_role, action, route) VALUES (\(parameters(6, p)))"
    }

    /// Parameters: the line's six, then patient id, actor id, action and the earliest time again.
    /// Adds the line unless the same actor already has a line of that action since then.
    package static func insertAuditUnlessSince(_ p: Dialect) -> String {
        """
        INSERT INTO audit_events (patient_id, at, actor_id, actor_role, action, route)
        SELECT \(parameters(6, p)) WHERE NOT EXISTS (
            SELECT 1 FROM audit_events WHERE patient_id = \(p(7)) AND actor_id = \(p(8)) AND action = \(p(9)) AND at >= \(p(10)))
        """
    }

    /// Parameters: patient id, limit, patient id, limit. The columns `AuditEvent.from` reads, newest
    /// first: the newest changes and, beside them, the newest views, each up to the limit, so that
    /// reads can never push a change out of the trail.
    package static func auditTrail(_ p: Dialect) -> String {
        """
        SELECT at, actor_id, actor_role, action, route FROM (
            SELECT * FROM (SELECT * FROM audit_events WHERE patient_id = \(p(1)) AND action <> '\(AuditAction.viewed.rawValue)' ORDER BY id DESC LIMIT \(p(2))) AS changes
            UNION ALL
            SELECT * FROM (SELECT * FROM audit_events WHERE patient_id = \(p(3)) AND action = '\(AuditAction.viewed.rawValue)' ORDER BY id DESC LIMIT \(p(4))) AS views
        ) AS lines ORDER BY id DESC
        """
    }

    /// The columns `Account.from` reads, in its order.
    package static let accountColumns = "accounts.id, accounts.email, accounts.name, accounts.role, accounts.created_at"

    /// Parameter: the email key (the address in lower case). The account's columns, then its password hash.
    package static func credentials(_ p: Dialect) -> String {
        "SELECT \(accountColumns), accounts.password_hash FROM accounts WHERE email_key = \(p(1))"
    }

    /// Parameter: the account id.
    package static func account(_ p: Dialect) -> String {
        "SELECT \(accountColumns) FROM accounts WHERE id = \(p(1))"
    }

    /// Parameters: code, clinician id, created at.
    package static func insertInvite(_ p: Dialect) -> String {
        "INSERT INTO invites (code, clinician_id, created_at) VALUES (\(parameters(3, p)))"
    }

    /// Parameters: patient id, clinician id. One row: whether they are linked.
    package static func linkExists(_ p: Dialect) -> String {
        "SELECT EXISTS (SELECT 1 FROM links WHERE patient_id = \(p(1)) AND clinician_id = \(p(2)))"
    }

    /// The accounts on the other side of one account's links, by name. Parameter: that account's id.
    /// - Parameter clinicians: the clinicians of a patient; otherwise the patients of a clinician.
    package static func linkedAccounts(clinicians: Bool, _ p: Dialect) -> String {
        let (other, side) = clinicians ? ("clinician_id", "patient_id") : ("patient_id", "clinician_id")
        return """
            SELECT \(accountColumns) FROM links JOIN accounts ON accounts.id = links.\(other)
            WHERE links.\(side) = \(p(1)) ORDER BY accounts.name\(p.byteOrder), accounts.id
            """
    }

    /// Parameter: the patient id. One row or none.
    package static func settings(_ p: Dialect) -> String { "SELECT settings FROM patients WHERE id = \(p(1))" }
    package static func caseVersion(_ p: Dialect) -> String { "SELECT version FROM patients WHERE id = \(p(1))" }

    /// A clinician's linked patients by name: the account's columns, then `case_status`'s as
    /// `StoredStatus.from` reads them, then the case's current version. Parameter: the clinician id.
    package static func caseload(_ p: Dialect) -> String {
        """
        SELECT \(accountColumns), s.as_of, s.status, s.reason, s.phase, s.disposition, s.last_training, s.case_version,
            p.version AS current_version
        FROM links JOIN accounts ON accounts.id = links.patient_id
        LEFT JOIN case_status s ON s.patient_id = links.patient_id
        LEFT JOIN patients p ON p.id = links.patient_id
        WHERE links.clinician_id = \(p(1)) ORDER BY accounts.name\(p.byteOrder), accounts.id
        """
    }

    /// Parameters: id, email, email key, name, role, password hash, created at.
    package static func insertAccount(_ p: Dialect) -> String {
        "INSERT INTO accounts (id, email, email_key, name, role, password_hash, created_at) VALUES (\(parameters(7, p)))"
    }

    /// Parameters: hash, account id, created at, kind, expires at, last used at.
    package static func insertToken(_ p: Dialect) -> String {
        "INSERT INTO tokens (hash, account_id, created_at, kind, expires_at, last_used_at) VALUES (\(parameters(6, p)))"
    }

    /// Parameters: patient id, as of, status, reason, phase, disposition, last training, case version.
    package static func upsertStatus(_ p: Dialect) -> String {
        """
        INSERT INTO case_status (patient_id, as_of, status, reason, phase, disposition, last_training, case_version)
        VALUES (\(parameters(8, p)))
        ON CONFLICT (patient_id) DO UPDATE SET as_of = excluded.as_of, status = excluded.status, reason = excluded.reason,
            phase = excluded.phase, disposition = excluded.disposition, last_training = excluded.last_training,
            case_version = excluded.case_version
        """
    }

    /// Parameter: the most to return.
    package static func staleStatuses(_ p: Dialect) -> String {
        """
        SELECT DISTINCT p.id FROM patients p JOIN links l ON l.patient_id = p.id
        LEFT JOIN case_status s ON s.patient_id = p.id
        WHERE s.case_version IS NULL OR s.case_version <> p.version
        ORDER BY p.id LIMIT \(p(1))
        """
    }

    /// Parameters: the hash, the account id.
    package static func setPasswordHash(_ p: Dialect) -> String {
        "UPDATE accounts SET password_hash = \(p(1)) WHERE id = \(p(2))"
    }

    /// Parameter: the token's hash. The account's columns, then the token's kind, created at,
    /// expires at and last used at, as `StoredToken.from` reads them.
    package static func token(_ p: Dialect) -> String {
        """
        SELECT \(accountColumns), tokens.kind, tokens.created_at, tokens.expires_at, tokens.last_used_at
        FROM tokens JOIN accounts ON accounts.id = tokens.account_id WHERE tokens.hash = \(p(1))
        """
    }

    /// Parameters: last used at, the token's hash.
    package static func touchToken(_ p: Dialect) -> String {
        "UPDATE tokens SET last_used_at = \(p(1)) WHERE hash = \(p(2))"
    }

    /// Parameter: the account id. Every token of the account.
    package static func deleteTokens(_ p: Dialect) -> String { "DELETE FROM tokens WHERE account_id = \(p(1))" }

    /// Parameters: the account id, the kind.
    package static func deleteTokensOfKind(_ p: Dialect) -> String {
        "DELETE FROM tokens WHERE account_id = \(p(1)) AND kind = \(p(2))"
    }

    /// Parameter: the account id. A row when it was there (every other table follows with ON DELETE CASCADE).
    package static func deleteAccount(_ p: Dialect) -> String { "DELETE FROM accounts WHERE id = \(p(1)) RETURNING id" }

    /// Parameter: the token's hash. A row when it was there.
    package static func deleteToken(_ p: Dialect) -> String { "DELETE FROM tokens WHERE hash = \(p(1)) RETURNING hash" }

    /// Parameters: patient id, clinician id. A row when the link was there.
    package static func deleteLink(_ p: Dialect) -> String {
        "DELETE FROM links WHERE patient_id = \(p(1)) AND clinician_id = \(p(2)) RETURNING patient_id"
    }

    /// Parameters: patient id, settings, intake. A new case, or a new intake for one, raising its version.
    package static func upsertIntake(_ p: Dialect) -> String {
        """
        INSERT INTO patients (id, settings, intake) VALUES (\(parameters(3, p)))
        ON CONFLICT (id) DO UPDATE SET settings = excluded.settings, intake = excluded.intake, version = patients.version + 1
        """
    }

    /// Parameters: settings, patient id. A row when the case exists; its version rises.
    package static func updateSettings(_ p: Dialect) -> String {
        "UPDATE patients SET settings = \(p(1)), version = version + 1 WHERE id = \(p(2)) RETURNING id"
    }

    /// Parameters: entry id, patient id, kind. One row or none: the entry's body.
    package static func entryBody(_ p: Dialect) -> String {
        "SELECT body FROM case_entries WHERE id = \(p(1)) AND patient_id = \(p(2)) AND kind = \(p(3))"
    }

    /// Parameters: patient id, kind. The id and body of each entry of that kind, oldest first.
    package static func entriesOfKind(_ p: Dialect) -> String {
        """
        SELECT id, body FROM case_entries WHERE patient_id = \(p(1)) AND kind = \(p(2))
        ORDER BY date\(p.byteOrder), id
        """
    }

    /// Parameter: the patient id. One row or none: the settings and the intake.
    package static func patient(_ p: Dialect) -> String { "SELECT settings, intake FROM patients WHERE id = \(p(1))" }

    /// Parameter: the patient id. The id, kind and body of every entry, oldest first.
    package static func entries(_ p: Dialect) -> String {
        "SELECT id, kind, body FROM case_entries WHERE patient_id = \(p(1)) ORDER BY date\(p.byteOrder), id"
    }

    /// Parameters: patient id, kind, date, body, idempotency key (or null).
    package static func insertEntry(_ p: Dialect) -> String {
        "INSERT INTO case_entries (patient_id, kind, date, body, idempotency_key) VALUES (\(parameters(5, p)))"
    }

    /// Parameters: patient id, idempotency key. The entry sent with that key before: id, kind and body.
    package static func entryByKey(_ p: Dialect) -> String {
        "SELECT id, kind, body FROM case_entries WHERE patient_id = \(p(1)) AND idempotency_key = \(p(2))"
    }

    /// Parameters: patient id, settings, intake.
    package static func insertPatient(_ p: Dialect) -> String {
        "INSERT INTO patients (id, settings, intake) VALUES (\(parameters(3, p)))"
    }

    /// Parameters: patient id, clinician id.
    package static func insertLink(_ p: Dialect) -> String {
        "INSERT INTO links (patient_id, clinician_id) VALUES (\(parameters(2, p)))"
    }
}
