import Foundation
import Hummingbird
import LiftbackCore
import LiftbackStore

/// The clinician's caseload: every linked patient with a status, most urgent first.
struct CaseloadController {
    let store: any Store
    let engine: Engine
    let config: ServerConfig
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
        let asOf = try request.uri.queryParameters.get("asOf") == nil ? config.today() : PatientsController.asOf(request)
        let sorted = try await CaseloadService(store: store, engine: engine).entries(clinicianID: clinician.id, asOf: asOf).map {
            entry in
            Entry(
                id: entry.account.id, name: entry.account.name, status: entry.status.rawValue, reason: entry.reason,
                phase: entry.phase?.rawValue, disposition: entry.disposition?.rawValue)
        }
        return JSONResponse.make(Caseload(asOf: asOf, patients: sorted))
    }
}

extension Day {
    /// Today in UTC, read at the edge (the server), never inside the engine.
    static func today(now: Date = Date()) -> Day {
        Day(ordinal: Int((now.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
