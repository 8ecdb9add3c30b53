import LiftbackCore
import Testing

/// A clinician's changes (swaps, loads, clearances): taken by the engine as input, and checked.
/// The intake is Monday 2026-01-05; lifting returns on Monday 2026-02-02 with the high-handle trap bar.
@Suite("Clinician overrides")
struct OverrideTests {
    let engine = Fixture.engine

    @Test("A swap along the ladder is followed from its date and can be undone; a swap off the ladder is refused by name")
    func swaps() throws {
        let swap = Override(
            kind: .swap, date: Fixture.day("2026-02-01"), by: "Dr Ada", exercise: "trap-bar-deadlift-high-handles",
            replacement: "kettlebell-deadlift")
        try EntryValidation.override(swap, unit: .kg, catalog: .standard)
        let before = engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-02-02"))
        let after = engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-02-02", overrides: [swap]))
        #expect(Fixture.line(before, "trap-bar-deadlift-high-handles") != nil)
        #expect(Fixture.line(after, "trap-bar-deadlift-high-handles") == nil)
        #expect(Fixture.line(after, "kettlebell-deadlift") != nil)

        // Swapping the exercise for itself later undoes the swap.
        var undo = swap
        undo.date = Fixture.day("2026-02-02")
        undo.replacement = "trap-bar-deadlift-high-handles"
        try EntryValidation.override(undo, unit: .kg, catalog: .standard)
        let undone = engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-02-02", overrides: [swap, undo]))
        #expect(Fixture.line(undone, "trap-bar-deadlift-high-handles") != nil)
        #expect(engine.latestSwaps(Fixture.liftingCase(asOf: "2026-02-02", overrides: [swap, undo])).isEmpty)

        var offLadder = swap
        offLadder.replacement = "bench-press"
        #expect(throws: CaseError.self) { try EntryValidation.override(offLadder, unit: .kg, catalog: .standard) }
        #expect(Catalog.standard.swapOptions(for: "trap-bar-deadlift-high-handles").contains("trap-bar-deadlift"))
        #expect(!Catalog.standard.swapOptions(for: "trap-bar-deadlift-high-handles").contains("trap-bar-deadlift-high-handles"))
    }

    @Test("A load more than 10 % above the last lift is flagged for confirmation; one step is not")
    func loadJumps() throws {
        let lifted = Fixture.liftingCase(
            asOf: "2026-02-06", workouts: [Fixture.session("2026-02-02", "trap-bar-deadlift-high-handles", weight: 70)])
        func load(_ weight: Double) -> Override {
            Override(
                kind: .load, date: Fixture.day("2026-02-06"), exercise: "trap-bar-deadlift-high-handles", weight: weight)
        }
        #expect(engine.loadJump(load(77), in: lifted) == nil)
        let jump = try #require(engine.loadJump(load(80), in: lifted))
        #expect(jump.from == 70 && jump.percent == 14 && jump.fromDay == Fixture.day("2026-02-02"))
        #expect(jump.message.contains("14 % above the 70 kg lifted on 2026-02-02"))
        // The engine still takes the clinician's load as given.
        var withLoad = lifted
        withLoad.overrides = [load(80)]
        let line = try #require(Fixture.line(engine.nextPrescription(for: withLoad), "trap-bar-deadlift-high-handles"))
        #expect(line.weight == 80 && line.rule.rawValue == "clinician-load")
        // Never lifted: the comparison is with the load the plan would give next (50 % of 140 kg).
        let fresh = Fixture.liftingCase(asOf: "2026-02-02")
        var first = load(100)
        first.date = Fixture.day("2026-02-02")
        let fromPlan = try #require(engine.loadJump(first, in: fresh))
        #expect(fromPlan.from == 70 && fromPlan.fromDay == nil && fromPlan.message.contains("the plan would give next"))
        // Another rung of the ladder counts, carried across by load factors: a swap cannot dodge the check.
        var otherRung = load(150)
        otherRung.exercise = "trap-bar-deadlift"
        let carried = try #require(engine.loadJump(otherRung, in: lifted))
        let expected = try #require(
            Catalog.standard.equivalentWeight(70, from: "trap-bar-deadlift-high-handles", to: "trap-bar-deadlift"))
        #expect(carried.from == expected && carried.fromExercise == "trap-bar-deadlift-high-handles")
        #expect(carried.message.contains("the equivalent of what was lifted on trap-bar deadlift, high handles on 2026-02-02"))
        // Nothing lifted on the ladder and nothing planned: the clinician confirms whatever the load.
        let nothing = Override(kind: .load, date: Fixture.day("2026-02-06"), exercise: "bench-press", weight: 20)
        let unknown = try #require(engine.loadJump(nothing, in: lifted))
        #expect(unknown.from == nil && unknown.percent == nil && unknown.message.contains("no lift on this exercise's ladder"))
    }

    @Test("A clearance is dated between the intake and today")
    func clearanceDates() throws {
        let intake = Fixture.intakeDay
        let today = Fixture.day("2026-02-10")
        func clearance(_ date: String) -> Clearance { Clearance(flag: .numbnessTingling, date: Fixture.day(date)) }
        try EntryValidation.clearance(clearance("2026-02-10"), intake: intake, latest: today)
        try EntryValidation.clearance(clearance("2026-01-05"), intake: intake, latest: today)
        #expect(throws: CaseError(field: "date", message: "is before the intake on 2026-01-05")) {
            try EntryValidation.clearance(clearance("2026-01-04"), intake: intake, latest: today)
        }
        #expect(throws: CaseError.self) { try EntryValidation.clearance(clearance("2026-02-11"), intake: intake, latest: today) }
    }
}
