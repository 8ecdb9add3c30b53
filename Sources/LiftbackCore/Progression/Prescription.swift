/// What the engine decided for one exercise (contract section 3).
public enum Decision: String, Codable, Sendable, CaseIterable {
    case start, progress, hold, regress, stop
}

/// Which lever moved (domain spec section 5; seed 003).
public enum Lever: String, Codable, Sendable {
    case load, tempo, pause, sets, reps, hold, minutes, range, variation
}

/// One line of explanation: the rule that fired and a sentence with its numbers.
public struct Reason: Codable, Sendable, Equatable {
    public var rule: String
    public var text: String

    public init(_ rule: String, _ text: String) {
        self.rule = rule
        self.text = text
    }
}

/// One prescribed exercise of the next session.
public struct PrescribedExercise: Codable, Sendable, Equatable {
    public var exercise: ExerciseID
    public var name: String
    public var pattern: MovementPattern
    public var sets: Int
    public var reps: Int?
    public var holdSeconds: Int?
    public var minutes: Int?
    public var passes: Int?
    public var perSide: Bool
    /// In the case's unit; absent for unloaded work and whenever loading is stopped.
    public var weight: Double?
    public var unit: WeightUnit?
    public var tempo: String?
    public var pauseSeconds: Int?
    public var decision: Decision
    public var lever: Lever?
    /// The identifier of the rule that decided, such as `load-progress`.
    public var rule: String
    /// Plain sentences with the numbers behind the decision.
    public var reasons: [String]
    /// Where the load sits on the bodyweight -> light -> moderate -> working ladder.
    public var stage: LoadStage
    /// The weight as a share of the previous working weight on this exercise, in percent.
    public var percentOfPrevious: Double?
    /// The weight last lifted, for comparison.
    public var lastWeight: Double?
    public var cue: String
}

/// A notice for the person and the clinician (contract ids: `red-flag`, `flare-up-cycle`,
/// `climbing-symptoms`, `stalled`, `screen-needed`).
public struct Alert: Codable, Sendable, Equatable {
    public var id: String
    public var message: String

    public init(id: String, message: String) {
        self.id = id
        self.message = message
    }
}

/// One day of the weekly structure (seed 003).
public struct PlannedDay: Codable, Sendable, Equatable {
    public var weekday: Int
    public var session: SessionKind
    public var description: String
}

/// The next prescription (contract section 3).
public struct Prescription: Codable, Sendable, Equatable {
    public var asOf: Day
    public var disposition: Disposition
    public var phase: Phase
    public var phaseSince: Day
    /// Why the person is in this phase and what moves them on.
    public var phaseReasons: [String]
    public var session: SessionKind
    public var exercises: [PrescribedExercise]
    public var alerts: [Alert]
    /// What to do now when loading is stopped, plus notes such as a single weak flag.
    public var reasons: [String]
    public var notes: [String]
    public var policy: ProgressionPolicy
    public var unit: WeightUnit
    public var pattern: PresentationPattern
    public var expectedTimeline: String
    public var dailyRoutine: [PrescribedExercise]
    public var week: [PlannedDay]
    public var advice: [String]
    public var disclaimer: String
}
