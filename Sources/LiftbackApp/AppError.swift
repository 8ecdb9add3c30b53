import LiftbackCore
import LiftbackStore

/// What a service refuses, in words an adapter turns into a status code or a page. Clinical input
/// errors stay `CaseError` (from the core) and questionnaire errors `InstrumentError`.
public enum AppError: Error, Equatable, Sendable {
    /// Nobody is signed in.
    case signInRequired
    /// The record does not exist or the caller may not see it: the same answer, so nothing leaks.
    case notFound
    /// The caller is known and may see the record, but not do this (`field` names what was refused).
    case forbidden(String, field: String? = nil)
    /// A field is not acceptable; the message says what would be.
    case invalid(field: String, message: String)
    /// The email and password do not match an account.
    case wrongCredentials
    /// Too many failed tries lately; the next may come after `retryAfter` seconds.
    case tooManyAttempts(retryAfter: Int = 60)
    /// A clinician's load more than one step above what the person last lifted, kept only when confirmed.
    case loadNeedsConfirmation(LoadJump)
    /// An account with this email already exists.
    case emailTaken
    /// The patient has no intake yet, so nothing can be logged against a case.
    case noIntake
    /// The case kept changing while this was being saved; nothing was saved.
    case busy
    /// The idempotency key came before with a different entry; nothing was saved.
    case keyReused
}

extension AppError {
    /// A store's refusal in the services' words, so that no adapter names the store's errors.
    init(_ error: StoreError) {
        switch error {
        case .emailTaken: self = .emailTaken
        case .noIntake: self = .noIntake
        case .busy: self = .busy
        case .keyReused: self = .keyReused
        }
    }

    /// Runs a service's operation with the store's refusals said as `AppError`s.
    static func translating<T>(_ operation: () async throws -> T) async throws -> T {
        do {
            return try await operation()
        } catch let error as StoreError {
            throw AppError(error)
        }
    }
}
