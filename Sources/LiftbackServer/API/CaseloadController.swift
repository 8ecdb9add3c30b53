import Foundation
import Hummingbird
import LiftbackCore
import LiftbackStore

/// The clinician's caseload: every linked patient with a status, most urgent first.
struct CaseloadController {
    let store: any Store
    let engine: Engine
    var access: Access { Access(store: store) }

    struct Entry: Encodable {
        var id: String
        var name: String
        var status: String
        var reason: String
        var phase: String?
        var disposition: String?
    }

    struct Caseload: Encodable {
        var asOf: Day
        var patients: [Entry]
    }

    func register(_ api: RouterGroup<AppContext>) {
        api.get("caseload") { request, context in try await caseload(request, context) }
    }

    func caseload(_ request: Request, _ context: AppContext) async throws -> Response {
        let clinician = try access.caller(context, role: .clinician)
        let asOf = try request.uri.queryParameters.get("asOf") == nil ? Day.today() : PatientsController.asOf(request)
        var entries: [(CaseStatus, Entry)] = []
        for patient in try await store.patients(ofClinician: clinician.id) {
            guard let data = try await store.caseData(patientID: patient.id), asOf >= data.intake.date else {
                entries.append(
                    (
                        .stalled,
                        Entry(
                            id: patient.id, name: patient.name, status: CaseStatus.stalled.rawValue,
                            reason: "The intake is not done yet.")
                    ))
                continue
            }
            let prescription = engine.nextPrescription(for: data.asCase(asOf: asOf))
            let (status, reason) = CaseStatus.classify(prescription)
            entries.append(
                (
                    status,
                    Entry(
                        id: patient.id, name: patient.name, status: status.rawValue, reason: reason,
                        phase: prescription.phase.rawValue,
                        disposition: prescription.disposition.rawValue)
                ))
        }
        let sorted = entries.sorted { ($1.0, $0.1.name) < ($0.0, $1.1.name) }.map(\.1)
        return JSONResponse.make(Caseload(asOf: asOf, patients: sorted))
    }
}

extension Day {
    /// Today in UTC, read at the edge (the server), never inside the engine.
    static func today(now: Date = Date()) -> Day {
        Day(ordinal: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
