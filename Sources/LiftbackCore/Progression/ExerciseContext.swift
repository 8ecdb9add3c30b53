/// Everything the rules need to decide one exercise of the next session.
struct ExerciseContext {
    var exercise: Exercise
    var ladder: Ladder?
    /// Whether the exercise may move on to the next rung of its ladder: not for a fixed place in a
    /// session (the bird-dog kept beside a Pallof press stays a bird-dog).
    var climbs = true
    /// This exercise's exposures up to `asOf`, oldest first.
    var exposures: [Exposure]
    /// The days with a session of any kind up to `asOf`, oldest first.
    var workoutDays: [Day] = []
    /// The latest exposure on the rung below, for stepping a variation back.
    var lowerRung: (exercise: Exercise, last: Exposure)?
    var phase: Phase
    var session: SessionKind
    var asOf: Day
    var policy: ProgressionPolicy
    var unit: WeightUnit
    var steps: LoadSteps
    var settings: EngineSettings
    /// The previous working weight carried to this exercise, and where it came from.
    var previous: CarriedWeight?
    /// Every previous working weight, to carry onto another rung when the exercise changes.
    var baseline: [BaselineLift]
    var screenPassed: Bool
    /// A clinician's load for this exercise dated on or after its last exposure.
    var loadOverride: Override?
    /// Symptom events that concern every exercise.
    var timeline: SymptomTimeline
    var catalog: Catalog
    /// The last exposure of another exercise: a change of variation never lands more than a step
    /// above its last weight, and comes back lighter after a break from it.
    var lastExposure: (ExerciseID) -> Exposure? = { _ in nil }
    func lastWeight(_ id: ExerciseID) -> Double? { lastExposure(id)?.weight }
    /// The latest clearance after this exercise's last exposure: the first session back repeats the
    /// last tolerated load (clinical model, section 5).
    var clearedSince: Day? = nil
    /// The reference for the movement screen on an exercise: the previous working weight carried to
    /// it, or without one an estimate from the first weight chosen; with its description.
    var screenReference: (ExerciseID) -> (weight: Double, describe: String)? = { _ in nil }
    /// High fear of movement: graded exposure runs in smaller steps.
    var fearHigh = false
}

/// A previous working weight carried onto another rung of its ladder by load factors.
public struct CarriedWeight: Sendable, Equatable {
    /// The equivalent on the exercise being prescribed.
    public var weight: Double
    /// The entry it came from.
    public var source: WorkingWeight

    /// "140 kg x 5 on the conventional deadlift"; a weight converted from the other unit is rounded
    /// ("about 184 kg").
    func describe(_ unit: WeightUnit, catalog: Catalog) -> String {
        "\(approximateWeight(source.weight)) \(unit.rawValue) x \(source.reps) on the \(catalog.plainName(source.exercise))"
    }
}

/// A change the rules can make to one prescription, before it is written out.
struct Dosing: Equatable {
    var exercise: Exercise
    var sets: Int
    var amount: Int
    var weight: Double?
    var tempo: String?
    var pauseSeconds: Int?

    init(exercise: Exercise) {
        self.exercise = exercise
        sets = exercise.dose.sets
        amount = exercise.dose.amount
    }

    /// The dose as last performed, within the exercise's range.
    init(exercise: Exercise, repeating last: Exposure) {
        self.init(exercise: exercise)
        if let amount = last.amount, amount > 0 {
            self.amount =
                exercise.loaded && exercise.dose.kind == .reps
                ? exercise.dose.amount : min(max(amount, 1), exercise.dose.maxAmount)
        }
        sets = max(last.setCount >= exercise.dose.sets + 1 ? exercise.dose.sets + 1 : exercise.dose.sets, 1)
        weight = exercise.loaded ? last.weight.flatMap { $0 > 0 ? $0 : nil } : nil
        tempo = last.tempo?.description
        pauseSeconds = last.pauseSeconds.flatMap { $0 > 0 ? $0 : nil }
    }
}
