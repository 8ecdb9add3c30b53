import Foundation
import Hummingbird
import HummingbirdTesting
import LiftbackStore
import Testing

@testable import LiftbackServer

/// Every route, walked by five actors: anonymous, patient A, patient B, A's linked clinician and an
/// unlinked clinician. A patient reaches only their own records, a clinician only linked patients,
/// anything else is 404, and no token is 401.
@Suite("Authorization walk")
struct AuthorizationTests {
    typealias H = APIHarness

    enum Actor: String, CaseIterable {
        case anonymous, patientA, patientB, linkedClinician, unlinkedClinician
    }

    /// A FitNotes export of two sets (the body of `training-history`).
    static let export =
        "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n2025-06-02,Deadlift,Back,150.0,5,,,\n"

    /// A valid body for each operation, so that allowed actors succeed.
    static func body(for path: String) -> Any? {
        switch path.split(separator: "/").last.map(String.init) ?? "" {
        case "intake": H.intake
        case "workouts": H.workout
        case "{workoutId}": ["nextDay": "settled"]
        case "check-ins": ["date": "2026-12-01", "pain": 2]
        case "screens": ["date": "2026-12-01", "passed": true]
        case "questionnaires": ["instrument": "rmdq", "date": "2026-12-01", "answers": Array(repeating: 0, count: 24)]
        case "clearances": ["flag": "radiating-leg-pain", "date": "2026-12-01"]
        case "overrides": ["kind": "note", "date": "2026-12-01", "note": "Keep going"]
        case "training-history": Self.export
        default: nil
        }
    }

    /// What each actor should get on a route about patient A.
    static func expected(_ actor: Actor, method: String, path: String) -> Set<Int> {
        // What only the patient does: their entries, their copy of the record and its trail, ending a link.
        let patientWrites = [
            "intake", "training-history", "workouts", "{workoutId}", "check-ins", "export", "audit", "{clinicianId}",
            "calendar-feed",
        ]
        let clinicianWrites = ["clearances", "overrides"]
        let last = path.split(separator: "/").last.map(String.init) ?? ""
        switch actor {
        case .anonymous: return [401]
        case .patientB, .unlinkedClinician: return [404]
        case .patientA: return clinicianWrites.contains(last) ? [403] : [200, 201, 204]
        case .linkedClinician: return patientWrites.contains(last) ? [403] : [200, 201]
        }
    }

    @Test("Every patient route answers each of the five actors as the contract says")
    func walk() async throws {
        try await H().test { client in
            let a = try await H.signUp(client, "a@example.org", name: "Patient A")
            let b = try await H.signUp(client, "b@example.org", name: "Patient B")
            let linked = try await H.signUp(client, "linked@example.org", role: "clinician", name: "Dr Linked")
            let unlinked = try await H.signUp(client, "unlinked@example.org", role: "clinician", name: "Dr Other")
            let code = try #require(
                try await H.send(client, .post, "/api/v1/invites", token: linked.token).json["code"] as? String)
            #expect(try await H.send(client, .post, "/api/v1/invites/\(code)/accept", token: a.token).status == .ok)
            _ = try await H.send(client, .put, "/api/v1/patients/\(a.id)/intake", token: a.token, json: H.intake)
            let workoutID = try #require(
                try await H.send(client, .post, "/api/v1/patients/\(a.id)/workouts", token: a.token, json: H.workout).json["id"]
                    as? Int)
            let tokens: [Actor: String?] = [
                .anonymous: nil, .patientA: a.token, .patientB: b.token, .linkedClinician: linked.token,
                .unlinkedClinician: unlinked.token,
            ]
            var checked = 0
            for operation in OpenAPIDocument.operations where operation.path.contains("/patients/{id}") {
                let uri =
                    operation.path.replacingOccurrences(of: "{id}", with: a.id)
                    .replacingOccurrences(of: "{workoutId}", with: String(workoutID))
                    .replacingOccurrences(of: "{clinicianId}", with: linked.id)
                    + (operation.query.contains { $0.name == "asOf" } ? "?asOf=2026-12-07" : "")
                // Unlinking is walked last, and patient A comes last to it: before, everyone else
                // meets the link as it stands.
                let unlinking = operation.path.hasSuffix("{clinicianId}")
                for actor in unlinking ? Actor.allCases.reversed() : Actor.allCases {
                    let body = Self.body(for: operation.path)
                    let reply = try await H.send(
                        client, HTTPRequest.Method(operation.method.uppercased())!, uri, token: tokens[actor]!,
                        json: body is String ? nil : body, raw: body as? String)
                    let allowed = Self.expected(actor, method: operation.method, path: operation.path)
                    #expect(
                        allowed.contains(Int(reply.status.code)),
                        "\(actor) \(operation.method) \(operation.path): \(reply.status) \(reply.text)")
                    checked += 1
                }
            }
            #expect(checked == 5 * 17)
            // Once A stopped sharing, the clinician meets A's record as any stranger does.
            #expect(try await H.send(client, .get, "/api/v1/patients/\(a.id)/history", token: linked.token).status == .notFound)
            #expect(
                try await H.send(client, .delete, "/api/v1/patients/\(a.id)/clinicians/\(linked.id)", token: a.token).status
                    == .notFound)
            // Nothing written by patient B or the unlinked clinician reached A's records.
            let history = try await H.send(client, .get, "/api/v1/patients/\(a.id)/history", token: a.token)
            #expect((history.json["workouts"] as? [Any])?.count == 2)  // the setup's and patient A's own
            #expect((history.json["checkIns"] as? [Any])?.count == 1)
        }
    }

    @Test("Invites and the caseload are the clinician's; the caseload lists linked patients only")
    func clinicianRoutes() async throws {
        try await H().test { client in
            let a = try await H.signUp(client, "a@example.org", name: "Patient A")
            let b = try await H.signUp(client, "b@example.org", name: "Patient B")
            let linked = try await H.signUp(client, "linked@example.org", role: "clinician")
            let unlinked = try await H.signUp(client, "unlinked@example.org", role: "clinician")
            #expect(try await H.send(client, .post, "/api/v1/invites").status == .unauthorized)
            #expect(try await H.send(client, .post, "/api/v1/invites", token: a.token).status == .forbidden)
            let code = try #require(
                try await H.send(client, .post, "/api/v1/invites", token: linked.token).json["code"] as? String)
            #expect(try await H.send(client, .post, "/api/v1/invites/\(code)/accept").status == .unauthorized)
            #expect(try await H.send(client, .post, "/api/v1/invites/\(code)/accept", token: linked.token).status == .forbidden)
            #expect(try await H.send(client, .post, "/api/v1/invites/NOSUCHCODE/accept", token: b.token).status == .notFound)
            #expect(try await H.send(client, .post, "/api/v1/invites/\(code)/accept", token: a.token).status == .ok)

            #expect(try await H.send(client, .get, "/api/v1/caseload").status == .unauthorized)
            #expect(try await H.send(client, .get, "/api/v1/caseload", token: a.token).status == .forbidden)
            let caseload = try await H.send(client, .get, "/api/v1/caseload?asOf=2026-12-07", token: linked.token)
            #expect((caseload.json["patients"] as? [[String: Any]])?.map { $0["id"] as? String } == [a.id])
            let empty = try await H.send(client, .get, "/api/v1/caseload?asOf=2026-12-07", token: unlinked.token)
            #expect((empty.json["patients"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("A token that was never issued is treated as no token")
    func forgedToken() async throws {
        try await H().test { client in
            let a = try await H.signUp(client, "a@example.org")
            let reply = try await H.send(
                client, .get, "/api/v1/patients/\(a.id)/history", token: String(repeating: "0", count: 64))
            #expect(reply.status == .unauthorized)
        }
    }
}
