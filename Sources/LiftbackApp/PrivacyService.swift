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
            case: data == nil ? nil : try await cases.history(patient.id, asOf: nil), settings: data?.settings,
            questionnaires: try await store.questionnaires(patientID: patient.id))
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
