/// A variation ladder: the same pattern from its easiest to its most demanding form
/// (clinical model, section 4; seeds 002, 003). Regressions step down it, progressions up it.
public struct Ladder: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var pattern: MovementPattern
    /// From easiest to hardest.
    public var rungs: [ExerciseID]
    /// The rung a person starts on when lifting is reintroduced.
    public var entry: ExerciseID
    /// The lift a previous working weight usually refers to; other rungs scale by `Exercise.loadFactor`.
    public var reference: ExerciseID
    /// Rungs reached by a larger range of the same lift (lower handles, lower blocks) rather than a new lift.
    public var rangeSteps: Set<ExerciseID> = []

    public func index(of exercise: ExerciseID) -> Int? { rungs.firstIndex(of: exercise) }

    public func rung(after exercise: ExerciseID) -> ExerciseID? {
        guard let index = index(of: exercise), index + 1 < rungs.count else { return nil }
        return rungs[index + 1]
    }

    public func rung(before exercise: ExerciseID) -> ExerciseID? {
        guard let index = index(of: exercise), index > 0 else { return nil }
        return rungs[index - 1]
    }
}
