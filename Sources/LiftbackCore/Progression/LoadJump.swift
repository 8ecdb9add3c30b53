import Foundation

/// A clinician's load that climbs faster than the plan ever would: more than `EngineSettings.loadJumpShare`
/// above what the person last lifted on that exercise's ladder, or a load with nothing to compare it with. The engine still takes the clinician's load
/// as given; this is what they see, and confirm, before it is kept.
public struct LoadJump: Equatable, Sendable {
    /// What the person last lifted (their heaviest set that day, carried across the ladder to this
    /// exercise), or the engine's own next load when they have not lifted on the ladder yet; `nil`
    /// when there is neither.
    public var from: Double?
    public var fromDay: Day?
    /// The exercise actually lifted, when it was another rung of the ladder.
    public var fromExercise: ExerciseID?
    /// That exercise's name, as the message says it.
    public var fromExerciseName: String?
    public var to: Double
    public var unit: WeightUnit
    /// The rise, in whole percent, when there is something to compare with.
    public var percent: Int?
    /// The plan's own largest step, in whole percent (`EngineSettings.maxIncrease`), and the days
    /// between its steps (`EngineSettings.daysBetweenSteps`).
    public var stepPercent: Int
    public var stepDays: Int

    public var message: String {
        let load = "\(formatWeight(to)) \(unit.rawValue)"
        let check = "Please check this load with the person before keeping it."
        guard let from, let percent else {
            return "There is no lift on this exercise's ladder to compare \(load) with, and the plan would not load it yet. "
                + check
        }
        let base: String
        switch (fromDay, fromExerciseName) {
        case (let day?, let other?):
            base = "about \(formatWeight(from)) \(unit.rawValue), the equivalent of what was lifted on \(other) on \(day)"
        case (let day?, nil): base = "the \(formatWeight(from)) \(unit.rawValue) lifted on \(day)"
        case (nil, _): base = "the \(formatWeight(from)) \(unit.rawValue) the plan would give next"
        }
        return
            "\(load) is \(percent) % above \(base). The plan's own steps are at most \(stepPercent) %, one every \(Words.days(stepDays)). "
            + check
    }
}

extension Engine {
    /// The jump a load override makes, or `nil` when it stays within one step of what the person
    /// last lifted on the exercise's ladder (or of the plan's next load).
    public func loadJump(_ override: Override, in c: Case) -> LoadJump? {
        guard override.kind == .load, let exercise = override.exercise, let to = override.weight else { return nil }
        let ladder = catalog.ladder(for: exercise)?.id
        var jump = LoadJump(
            to: to, unit: c.unit,
            stepPercent: Int((settings.maxIncrease * 100).rounded()), stepDays: settings.daysBetweenSteps)
        for workout in c.workouts where workout.date <= override.date && workout.date >= (jump.fromDay ?? workout.date) {
            // The latest session with a lift on the ladder; the heaviest set, carried to this exercise.
            var best: (weight: Double, exercise: ExerciseID)?
            for logged in workout.exercises
            where logged.exercise == exercise || (ladder != nil && catalog.ladder(for: logged.exercise)?.id == ladder) {
                for weight in logged.sets.compactMap(\.weight) {
                    let carried =
                        logged.exercise == exercise
                        ? weight : catalog.equivalentWeight(weight, from: logged.exercise, to: exercise)
                    if let carried, carried > best?.weight ?? 0 { best = (carried, logged.exercise) }
                }
            }
            if let best {
                jump.from = best.weight
                jump.fromDay = workout.date
                jump.fromExercise = best.exercise == exercise ? nil : best.exercise
                jump.fromExerciseName = jump.fromExercise.flatMap { catalog[$0]?.name.lowercased() }
            }
        }
        if jump.from == nil {
            var before = c
            before.asOf = max(override.date, c.intake.date)
            before.overrides.removeAll { $0.kind == .load && $0.exercise == exercise }
            let next = nextPrescription(for: before)
            jump.from = (next.exercises + next.dailyRoutine).first { $0.exercise == exercise }?.weight
        }
        guard let from = jump.from, from > 0 else {
            jump.from = nil
            return jump
        }
        guard to > from * (1 + settings.loadJumpShare) + 1e-9 else { return nil }
        jump.percent = Int(rounding: (to / from - 1) * 100)
        return jump
    }
}
