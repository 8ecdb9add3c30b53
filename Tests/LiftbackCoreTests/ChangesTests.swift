import LiftbackCore
import Testing

@Suite("What changed since the last session, one line per exercise")
struct ChangesTests {
    let engine = Fixture.engine

    @Test("A step up names the lift, both loads and the session it rests on")
    func stepUp() {
        let c = Fixture.liftingCase(asOf: "2026-02-09", workouts: [Fixture.session("2026-02-02", weight: 70, pain: 3, after: 2)])
        let changes = engine.nextPrescription(for: c).changes
        #expect(
            changes.contains(
                "Trap-bar deadlift 70 to 75 kg: the last session on 2026-02-02 peaked at 3/10 and settled by the next morning."
            ), "\(changes)")
    }

    @Test("A step back says why; an exercise held or new is not a change")
    func stepBack() {
        let c = Fixture.liftingCase(asOf: "2026-02-09", workouts: [Fixture.session("2026-02-02", weight: 70, pain: 6, after: 5)])
        let p = engine.nextPrescription(for: c)
        let line = try? #require(p.changes.first { $0.hasPrefix("Trap-bar deadlift 70 to ") })
        #expect(line?.contains("6/10") == true, "\(p.changes)")
        let unchanged = p.exercises.filter { $0.decision != .progress && $0.decision != .regress }.map(\.name)
        #expect(!p.changes.contains { change in unchanged.contains { change.hasPrefix($0 + " ") || change.hasPrefix($0 + ":") } })
    }
}
