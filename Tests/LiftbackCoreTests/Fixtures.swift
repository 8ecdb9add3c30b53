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
        pattern: PresentationPattern = .muscular
    ) -> Case {
        Case(
            asOf: day(asOf), policy: policy, unit: unit, plateIncrement: plateIncrement,
            intake: Intake(date: intakeDay, flags: intakeFlags, pattern: pattern, previousWorkingWeights: previous),
            screens: screens, clearances: clearances, workouts: workouts, checkIns: checkIns, overrides: overrides)
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

    static let engine = Engine()
}
