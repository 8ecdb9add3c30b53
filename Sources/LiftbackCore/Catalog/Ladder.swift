/// A variation ladder: the same pattern from its easiest to its most demanding form
/// (clinical model, section 4; seeds 002, 003). Regressions step down it, progressions up it.
/// A kebab-case ladder identifier such as `hinge`; the standard catalogue's are named below, so code
/// never spells them as strings.
public struct LadderID: RawRepresentable, Hashable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static let hinge: LadderID = "hinge"
    public static let hingeAccessory: LadderID = "hinge-accessory"
    public static let bridge: LadderID = "bridge"
    public static let squat: LadderID = "squat"
    public static let singleLeg: LadderID = "single-leg"
    public static let push: LadderID = "push"
    public static let pull: LadderID = "pull"
    public static let carry: LadderID = "carry"
    public static let antiExtension: LadderID = "anti-extension"
    public static let antiRotation: LadderID = "anti-rotation"
    public static let antiLateralFlexion: LadderID = "anti-lateral-flexion"
}

public struct Ladder: Codable, Sendable, Equatable, Identifiable {
    public var id: LadderID
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
