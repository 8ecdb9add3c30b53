import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import LiftbackServer

/// The audit trail as the person sees it: every clinician read and every change of their record,
/// with who, the route and when; never a line for a request that was refused.
@Suite("Audit trail")
struct AuditTests {
    typealias H = APIHarness

    @Test(
        "A clinician's reads (one line an hour) and every change are on the patient's trail, newest first; refused requests and the patient's own reads are not"
    )
    func trail() async throws {
        try await H().test { client in
            let pat = try await H.signUp(client, "pat@example.org", name: "Pat")
            let doc = try await H.signUp(client, "doc@example.org", role: "clinician", name: "Dr Rivera")
            let other = try await H.signUp(client, "other@example.org", role: "clinician", name: "Dr Other")
            let code = try #require(
                try await H.send(client, .post, "/api/v1/invites", token: doc.token).json["code"] as? String)
            _ = try await H.send(client, .post, "/api/v1/invites/\(code)/accept", token: pat.token)
            let base = "/api/v1/patients/\(pat.id)"
            // Before the intake there is no plan to read: the refused read leaves no line.
            #expect(try await H.send(client, .get, "\(base)/next?asOf=2026-12-01", token: doc.token).status == .conflict)
            #expect(try await H.send(client, .put, "\(base)/intake", token: pat.token, json: H.intake).status == .ok)
            #expect(try await H.send(client, .post, "\(base)/workouts", token: pat.token, json: H.workout).status == .created)
            // Refused: a weight past the limit, a clinician writing as the patient, a stranger reading.
            var heavy = H.workout
            heavy["exercises"] = [["exercise": "trap-bar-deadlift", "sets": [["weight": 5000, "reps": 8]]]]
            #expect(try await H.send(client, .post, "\(base)/workouts", token: pat.token, json: heavy).status == .badRequest)
            #expect(try await H.send(client, .post, "\(base)/workouts", token: doc.token, json: H.workout).status == .forbidden)
            #expect(try await H.send(client, .get, "\(base)/next?asOf=2026-12-01", token: other.token).status == .notFound)
            // The patient's own read adds nothing; the clinician's read and note do.
            #expect(try await H.send(client, .get, "\(base)/next?asOf=2026-12-01", token: pat.token).status == .ok)
            // Reading again and again within the hour stays one line, and cannot bury a change.
            for _ in 0..<30 {
                #expect(try await H.send(client, .get, "\(base)/next?asOf=2026-12-01", token: doc.token).status == .ok)
            }
            let note = ["kind": "note", "date": "2026-12-01", "note": "Nice steady work"]
            #expect(try await H.send(client, .post, "\(base)/overrides", token: doc.token, json: note).status == .created)

            let reply = try await H.send(client, .get, "\(base)/audit", token: pat.token)
            #expect(reply.status == .ok)
            let events = try #require(reply.json["events"] as? [[String: Any]])
            #expect(events.map { $0["action"] as? String } == ["override-added", "viewed", "workout-logged", "intake-saved"])
            #expect(events.map { $0["actorId"] as? String } == [doc.id, doc.id, pat.id, pat.id])
            #expect(events[1]["route"] as? String == "GET /api/v1/patients/{id}/next")
            #expect(events[0]["actorName"] as? String == "Dr Rivera" && events[0]["actorRole"] as? String == "clinician")
            #expect(events[2]["byThemselves"] as? Bool == true && events[0]["byThemselves"] as? Bool == false)
            #expect(events.allSatisfy { ($0["at"] as? String)?.hasPrefix("20") == true })
            // The trail is the person's: their clinician gets 403, anyone else 404; the export carries it.
            #expect(try await H.send(client, .get, "\(base)/audit", token: doc.token).status == .forbidden)
            #expect(try await H.send(client, .get, "\(base)/audit", token: other.token).status == .notFound)
            let export = try await H.send(client, .get, "\(base)/export", token: pat.token)
            #expect((export.json["auditTrail"] as? [[String: Any]])?.count == 4)
            // The override itself names its clinician's account, not only the name shown to the person.
            let history = try await H.send(client, .get, "\(base)/history", token: pat.token)
            let override = try #require((history.json["overrides"] as? [[String: Any]])?.first)
            #expect(override["by"] as? String == "Dr Rivera" && override["byAccount"] as? String == doc.id)
        }
    }

    @Test("The person's page names the clinician who opened their record and what changed")
    func page() async throws {
        try await H().test { client in
            var person = PageTests.Browser()
            try await person.signUp(client, "Pat", "pat@example.org")
            let pat = try await H.signUp(client, "pat2@example.org", name: "Pat Two")
            let doc = try await H.signUp(client, "doc@example.org", role: "clinician", name: "Dr Rivera")
            let code = try #require(
                try await H.send(client, .post, "/api/v1/invites", token: doc.token).json["code"] as? String)
            _ = try await H.send(client, .post, "/api/v1/invites/\(code)/accept", token: pat.token)
            _ = try await H.send(client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: H.intake)
            var desk = PageTests.Browser()
            try await desk.signIn(client, "doc@example.org")
            #expect(try await desk.send(client, .get, "/patients/\(pat.id)").status == .ok)

            var patient = PageTests.Browser()
            try await patient.signIn(client, "pat2@example.org")
            let account = try await patient.send(client, .get, "/account")
            #expect(account.html.contains("href=\"/account/activity\""))
            let activity = try await patient.send(client, .get, "/account/activity")
            #expect(activity.status == .ok)
            #expect(activity.html.contains("Dr Rivera (clinician) looked at your record"))
            #expect(activity.html.contains("You saved the getting-started questions"))
            // Another person's trail starts empty: nothing of Pat Two's shows there.
            let own = try await person.send(client, .get, "/account/activity")
            #expect(own.html.contains("Nothing yet.") && !own.html.contains("Dr Rivera"))
        }
    }
}
