import Foundation
import LiftbackCore
import LiftbackStore

/// People's rights over what Liftback holds about them: a copy of all of it, and deleting it.
public struct PrivacyService: Sendable {
    let store: any Store
    let cases: CaseService
    let accounts: AccountService
    let now: @Sendable () -> Date

    /// Everything held about a person, as one document.
    public struct Export: Encodable, Sendable {
        public var exportedAt: Date
        public var account: Account
        /// Who can see the record.
        public var clinicians: [Person]
        /// The case as stored (docs/case-format.md, "The case"), with every entry; `nil` before the intake.
        public var `case`: Case?
        /// The case's settings, the time zone included.
        public var settings: PatientSettings?
        /// Every questionnaire with its answers and score.
        public var questionnaires: [QuestionnaireRecord]
        /// Who read or changed the record, newest first.
        public var auditTrail: [TrailLine]
    }

    /// A line of the audit trail as the person reads it: who, by name when the account still exists.
    public struct TrailLine: Encodable, Sendable, Equatable {
        public var at: Date
        public var actorID: String
        /// The account's name; `nil` once that account is deleted.
        public var actorName: String?
        public var actorRole: Role
        /// Whether it was the person themselves.
        public var byThemselves: Bool
        public var action: AuditAction
        public var route: String

        enum CodingKeys: String, CodingKey {
            case at
            case actorID = "actorId"
            case actorName, actorRole, byThemselves, action, route
        }
    }

    /// The most changes the trail gives at a time, and the most views beside them.
    public static let trailLimit = 500

    /// The patient's audit trail, newest first: who read or changed their record, when, and how.
    /// - Parameter limit: the most changes, and views beside them; the export asks for all.
    public func auditTrail(_ patient: Account, limit: Int = trailLimit) async throws -> [TrailLine] {
        let events = try await store.auditTrail(patientID: patient.id, limit: limit)
        var names: [String: String?] = [patient.id: patient.name]
        for id in Set(events.map(\.actorID)) where names[id] == nil { names[id] = try await store.account(id: id)?.name }
        return events.map { event in
            TrailLine(
                at: event.at, actorID: event.actorID, actorName: names[event.actorID] ?? nil, actorRole: event.actorRole,
                byThemselves: event.actorID == patient.id, action: event.action, route: event.route)
        }
    }

    /// Someone on the other side of a link, as the person sees them.
    public struct Person: Encodable, Sendable {
        public var name: String
        public var email: String
    }

    /// A copy of everything held about the patient.
    public func export(_ patient: Account) async throws -> Export {
        let data = try await cases.caseData(patient.id)
        return Export(
            exportedAt: now(), account: patient,
            clinicians: try await store.clinicians(ofPatient: patient.id).map { Person(name: $0.name, email: $0.email) },
            case: data == nil ? nil : try await cases.history(patient.id, asOf: nil, by: Caller(patient, route: "export")),
            settings: data?.settings, questionnaires: try await store.questionnaires(patientID: patient.id),
            auditTrail: try await auditTrail(patient, limit: Int(Int32.max)))
    }

    /// Deletes the account and everything held about it, once its password is given again. The
    /// person is signed out everywhere: their tokens go with the account.
    ///
    /// - Throws: `AppError.wrongCredentials` for a wrong password (nothing is deleted),
    ///   `AppError.tooManyAttempts` after repeated wrong ones (the sign-in limiter's turns).
    public func deleteAccount(_ account: Account, password: String, address: String? = nil) async throws {
        try await accounts.confirmPassword(account, password, address: address)
        _ = try await store.deleteAccount(id: account.id)
    }
}
