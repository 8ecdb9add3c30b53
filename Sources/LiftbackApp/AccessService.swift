import LiftbackStore

/// Who may reach what (the API, described at /openapi.json): a patient only their own records, a clinician only
/// linked patients; anything else is "not found", so that nobody learns what exists. The one place
/// the link between a clinician and a patient is checked, for the API and the pages alike.
public struct AccessService: Sendable {
    let store: any Store

    public enum Relation: Sendable {
        case selfPatient, linkedClinician
    }

    /// The signed-in caller, holding `role` when one is asked for.
    public func caller(_ identity: Account?, role: Role? = nil) throws(AppError) -> Account {
        guard let account = identity else { throw .signInRequired }
        if let role, account.role != role { throw .forbidden("only a \(role.rawValue) can do this") }
        return account
    }

    /// How the caller stands to the patient `patientID`, if they may reach them at all.
    public func relation(_ identity: Account?, to patientID: String) async throws -> (caller: Account, relation: Relation) {
        let caller = try caller(identity)
        switch caller.role {
        case .patient where caller.id == patientID:
            return (caller, .selfPatient)
        case .clinician where try await store.isLinked(patientID: patientID, clinicianID: caller.id):
            return (caller, .linkedClinician)
        default:
            throw AppError.notFound
        }
    }

    /// Writes by the patient themselves.
    public func patientSelf(_ identity: Account?, _ patientID: String) async throws -> Account {
        let (caller, relation) = try await relation(identity, to: patientID)
        guard relation == .selfPatient else { throw AppError.forbidden("only the patient can do this with their own record") }
        return caller
    }

    /// Writes reserved to the patient's linked clinician.
    public func linkedClinician(_ identity: Account?, _ patientID: String) async throws -> Account {
        let (caller, relation) = try await relation(identity, to: patientID)
        guard relation == .linkedClinician else { throw AppError.forbidden("only the patient's clinician can do this") }
        return caller
    }

    /// The clinician's linked patient, for the clinician's pages.
    public func linkedPatient(_ clinician: Account, _ patientID: String) async throws -> Account {
        guard clinician.role == .clinician, try await store.isLinked(patientID: patientID, clinicianID: clinician.id),
            let patient = try await store.account(id: patientID)
        else { throw AppError.notFound }
        return patient
    }
}
