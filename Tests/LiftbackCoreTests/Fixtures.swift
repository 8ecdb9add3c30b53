import LiftbackCore

/// Shared fixtures: dates, cases and workouts built the same way in every suite.
enum Fixture {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    static let intakeDay = day("2026-01-05")  // a Monday

    /// A muscular case with a 140 kg conventional deadlift before the back pain.
    static func liftingCase(
        asOf: String, policy: ProgressionPolicy = .painMonitoring, unit: WeightUnit = .kg,
        plateIncrement: Double? = nil,
        previous: [WorkingWeight] = [.init(exercise: "conventional-deadlift", weight: 140, reps: 5)],
        workouts: [Workout] = [], checkIns: [CheckIn] = [], screens: [MovementScreen] = [],
        overrides: [Override] = [], clearances: [Clearance] = [], intakeFlags: [RedFlag] = [],
        pattern: PresentationPattern = .muscular, prelude: Bool = true, preludeThrough: String? = nil
    ) -> Case {
        let end = min(
            day(asOf), preludeThrough.map(day) ?? (pattern == .discRelated ? day("2026-02-16") : liftingOpens).adding(days: -1))
        let evidence = prelude ? preludeDays(through: end) : []
        return Case(
            asOf: day(asOf), policy: policy, unit: unit, plateIncrement: plateIncrement,
            intake: Intake(date: intakeDay, flags: intakeFlags, pattern: pattern, previousWorkingWeights: previous),
            screens: screens, clearances: clearances,
            workouts: (evidence.enumerated().map { walk($1, minutes: 10 + $0) } + workouts).sorted { $0.date < $1.date },
            checkIns: (evidence.map { CheckIn(date: $0, pain: 2) } + checkIns).sorted { $0.date < $1.date },
            overrides: overrides)
    }

    /// The day lifting opens for the muscular fixture when every day before reports well.
    static let liftingOpens = day("2026-02-02")

    /// The evidence the phase gates ask for (domain spec 5b): a check-in at 2/10 and an easy walk that
    /// went well on every day from the intake until lifting opens (or `asOf`, if earlier).
    static func preludeDays(through end: Day) -> [Day] {
        guard end >= intakeDay else { return [] }
        return (0...intakeDay.days(until: end)).map { intakeDay.adding(days: $0) }
    }

    /// An easy walk a little longer each day, so the plan sees steady progress.
    static func walk(_ date: Day, minutes: Int) -> Workout {
        Workout(
            date: date, exercises: [LoggedExercise(exercise: "walk", sets: [LoggedSet(holdSeconds: minutes)])], painDuring: 1,
            painAfter: 1, nextDay: .settled)
    }

    /// One exercise at one weight for `sets` x `reps`, with the session's symptoms.
    static func session(
        _ date: String, _ exercise: ExerciseID = "trap-bar-deadlift", weight: Double?, sets: Int = 3, reps: Int = 8,
        pain: Int? = 2, after: Int? = 2, nextDay: NextDayResponse? = .settled, tempo: String? = nil,
        pauseSeconds: Int? = nil, flags: [RedFlag] = [], stoppedEarly: Bool? = nil, lockedUp: Bool? = nil
    ) -> Workout {
        Workout(
            date: day(date),
            exercises: [
                LoggedExercise(
                    exercise: exercise,
                    sets: Array(
                        repeating: LoggedSet(weight: weight, reps: reps, tempo: tempo, pauseSeconds: pauseSeconds), count: sets))
            ],
            painDuring: pain, painAfter: after, nextDay: nextDay, flags: flags, stoppedEarly: stoppedEarly,
            lockedUp: lockedUp)
    }

    /// The prescribed line for one exercise.
    static func line(_ prescription: Prescription, _ exercise: ExerciseID) -> PrescribedExercise? {
        (prescription.exercises + prescription.dailyRoutine).first { $0.exercise == exercise }
    }

    static let engine = Engine.standard
}

extension String {
    var lowercasedFirstLetter: String { prefix(1).lowercased() + dropFirst() }
    var dropLastPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
