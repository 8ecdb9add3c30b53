import Foundation
import Testing

@testable import LiftbackCore

/// Rules about entries arriving one by one (the API and the pages), moved into the core from the
/// server and the stores: each is the same rule wherever an entry comes from.
@Suite("Entries as they arrive")
struct EntryRulesTests {
    let intakeDay = Day(iso: "2026-11-02")!

    func earlierCase(flags: [RedFlag], clearances: [Clearance] = []) -> Case {
        Case(asOf: intakeDay, intake: Intake(date: intakeDay, flags: flags, pattern: .muscular), clearances: clearances)
    }

    @Test("A session's every refused field is found, in the order of the form; checking it throws the first")
    func everyProblem() {
        let workout = Workout(
            date: intakeDay,
            exercises: [
                LoggedExercise(
                    exercise: "goblet-squat", sets: [LoggedSet(weight: 10_000, reps: 8), LoggedSet(weight: 12, reps: 5_000)]),
                LoggedExercise(exercise: "no-such-lift", painDuring: 11, sets: [LoggedSet(reps: 8, tempo: "slow")]),
            ],
            painAfter: 12)
        let problems = EntryValidation.workoutProblems(workout, unit: .kg, catalog: .standard)
        #expect(
            problems.map(\.field) == [
                "painAfter", "exercises[0].sets[0].weight", "exercises[0].sets[1].reps", "exercises[1].exercise",
                "exercises[1].painDuring", "exercises[1].sets[0].tempo",
            ])
        #expect(throws: problems[0]) { try EntryValidation.workout(workout, unit: .kg, catalog: .standard) }
    }

    @Test("An entry a phone kept without signal is saved on its own day for a week back and a day ahead, no further")
    func keptDays() {
        let today = Day(iso: "2026-12-10")!
        for (offset, kept) in [(0, true), (-1, true), (-7, true), (1, true), (-8, false), (2, false), (-400, false)] {
            let day = today.adding(days: offset)
            #expect(InputLimits.keptDay(day, today: today) == (kept ? day : nil), "\(offset) days")
        }
    }

    @Test("A session of more exercises, or an exercise of more sets, than anyone does in a day is refused, naming the field")
    func sessionSize() throws {
        let catalog = Catalog.standard
        let set = LoggedSet(weight: 40, reps: 5, pain: 1)
        func workout(exercises: Int, sets: Int) -> Workout {
            Workout(
                date: intakeDay,
                exercises: Array(
                    repeating: LoggedExercise(exercise: "goblet-squat", sets: Array(repeating: set, count: sets)),
                    count: exercises))
        }
        let most = workout(exercises: InputLimits.exercisesPerWorkout, sets: InputLimits.setsPerExercise)
        try EntryValidation.workout(most, unit: .kg, catalog: catalog)
        let tooMany = #expect(throws: CaseError.self) {
            try EntryValidation.workout(
                workout(exercises: InputLimits.exercisesPerWorkout + 1, sets: 1), unit: .kg, catalog: catalog)
        }
        #expect(tooMany?.field == "exercises" && tooMany?.message.contains("\(InputLimits.exercisesPerWorkout)") == true)
        let tooLong = #expect(throws: CaseError.self) {
            try EntryValidation.workout(
                workout(exercises: 1, sets: InputLimits.setsPerExercise + 1), unit: .kg, catalog: catalog)
        }
        #expect(tooLong?.field == "exercises[0].sets")
    }

    @Test(
        "A 10,000-minute walk and 501 kg x 5 are typing errors, refused with their limit; a long walk and a heavy pull are kept")
    func implausibleAmounts() throws {
        let catalog = Catalog.standard
        func refusal(_ exercise: ExerciseID, _ set: LoggedSet, unit: WeightUnit = .kg) -> CaseError? {
            let workout = Workout(date: intakeDay, exercises: [LoggedExercise(exercise: exercise, sets: [set])])
            return #expect(throws: CaseError.self) { try EntryValidation.workout(workout, unit: unit, catalog: catalog) }
        }
        let walk = refusal("walk", LoggedSet(.minutes, amount: 10_000))
        #expect(walk?.field == "exercises[0].sets[0].holdSeconds" && walk?.message.contains("600 minutes") == true)
        let heavy = refusal("conventional-deadlift", LoggedSet(weight: 501, reps: 5))
        #expect(heavy?.field == "exercises[0].sets[0].weight" && heavy?.message.contains("500 kg") == true)
        for (exercise, set) in [
            ("walk", LoggedSet(.minutes, amount: 90)), ("conventional-deadlift", LoggedSet(weight: 250, reps: 3)),
        ] {
            try EntryValidation.workout(
                Workout(date: intakeDay, exercises: [LoggedExercise(exercise: ExerciseID(exercise), sets: [set])]), unit: .kg,
                catalog: catalog)
        }
        // A plank's hold is in seconds, where ten minutes is 600: the minutes' limit is not the seconds'.
        try EntryValidation.workout(
            Workout(date: intakeDay, exercises: [LoggedExercise(exercise: "front-plank", sets: [LoggedSet(.hold, amount: 900)])]),
            unit: .kg, catalog: catalog)
    }

    @Test("A new session records something; one that only reports pain, a symptom or a stop still counts")
    func sessionRecordsSomething() throws {
        func refusal(_ workout: Workout) -> String? {
            (#expect(throws: CaseError.self) { try EntryValidation.recordsSomething(workout) })?.field
        }
        #expect(refusal(Workout(date: intakeDay, exercises: [])) == "exercises")
        #expect(refusal(Workout(date: intakeDay, exercises: [LoggedExercise(exercise: "walk", sets: [])])) == "exercises[0].sets")
        #expect(
            refusal(Workout(date: intakeDay, exercises: [LoggedExercise(exercise: "walk", sets: [LoggedSet(pain: 2)])]))
                == "exercises[0].sets[0]")
        try EntryValidation.recordsSomething(Workout(date: intakeDay, exercises: [], flags: [.numbnessTingling]))
        try EntryValidation.recordsSomething(Workout(date: intakeDay, exercises: [], stoppedEarly: true))
        try EntryValidation.recordsSomething(Workout(date: intakeDay, exercises: [], painDuring: 2))
        try EntryValidation.recordsSomething(
            Workout(date: intakeDay, exercises: [LoggedExercise(exercise: "walk", sets: [LoggedSet(holdSeconds: 600)])]))
    }

    @Test("A new intake keeps every flag still open on the earlier one; a cleared flag is not carried")
    func newIntakeKeepsOpenFlags() {
        let later = Intake(date: intakeDay.adding(days: 10), flags: [.fever], pattern: .muscular)
        let kept = later.keepingOpenFlags(of: earlierCase(flags: [.saddleNumbness, .numbnessTingling]))
        #expect(kept.flags == [RedFlag.fever, .numbnessTingling, .saddleNumbness])
        let cleared = earlierCase(
            flags: [.numbnessTingling], clearances: [Clearance(flag: .numbnessTingling, date: intakeDay.adding(days: 3))])
        #expect(later.keepingOpenFlags(of: cleared).flags == [.fever])
        #expect(later.keepingOpenFlags(of: Case?.none) == later)
    }

    @Test(
        "A session waits for its next-day answer from the day after it, for three days",
        arguments: [
            (0, false), (1, true), (3, true), (4, false),
        ])
    func nextDayWindow(daysLater: Int, asked: Bool) {
        let session = Workout(date: intakeDay, exercises: [])
        #expect(session.awaitsNextDayAnswer(today: intakeDay.adding(days: daysLater), settings: .standard) == asked)
        var answered = session
        answered.nextDay = .settled
        #expect(!answered.awaitsNextDayAnswer(today: intakeDay.adding(days: 1), settings: .standard))
    }

    @Test("The unit changes freely until a weight is recorded; then it stays, so 100 lb is never read as 100 kg")
    func unitStaysOnceWeightsAreRecorded() throws {
        var pounds = Case(asOf: intakeDay, unit: .lb, intake: Intake(date: intakeDay, pattern: .muscular))
        pounds.workouts = [
            Workout(date: intakeDay, exercises: [LoggedExercise(exercise: "walk", sets: [LoggedSet(holdSeconds: 600)])])
        ]
        try pounds.checkUnitChange(to: .kg)  // no weight yet: the unit may still change
        pounds.workouts.append(
            Workout(
                date: intakeDay, exercises: [LoggedExercise(exercise: "goblet-squat", sets: [LoggedSet(weight: 35, reps: 8)])]))
        #expect(throws: CaseError.self) { try pounds.checkUnitChange(to: .kg) }
        try pounds.checkUnitChange(to: .lb)
        var loads = Case(asOf: intakeDay, unit: .kg, intake: Intake(date: intakeDay, pattern: .muscular))
        loads.overrides = [Override(kind: .load, date: intakeDay, exercise: "goblet-squat", weight: 16)]
        #expect(loads.recordsWeights)
        #expect(throws: CaseError.self) { try loads.checkUnitChange(to: .lb) }
    }

    @Test("A flag reported after its clearance was written, dated on or before it, opens again")
    func clearanceReopens() {
        let day = intakeDay.adding(days: 5)
        let clearance = Clearance(flag: .numbnessTingling, date: day)
        // Written after the clearance (write 2 after write 1), the same day: open again.
        let again = Clearance.reopened(
            [clearance], written: [1], reports: [FlagReport(written: 2, date: day, flags: [.numbnessTingling])])
        #expect(again.first?.date == day.adding(days: -1))
        var c = earlierCase(flags: [])
        c.asOf = day
        c.checkIns = [CheckIn(date: day, pain: 3, flags: [.numbnessTingling])]
        c.clearances = again
        #expect(c.openFlags == [.numbnessTingling])
        // Written before the clearance, or another flag: the clearance stands.
        #expect(
            Clearance.reopened(
                [clearance], written: [3], reports: [FlagReport(written: 2, date: day, flags: [.numbnessTingling])]) == [
                    clearance
                ])
        #expect(
            Clearance.reopened([clearance], written: [1], reports: [FlagReport(written: 2, date: day, flags: [.fever])])
                == [clearance])
    }
}

@Suite("Rule ids")
struct RuleIDTests {
    @Test("Every rule that can decide an exercise is explained in docs/rules.md")
    func documented() throws {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let text = try String(contentsOf: rules, encoding: .utf8)
        for rule in RuleID.allCases { #expect(text.contains("`\(rule.rawValue)`"), "\(rule.rawValue)") }
    }
}
