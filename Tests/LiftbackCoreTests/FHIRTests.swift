import Foundation
import LiftbackCore
import Testing

@Suite("The FHIR R4 bundle (contract, section 5: export fhir)")
struct FHIRTests {
    let engine = Fixture.engine

    /// A case with a flag reported and cleared, a clinician's swap, load and note, questionnaires and a screen.
    static var reviewed: Case {
        var c = Fixture.liftingCase(
            asOf: "2026-02-16",
            workouts: [Fixture.session("2026-02-09", weight: 70, pain: 3, after: 2)],
            checkIns: [CheckIn(date: Fixture.day("2026-02-10"), pain: 2, stiffnessMinutes: 15, flags: [.radiatingLegPain])],
            overrides: [
                Override(kind: .load, date: Fixture.day("2026-02-12"), by: "Dr Rivera", exercise: "goblet-squat", weight: 16),
                Override(kind: .note, date: Fixture.day("2026-02-12"), by: "Dr Rivera", note: "Slow on the way down."),
            ],
            clearances: [Clearance(flag: .radiatingLegPain, date: Fixture.day("2026-02-11"), by: "Dr Rivera", note: "Settled.")])
        c.questionnaires = [
            QuestionnaireAnswers(instrument: .odi, date: Fixture.intakeDay, answers: [1, 2, 3, nil, 2, 2, 1, 0, 1, 2]),
            QuestionnaireAnswers(instrument: .startback, date: Fixture.intakeDay, answers: [1, 0, 0, 1, 0, 1, 1, 0, 3]),
        ]
        c.screens = [MovementScreen(date: Fixture.day("2026-02-13"), passedParts: ["toeTouch", "squats", "walk"])]
        return c
    }

    func bundle(_ c: Case, key: String = "k") -> JSONValue {
        FHIRExport.bundle(c, prescription: engine.nextPrescription(for: c), subject: .init(key: key), catalog: engine.catalog)
    }

    func resources(_ bundle: JSONValue) -> [(url: String, resource: JSONValue)] {
        guard case let .array(entries)? = bundle["entry"] else { return [] }
        return entries.compactMap { entry in
            guard case let .string(url)? = entry["fullUrl"], let resource = entry["resource"] else { return nil }
            return (url, resource)
        }
    }

    func references(in value: JSONValue) -> [String] {
        switch value {
        case let .object(members):
            members.flatMap { key, item in
                if key == "reference", case let .string(reference) = item { [reference] } else { references(in: item) }
            }
        case let .array(items): items.flatMap(references)
        default: []
        }
    }

    /// The day a Provenance's change was made, from its activity's kind: the fixture's dates.
    func day(of provenance: JSONValue) -> String {
        if case let .string(text)? = provenance["activity"]?["text"], text.hasPrefix("Reviewed") {
            "2026-02-11"
        } else {
            "2026-02-12"
        }
    }

    func type(_ resource: JSONValue) -> String {
        if case let .string(type)? = resource["resourceType"] { type } else { "" }
    }

    @Test("Every reference resolves inside the bundle, and every full URL is its resource's id")
    func referencesResolve() {
        let found = resources(bundle(Self.reviewed))
        let urls = Set(found.map(\.url))
        #expect(urls.count == found.count)
        for (url, resource) in found {
            #expect(resource["id"] == .string(String(url.dropFirst("urn:uuid:".count))))
            for reference in references(in: resource) { #expect(urls.contains(reference), "\(type(resource)) -> \(reference)") }
        }
    }

    @Test("Pain reports are LOINC 72514-3 with their context; questionnaires are answered and scored; the plan is a CarePlan")
    func contents() {
        let found = resources(bundle(Self.reviewed)).map(\.resource)
        let pains = found.filter {
            $0["code"]?["coding"] == [
                [
                    "system": "http://loinc.org", "code": "72514-3",
                    "display": "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
                ]
            ]
        }
        // The prelude's check-ins and walks (two reports a day), the session's two and the check-in's one.
        #expect(pains.contains { $0["method"]?["text"] == "During a session" && $0["valueInteger"] == 3 })
        #expect(pains.contains { $0["method"]?["text"] == "At a check-in" && $0["effectiveDateTime"] == "2026-02-10" })
        let responses = found.filter { type($0) == "QuestionnaireResponse" }
        #expect(responses.count == 2)
        let odi = found.first { $0["code"]?["text"] == "Oswestry (ODI) score" }
        #expect(odi?["valueQuantity"]?["value"] == .double(31.1) && odi?["valueQuantity"]?["code"] == "%")
        let startBack = found.first { $0["code"]?["text"] == "STarT Back score" }
        #expect(startBack?["interpretation"] == [["text": "medium"]])
        let carePlans = found.filter { type($0) == "CarePlan" }
        #expect(carePlans.count == 1 && carePlans[0]["status"] == "active" && carePlans[0]["intent"] == "plan")
        let screen = found.first { $0["code"]?["text"] == "Movement screen passed" }
        #expect(screen?["valueBoolean"] == false)
    }

    @Test("Each clinician change has a Provenance naming its Practitioner; a clearance points at the flag it cleared")
    func provenance() {
        let found = resources(bundle(Self.reviewed))
        let provenances = found.filter { type($0.resource) == "Provenance" }
        #expect(provenances.count == 3)
        let practitioners = found.filter { type($0.resource) == "Practitioner" }
        #expect(practitioners.count == 1 && practitioners[0].resource["name"] == [["text": "Dr Rivera"]])
        let flag = found.first { $0.resource["code"]?["text"] == "Red flag reported" }
        let clearance = provenances.first {
            $0.resource["activity"]?["text"] == "Reviewed and cleared: radiating leg pain. Settled."
        }
        #expect(clearance != nil)
        let targets = references(in: clearance?.resource ?? [:])
        #expect(targets.contains(flag?.url ?? "none"))
        #expect(provenances.allSatisfy { $0.resource["recorded"] == .string("\(day(of: $0.resource))T00:00:00Z") })
    }

    @Test("The same case gives the same bundle; another person's key gives other ids")
    func deterministic() {
        let first = LiftbackJSON.encode(bundle(Self.reviewed))
        #expect(first == LiftbackJSON.encode(bundle(Self.reviewed)))
        #expect(first != LiftbackJSON.encode(bundle(Self.reviewed, key: "someone else")))
    }

    @Test("While a flag waits for review the plan is on hold and paused lines are not to be done")
    func onHold() {
        let c = Fixture.liftingCase(
            asOf: "2026-02-09", checkIns: [CheckIn(date: Fixture.day("2026-02-09"), pain: 2, flags: [.numbnessTingling])])
        let plan = resources(bundle(c)).map(\.resource).first { type($0) == "CarePlan" }
        #expect(plan?["status"] == "on-hold")
        guard case let .array(activities)? = plan?["activity"] else {
            Issue.record("no activities")
            return
        }
        #expect(activities.contains { $0["detail"]?["doNotPerform"] == true && $0["detail"]?["status"] == "on-hold" })
        #expect(activities.contains { $0["detail"]?["code"]?["text"] == "Walk" && $0["detail"]?["status"] == "scheduled" })
    }
}
