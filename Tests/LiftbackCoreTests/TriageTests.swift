import LiftbackCore
import Testing

@Suite("Red-flag triage (domain spec section 2)")
struct TriageTests {
    @Test("Each flag alone gives the disposition of its level", arguments: RedFlag.allCases)
    func singleFlag(flag: RedFlag) {
        let result = Triage.assess([flag])
        let expected: Disposition =
            switch flag.level {
            case .emergency: .emergency
            case .urgent: .urgent
            case .clinician: .clinician
            case .weak: .proceed
            }
        #expect(result.disposition == expected)
    }

    @Test(
        "Cauda-equina signs are always an emergency, whatever else is reported",
        arguments: [RedFlag.bladderBowelDysfunction, .saddleNumbness, .bilateralLegSymptoms, .progressiveLegWeakness])
    func caudaEquinaAlwaysEmergency(flag: RedFlag) {
        let result = Triage.assess([flag, .fever, .radiatingLegPain, .ageOver50, .cancerHistory])
        #expect(result.disposition == .emergency)
        #expect(result.reasons.contains { $0.contains("emergency department") })
    }

    @Test("A single weak flag is noted, not referred")
    func weakFlagNoted() {
        let result = Triage.assess([.ageOver50])
        #expect(result.disposition == .proceed)
        #expect(result.notes.count == 1)
        #expect(result.reasons.isEmpty)
    }

    @Test("Two weak flags together ask for a clinician's look")
    func twoWeakFlags() {
        #expect(Triage.assess([.ageOver50, .constantNightPain]).disposition == .clinician)
    }

    @Test("No flags: proceed with no reasons")
    func noFlags() {
        let result = Triage.assess([])
        #expect(result.disposition == .proceed)
        #expect(result.reasons.isEmpty && result.notes.isEmpty)
    }

    @Test("Urgent features say to see a doctor today")
    func urgentWording() {
        let result = Triage.assess([.fever])
        #expect(result.disposition == .urgent)
        #expect(result.reasons.last?.contains("doctor today") == true)
    }

    @Test("A flag cleared by a clinician closes; the same flag reported later opens again")
    func clearanceAndReopening() {
        var c = Fixture.liftingCase(
            asOf: "2026-01-20", clearances: [Clearance(flag: .radiatingLegPain, date: Fixture.day("2026-01-09"))],
            intakeFlags: [.radiatingLegPain])
        #expect(c.openFlags.isEmpty)
        c.checkIns = [CheckIn(date: Fixture.day("2026-01-15"), pain: 3, flags: [.radiatingLegPain])]
        #expect(c.openFlags == [.radiatingLegPain])
        // A report counts up to a day ahead of asOf (a person's day can be tomorrow already); later is not yet known.
        c.asOf = Fixture.day("2026-01-14")
        #expect(c.openFlags == [.radiatingLegPain], "a report dated a day ahead counts at once")
        c.asOf = Fixture.day("2026-01-13")
        #expect(c.openFlags.isEmpty, "a report two days after asOf is not yet known")
    }

    @Test("A flag in a session log pauses the plan at once: nothing is loaded")
    func flagInSessionPausesPlan() {
        let c = Fixture.liftingCase(
            asOf: "2026-02-09",
            workouts: [
                Fixture.session("2026-02-02", weight: 70), Fixture.session("2026-02-06", weight: 70, flags: [.numbnessTingling]),
            ])
        let prescription = Fixture.engine.nextPrescription(for: c)
        #expect(prescription.disposition == .clinician)
        #expect(prescription.exercises.allSatisfy { $0.weight == nil })
        #expect(prescription.exercises.contains { $0.exercise == "trap-bar-deadlift" && $0.decision == .stop })
        #expect(prescription.exercises.contains { $0.exercise == "walk" && $0.decision == .hold })
        #expect(prescription.alerts.first?.id == .redFlag)
    }

    @Test("Emergency and urgent dispositions hold no plan at all", arguments: [RedFlag.saddleNumbness, .fever])
    func noPlanOnEmergency(flag: RedFlag) {
        let c = Fixture.liftingCase(
            asOf: "2026-02-09", checkIns: [CheckIn(date: Fixture.day("2026-02-08"), pain: 4, flags: [flag])])
        let prescription = Fixture.engine.nextPrescription(for: c)
        #expect(prescription.disposition.stopsLoading)
        #expect(prescription.exercises.isEmpty && prescription.dailyRoutine.isEmpty)
        // What the person reads names the symptom in plain words, never the flag's identifier.
        #expect(prescription.reasons.contains { $0.contains(flag.meaning.lowercasedFirstLetter.dropLastPeriod) })
        #expect(!prescription.reasons.joined().contains(flag.rawValue))
    }
}
