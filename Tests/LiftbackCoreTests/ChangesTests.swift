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

    @Test("The decisions of the last weeks are each session day's, from what was known that morning, in a clinician's words")
    func recentDecisions() {
        let c = Fixture.liftingCase(
            asOf: "2026-02-16",
            workouts: [
                Fixture.session("2026-02-02", weight: 70, pain: 3, after: 2),
                Fixture.session("2026-02-09", weight: 75, pain: 6, after: 5),
            ])
        let days = engine.recentDecisions(c, days: 28)
        let on9 = days.first { $0.day == Fixture.day("2026-02-09") }
        #expect(
            on9?.changes.contains { $0.hasPrefix("Trap-bar deadlift: load 70 to 75 kg after a session at 3/10 on 2026-02-02") }
                == true, "\(days)")
        // The session of the 9th was too much: the next decision, on the 16th, steps back.
        let on16 = days.first { $0.day == Fixture.day("2026-02-16") }
        #expect(on16?.changes.contains { $0.hasPrefix("Trap-bar deadlift:") && $0.contains("6/10") } == true, "\(days)")
        #expect(days.map(\.day) == days.map(\.day).sorted() && days.allSatisfy { $0.stopped == nil })
        // What was known on a morning leaves out what came later that day and after.
        let morning = c.known(on: Fixture.day("2026-02-09"))
        #expect(morning.workouts.allSatisfy { $0.date < Fixture.day("2026-02-09") } && morning.asOf == Fixture.day("2026-02-09"))
    }

    @Test("For the record, lifts that changed for one reason are named together and rep steps at the same load are kept apart")
    func recordedChanges() throws {
        var p = engine.nextPrescription(for: Fixture.liftingCase(asOf: "2026-02-09"))
        func line(_ name: String, _ decision: Decision, _ lever: Lever?, _ words: String) -> PrescribedExercise {
            var line = p.exercises[0]
            (line.name, line.decision, line.lever, line.forClinician, line.weight) = (name, decision, lever, words, 20)
            return line
        }
        let climbing = "baseline pain rising from about 1/10 to 3/10"
        p.exercises = [
            line("Bench press", .regress, .load, climbing), line("Row", .regress, .load, climbing),
            line("Deadlift", .progress, .load, "load 60 to 65 kg after a session at 2/10"),
            line("Split squat", .progress, .reps, "reps 8 to 9 at 10 kg"), line("Hip thrust", .progress, .reps, "reps 10 to 11"),
        ]
        let recorded = p.recordedChanges
        #expect(recorded.changes == ["Bench press and Row: \(climbing)", "Deadlift: load 60 to 65 kg after a session at 2/10"])
        #expect(recorded.repSteps == ["Split squat", "Hip thrust"])
        #expect(Words.list(["a", "b", "c"]) == "a, b and c" && Words.list(["a"]) == "a" && Words.list([]) == "")
    }

    @Test(
        "Plan versions: each change a diff (was, became) with who and why, the engine's after a session, the clinician's under their name, newest first"
    )
    func planVersions() throws {
        let c = Fixture.liftingCase(
            asOf: "2026-02-16",
            workouts: [
                Fixture.session("2026-02-02", weight: 70, pain: 3, after: 2),
                Fixture.session("2026-02-09", weight: 75, pain: 2, after: 1),
            ],
            overrides: [
                Override(
                    kind: .load, date: Fixture.day("2026-02-12"), by: "Dr Ada", exercise: "trap-bar-deadlift", weight: 72.5,
                    note: "Easing the step after a busy week")
            ])
        let versions = engine.planVersions(c, days: 28)
        #expect(versions.map(\.day) == versions.map(\.day).sorted(by: >), "newest first")
        let byEngine = try #require(versions.first { $0.day == Fixture.day("2026-02-09") })
        #expect(byEngine.author == .engine(lastSession: Fixture.day("2026-02-02")))
        let step = try #require(byEngine.lines.first { $0.what == "Trap-bar deadlift" })
        #expect(step.before?.contains("70 kg") == true && step.after.contains("75 kg"), "\(step)")
        #expect(step.why?.contains("3/10") == true)
        let byClinician = try #require(versions.first { $0.day == Fixture.day("2026-02-12") })
        #expect(byClinician.author == .clinician("Dr Ada"))
        #expect(
            byClinician.lines == [
                .init(
                    what: "Trap-bar deadlift", before: step.after, after: "next load 72.5 kg",
                    why: "Easing the step after a busy week")
            ])
        // The clinician's load is theirs alone: no engine version claims it afterwards.
        #expect(!versions.filter { $0.author != .clinician("Dr Ada") }.flatMap(\.lines).contains { $0.after.contains("72.5 kg") })
    }
}
