/// A kebab-case exercise identifier such as `trap-bar-deadlift`.
public struct ExerciseID: RawRepresentable, Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: ExerciseID, rhs: ExerciseID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// The movement pattern an exercise trains (docs/case-format.md, "The prescription").
public enum MovementPattern: String, Codable, Sendable, CaseIterable {
    case hinge, squat
    case singleLeg = "single-leg"
    case push, pull, carry
    case antiExtension = "anti-extension"
    case antiRotation = "anti-rotation"
    case antiLateralFlexion = "anti-lateral-flexion"
    case mobility, cardio
}

/// The loading ladder every pattern climbs (seed 001): bodyweight -> light -> moderate -> working.
public enum LoadStage: String, Codable, Sendable, DeclarationOrdered {
    case bodyweight, light, moderate, working

    /// The stage a load sits at, as a share of the previous working weight:
    /// under 60 % light, under 85 % moderate, from 85 % working.
    public init(fractionOfPrevious fraction: Double) {
        self = fraction < 0.60 ? .light : fraction < 0.85 ? .moderate : .working
    }
}

/// How an exercise's dose is counted.
public enum DoseKind: String, Codable, Sendable {
    /// Repetitions per set.
    case reps
    /// Seconds held per set (planks, stretches).
    case hold
    /// Minutes of continuous activity (walking).
    case minutes
    /// Passes or repetitions per side without sets (foam rolling).
    case passes
}

/// A starting dose and the range it may travel within before the next variation.
extension DoseKind {
    /// What one set's amount is counted in, as a form labels it: "reps", "seconds", "minutes", "passes".
    public var unitWord: String {
        switch self {
        case .reps: "reps"
        case .hold: "seconds"
        case .minutes: "minutes"
        case .passes: "passes"
        }
    }

    /// `3 x 8 each side`, `2 x 30 s`, `20 min`, `10 passes`: a dose in words, the one way the engine's
    /// reasons and the pages write it (`times` is the sign between sets and amount).
    public func describe(sets: Int, amount: Int, perSide: Bool, times: String = "x") -> String {
        let side = perSide ? " each side" : ""
        switch self {
        case .reps: return "\(sets) \(times) \(amount)\(side)"
        case .hold: return "\(sets) \(times) \(amount) s\(side)"
        case .minutes: return "\(amount) min"
        case .passes: return "\(amount) passes"
        }
    }
}

public struct Dose: Codable, Sendable, Equatable {
    public var kind: DoseKind
    public var sets: Int
    /// Reps, seconds, minutes or passes per set at the start.
    public var amount: Int
    /// The most per set before progressing by another lever.
    public var maxAmount: Int
    /// The step added when progressing this dose.
    public var step: Int
    /// Tempo as eccentric-pause-concentric seconds (for example `3-1-2`), when prescribed.
    public var tempo: String?
    /// Per side (single-leg work, side planks, carries).
    public var perSide: Bool

    public init(
        _ kind: DoseKind, sets: Int, amount: Int, max maxAmount: Int? = nil, step: Int? = nil, tempo: String? = nil,
        perSide: Bool = false
    ) {
        self.kind = kind
        self.sets = sets
        self.amount = amount
        self.maxAmount = maxAmount ?? amount
        self.step = step ?? (kind == .hold ? 5 : kind == .minutes ? 5 : 2)
        self.tempo = tempo
        self.perSide = perSide
    }
}

/// What an exercise needs.
public enum Equipment: String, Codable, Sendable, CaseIterable {
    case none, dowel, kettlebell, dumbbell, barbell
    case trapBar = "trap-bar"
    case blocks, box, bench, cable, band, mat
    case foamRoller = "foam-roller"
    case pullUpBar = "pull-up-bar"
    case bike
}

/// An exercise of the catalogue: pattern, ladder place, default dose, equipment and swaps.
public struct Exercise: Codable, Sendable, Equatable, Identifiable {
    public var id: ExerciseID
    public var name: String
    public var pattern: MovementPattern
    /// Where the exercise sits on the load ladder when done as prescribed by default.
    public var stage: LoadStage
    /// `true` when the exercise takes an external load (a weight is prescribed).
    public var loaded: Bool
    public var equipment: [Equipment]
    public var dose: Dose
    /// The earliest phase it belongs to.
    public var phase: Phase
    /// Back-friendly alternatives, most similar first.
    public var swaps: [ExerciseID]
    /// Its share of the ladder's reference lift (for example a goblet squat carries about a third of a
    /// back squat), used to carry a previous working weight across a variation ladder.
    public var loadFactor: Double
    /// A short cue in plain words.
    public var cue: String
    /// For a graded-exposure step: the avoided movement it brings back (seeds 002, 004).
    public var exposureFor: FearedMovement? = nil
}

extension Exercise {
    /// The rest between sets that the log's timer counts down, in seconds: two minutes after a
    /// loaded set (a lift asks more of the body than a hold or a carry), one minute otherwise.
    public static let restAfterLoadedSet = 120
    public static let restAfterOtherSet = 60

    public var restSeconds: Int { loaded && pattern != .carry ? Self.restAfterLoadedSet : Self.restAfterOtherSet }

    /// The follow-along timer's pauses within a hold's sets: a short breath between holds (a hold
    /// is minutes of work in all, not a lift), and the moment to turn onto the other side.
    public static let restBetweenHolds = 15
    public static let changeSides = 5
}
