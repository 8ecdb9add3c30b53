/// Estimated one-repetition maximum from a set of `reps` at `weight` (instruments.md).
public struct OneRepMax: Codable, Sendable, Equatable {
    /// Epley: w x (1 + r/30), and w itself when r = 1.
    public var epley: Double
    /// Brzycki: w x 36 / (37 - r).
    public var brzycki: Double
    /// `false` past 10 reps, where both formulas drift.
    public var reliable: Bool
    public var note: String?

    /// Reps above this make the estimate unreliable.
    public static let reliableReps = 10

    /// `nil` for no reps, no weight, or 37 reps and more (where Brzycki has no value).
    public init?(weight: Double, reps: Int) {
        guard weight > 0, reps >= 1, reps < 37 else { return nil }
        epley = reps == 1 ? weight : roundedToTenth(weight * (1 + Double(reps) / 30))
        brzycki = roundedToTenth(weight * 36 / Double(37 - reps))
        reliable = reps <= Self.reliableReps
        note = reliable ? nil : "Estimated from \(reps) reps: beyond \(Self.reliableReps) the formulas are unreliable."
    }
}

/// A previous working weight per exercise, with its estimated maximum and where it came from.
public struct BaselineLift: Codable, Sendable, Equatable {
    public enum Source: String, Codable, Sendable {
        /// Typed in at intake.
        case entered
        /// Taken from the training history logged before the back pain.
        case logged
    }

    public var exercise: ExerciseID
    public var weight: Double
    public var reps: Int
    public var unit: WeightUnit
    public var source: Source
    public var date: Day?
    public var estimatedMax: OneRepMax?

    public init(
        exercise: ExerciseID, weight: Double, reps: Int, unit: WeightUnit, source: Source, date: Day? = nil
    ) {
        self.exercise = exercise
        self.weight = weight
        self.reps = reps
        self.unit = unit
        self.source = source
        self.date = date
        estimatedMax = OneRepMax(weight: weight, reps: reps)
    }
}

/// Baseline from entered and logged sets (clinical model, section 3).
public enum Baseline {
    /// Sets in imported history count as working sets from this many reps: a single or a double
    /// there is more often a test of the maximum. A typed-in working weight takes any of
    /// `InputLimits.workingReps`, since the person says it was their working weight.
    public static let workingSetMinReps = 3

    /// One baseline per exercise: an entered working weight wins; otherwise the heaviest weight
    /// lifted for at least `workingSetMinReps` reps in the training history, with the best estimated maximum.
    public static func lifts(for intake: Intake, unit: WeightUnit) -> [BaselineLift] {
        var result: [ExerciseID: BaselineLift] = [:]
        for workout in intake.trainingHistory ?? [] {
            for logged in workout.exercises {
                for set in logged.sets {
                    guard let weight = set.weight, weight > 0, let reps = set.reps, reps >= workingSetMinReps else { continue }
                    if let best = result[logged.exercise], best.weight > weight || (best.weight == weight && best.reps >= reps) {
                        continue
                    }
                    result[logged.exercise] = BaselineLift(
                        exercise: logged.exercise, weight: weight, reps: reps, unit: unit, source: .logged,
                        date: workout.date)
                }
            }
        }
        for entry in intake.previousWorkingWeights {
            let weight = (entry.unit ?? unit).convert(entry.weight, to: unit)
            result[entry.exercise] = BaselineLift(
                exercise: entry.exercise, weight: LoadSteps.tidy(weight), reps: entry.reps, unit: unit, source: .entered)
        }
        return result.values.sorted { $0.exercise < $1.exercise }
    }

    /// The previous working weight carried onto `exercise`: its own entry, or the heaviest equivalent
    /// from another rung of its ladder by load factors.
    public static func carried(to exercise: ExerciseID, from lifts: [BaselineLift], catalog: Catalog) -> CarriedWeight? {
        func source(_ lift: BaselineLift) -> WorkingWeight {
            WorkingWeight(exercise: lift.exercise, weight: lift.weight, reps: lift.reps)
        }
        if let own = lifts.first(where: { $0.exercise == exercise }) {
            return CarriedWeight(weight: own.weight, source: source(own))
        }
        guard let ladder = catalog.ladder(for: exercise) else { return nil }
        return lifts.filter { ladder.rungs.contains($0.exercise) }
            .compactMap { lift in
                catalog.equivalentWeight(lift.weight, from: lift.exercise, to: exercise)
                    .map { CarriedWeight(weight: LoadSteps.tidy($0), source: source(lift)) }
            }
            .max { $0.weight < $1.weight }
    }
}
