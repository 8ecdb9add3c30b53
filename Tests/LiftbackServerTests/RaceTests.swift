import Foundation
import HummingbirdTesting
import LiftbackApp
import LiftbackCore
import LiftbackStore
import Testing

@testable import LiftbackServer

/// Two requests on one case at once: what one of them decided from its read must not undo what the
/// other wrote in between. `MemoryStore.interleave` lands the other write between the read and the write.
@Suite("Read-then-write races")
struct RaceTests {
    typealias H = APIHarness

    @Test("A clinician's policy change while the person switches to pounds keeps both changes")
    func policyDuringUnitChange() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let pat = try await H.signUp(client, "pat@example.org")
            let doc = try await H.addClinician(client, "doc@example.org")
            #expect(
                try await H.send(client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: H.intake).status
                    == .ok)
            await Self.switchToPounds(store, pat.id)
            let services = try #require(H.current)
            try await services.cases.setPolicy(
                .painFree, by: Caller(doc, route: "PUT /api/v1/patients/{id}/policy"), patientID: pat.id)
            let settings = try #require(try await store.settings(patientID: pat.id))
            #expect(settings.unit == .lb, "the change of unit made meanwhile was undone")
            #expect(settings.policy == .painFree)
        }
    }

    @Test("An import while the intake is saved again keeps the new intake and adds the history to it")
    func importDuringIntakeSave() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let pat = try await Self.patientWithIntake(client)
            await store.interleave { store in
                guard let settings = store.settings(patientID: pat.id), var intake = store.caseData(patientID: pat.id)?.intake
                else { return }
                intake.pain = 6
                intake.avoids = [.liftingFromFloor]
                store.saveIntake(intake, settings: settings, patientID: pat.id)
            }
            let imported = try await Self.importDeadlifts(client, pat)
            #expect(imported.status == .ok, "\(imported.text)")
            let intake = try #require(try await store.caseData(patientID: pat.id)).intake
            #expect(intake.pain == 6 && intake.avoids == [.liftingFromFloor], "the intake saved meanwhile was undone")
            #expect(intake.trainingHistory?.count == 1)
        }
    }

    @Test("An import while the person switches unit saves nothing and says to try again")
    func importDuringUnitChange() async throws {
        let store = MemoryStore()
        try await H(store: store).test { client in
            let pat = try await Self.patientWithIntake(client)
            await Self.switchToPounds(store, pat.id)
            let imported = try await Self.importDeadlifts(client, pat)
            #expect(imported.status == .conflict, "\(imported.text)")
            let data = try #require(try await store.caseData(patientID: pat.id))
            #expect(data.settings.unit == .lb && data.intake.trainingHistory == nil)
        }
    }

    static func patientWithIntake(_ client: some TestClientProtocol) async throws -> (id: String, token: String) {
        let pat = try await H.signUp(client, "pat@example.org")
        let saved = try await H.send(client, .put, "/api/v1/patients/\(pat.id)/intake", token: pat.token, json: H.intake)
        #expect(saved.status == .ok, "\(saved.text)")
        return pat
    }

    /// Imports one deadlift session from a Strong-style export in kilograms.
    static func importDeadlifts(_ client: some TestClientProtocol, _ pat: (id: String, token: String)) async throws -> H.Reply {
        let export =
            "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n2025-06-02,Deadlift,Back,140.0,5,,,\n"
        return try await H.send(client, .put, "/api/v1/patients/\(pat.id)/training-history", token: pat.token, raw: export)
    }

    /// Lands, after the next case read, the person's change of unit to pounds, as their own request would.
    static func switchToPounds(_ store: MemoryStore, _ patientID: String) async {
        await store.interleave { store in
            guard var settings = store.settings(patientID: patientID), let intake = store.caseData(patientID: patientID)?.intake
            else { return }
            settings.unit = .lb
            store.saveIntake(intake, settings: settings, patientID: patientID)
        }
    }
}
