import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// The clinician's caseload: every linked patient with a status, most urgent first.
struct CaseloadController {
    let services: Services

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
        let clinician = try services.access.caller(context.identity, role: .clinician)
        let asOf = try request.uri.queryParameters.get("asOf") == nil ? services.cases.today() : PatientsController.asOf(request)
        let sorted = try await services.caseload.entries(clinicianID: clinician.id, asOf: asOf).map { entry in
            Entry(
                id: entry.account.id, name: entry.account.name, status: entry.status.rawValue, reason: entry.reason,
                phase: entry.phase?.rawValue, disposition: entry.disposition?.rawValue)
        }
        return JSONResponse.make(Caseload(asOf: asOf, patients: sorted))
    }
}
