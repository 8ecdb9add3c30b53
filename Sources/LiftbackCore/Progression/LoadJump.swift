import Foundation

/// A clinician's load that climbs faster than the plan ever would: more than the engine's largest
/// step (`EngineSettings.maxIncrease`, 10 %) above what the person last lifted for that exercise.
/// The engine still takes the clinician's load as given; this is what they see before keeping it.
public struct LoadJump: Equatable, Sendable {
    /// What the person last lifted (their heaviest set that day), or the engine's own next load when
    /// they have not lifted it yet.
    public var from: Double
    public var fromDay: Day?
    public var to: Double
    public var unit: WeightUnit
    /// The rise, in whole percent.
    public var percent: Int

    public var message: String {
        let base =
            fromDay.map { "the \(formatWeight(from)) \(unit.rawValue) lifted on \($0)" }
            ?? "the \(formatWeight(from)) \(unit.rawValue) the plan would give next"
        return "\(formatWeight(to)) \(unit.rawValue) is \(percent) % above \(base). The plan's own steps are at most "
            + "10 % a week, so please check this load with the person before keeping it."
    }
}

extension Engine {
    /// The jump a load override makes, or `nil` when it stays within one step of the plan (or there
    /// is nothing to compare it with).
    public func loadJump(_ override: Override, in c: Case) -> LoadJump? {
        guard override.kind == .load, let exercise = override.exercise, let to = override.weight else { return nil }
        var from: Double?
        var fromDay: Day?
        for workout in c.workouts where workout.date <= override.date {
            let heaviest = workout.exercises.filter { $0.exercise == exercise }.flatMap(\.sets).compactMap(\.weight).max()
            if let heaviest, fromDay.map({ workout.date >= $0 }) ?? true { (from, fromDay) = (heaviest, workout.date) }
        }
        if from == nil {
            var before = c
            before.asOf = max(override.date, c.intake.date)
            before.overrides.removeAll { $0.kind == .load && $0.exercise == exercise }
            let next = nextPrescription(for: before)
            from = (next.exercises + next.dailyRoutine).first { $0.exercise == exercise }?.weight
        }
        guard let from, from > 0, to > from * (1 + settings.maxIncrease) + 1e-9 else { return nil }
        return LoadJump(
            from: from, fromDay: fromDay, to: to, unit: c.unit, percent: Int(((to / from - 1) * 100).rounded()))
    }
}
