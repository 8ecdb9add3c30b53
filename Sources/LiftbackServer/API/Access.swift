import Hummingbird
import LiftbackStore

/// Who may reach what (contract section 4): a patient only their own records, a clinician only
/// linked patients; anything else is 404 so that nobody learns what exists; no token is 401.
struct Access {
    let store: any Store

    func caller(_ context: AppContext) throws -> Account {
        guard let account = context.identity else { throw APIError.unauthorized }
        return account
    }

    func caller(_ context: AppContext, role: Role) throws -> Account {
        let account = try caller(context)
        guard account.role == role else { throw APIError(.forbidden, "only a \(role.rawValue) can do this") }
        return account
    }

    enum Relation {
        case selfPatient, linkedClinician
    }

    /// The patient named by `{id}`, if the caller may reach them.
    func patient(_ id: String, _ context: AppContext) async throws -> (caller: Account, relation: Relation) {
        let caller = try caller(context)
        switch caller.role {
        case .patient where caller.id == id:
            return (caller, .selfPatient)
        case .clinician where try await store.isLinked(patientID: id, clinicianID: caller.id):
            return (caller, .linkedClinician)
        default:
            throw APIError.notFound
        }
    }

    /// Writes by the patient themselves.
    func patientSelf(_ id: String, _ context: AppContext) async throws -> Account {
        let (caller, relation) = try await patient(id, context)
        guard relation == .selfPatient else { throw APIError(.forbidden, "the patient records this themselves") }
        return caller
    }

    /// Writes reserved to the patient's linked clinician.
    func linkedClinician(_ id: String, _ context: AppContext) async throws -> Account {
        let (caller, relation) = try await patient(id, context)
        guard relation == .linkedClinician else { throw APIError(.forbidden, "only the patient's clinician can do this") }
        return caller
    }
}
