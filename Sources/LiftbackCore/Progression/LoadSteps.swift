/// Load arithmetic on the equipment a person has (clinical model, section 5; seed 001: 5-10 % a week).
///
/// Two kinds: a bar loaded with plates, where `increment` is the smallest change of the total load
/// (2.5 kg or 5 lb with the usual plates), and fixed weights (kettlebells, dumbbells), where only the
/// listed weights exist.
public struct LoadSteps: Sendable, Equatable {
    public var increment: Double
    /// The weights that exist, ascending, for fixed weights; `nil` for a loaded bar.
    public var available: [Double]?
    public var minIncrease: Double
    public var maxIncrease: Double

    public init(increment: Double, settings: EngineSettings) {
        self.increment = increment
        minIncrease = settings.minIncrease
        maxIncrease = settings.maxIncrease
    }

    /// Fixed weights such as a set of kettlebells.
    public init(weights: [Double], settings: EngineSettings) {
        let sorted = Array(Set(weights.filter { $0 > 0 && $0.isFinite })).sorted()
        self.init(increment: sorted.count > 1 ? zip(sorted, sorted.dropFirst()).map { $1 - $0 }.min()! : 1, settings: settings)
        available = sorted.isEmpty ? nil : sorted
    }

    /// The nearest loadable weight at or below `weight` (the lightest that exists, for fixed weights below it).
    public func floor(_ weight: Double) -> Double {
        if let available {
            return available.last { $0 <= weight + 1e-9 } ?? available[0]
        }
        let steps = (weight / increment + 1e-9).rounded(.down)
        return Self.tidy(max(0, steps * increment))
    }

    /// The nearest loadable weight at or above `weight`.
    public func ceiling(_ weight: Double) -> Double {
        if let available { return available.first { $0 >= weight - 1e-9 } ?? available.last! }
        let steps = (weight / increment - 1e-9).rounded(.up)
        return Self.tidy(steps * increment)
    }

    /// The smallest real step up from `weight`: the next weight that exists, whatever its size.
    public func nextUp(from weight: Double) -> Double? {
        if let available { return available.first { $0 > weight + 1e-9 } }
        return Self.tidy(floor(weight) + increment)
    }

    /// The next weight down that exists, or `nil` at the lightest.
    public func nextDown(from weight: Double) -> Double? {
        if let available { return available.last { $0 < weight - 1e-9 } }
        let down = Self.tidy(ceiling(weight) - increment)
        return down > 0 ? down : nil
    }

    /// The next load up: the loadable weight inside `weight` x (1 + min...max) closest to `toward`
    /// (0 the bottom of the window, 1 its top; the middle by default), or `nil` when the equipment
    /// cannot make a 5-10 % step (then reps, or another lever, move instead).
    public func stepUp(from weight: Double, toward: Double = 0.5) -> Double? {
        guard weight > 0 else { return nil }
        let low = weight * (1 + minIncrease)
        let high = weight * (1 + maxIncrease)
        let target = weight * (1 + minIncrease + (maxIncrease - minIncrease) * min(1, max(0, toward)))
        var candidates: [Double] = []
        if let available {
            candidates = available.filter { $0 >= low - 1e-9 && $0 <= high + 1e-9 }
        } else {
            let first = ceiling(low)
            // Candidates by index, bounded: a tiny increment cannot loop for ever.
            for step in 0..<100 {
                let candidate = Self.tidy(first + Double(step) * increment)
                guard candidate <= high + 1e-9 else { break }
                candidates.append(candidate)
            }
        }
        return candidates.min { abs($0 - target) < abs($1 - target) }
    }

    /// One step down from `weight` when no earlier step is known: the loadable weight a 5-10 %
    /// step below, never less than one real step below.
    public func stepDown(from weight: Double) -> Double {
        let target = floor(weight / (1 + (minIncrease + maxIncrease) / 2))
        let oneDown = nextDown(from: weight) ?? (available?.first ?? 0)
        return min(target, max(0, oneDown))
    }

    /// Removes floating-point dust (75.00000000001 -> 75).
    static func tidy(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// The weights a person can load (clinical model, section 5; docs/case-format.md): a bar with plates, and
/// fixed kettlebells and dumbbells. Absent parts take the usual gym's.
public struct EquipmentAtHand: Codable, Sendable, Equatable {
    /// Kettlebells owned or in the gym, in the case's unit.
    public var kettlebells: [Double]?
    /// Dumbbells (the weight of one), in the case's unit.
    public var dumbbells: [Double]?
    /// The barbell's own weight, and the trap bar's, in the case's unit.
    public var bar: Double?
    public var trapBar: Double?
    /// The plates at hand (each weight in pairs, one for each side), in the case's unit.
    public var plates: [Double]?

    public init(
        kettlebells: [Double]? = nil, dumbbells: [Double]? = nil, bar: Double? = nil, trapBar: Double? = nil,
        plates: [Double]? = nil
    ) {
        self.kettlebells = kettlebells
        self.dumbbells = dumbbells
        self.bar = bar
        self.trapBar = trapBar
        self.plates = plates
    }

    /// The lists of weights, by their names in a case file, for checking and for forms.
    public var lists: [(name: String, weights: [Double]?)] {
        [("kettlebells", kettlebells), ("dumbbells", dumbbells), ("plates", plates)]
    }

    /// Nothing set: the usual gym's everything.
    public var isEmpty: Bool { self == EquipmentAtHand() }

    /// Kettlebells in 4 kg steps (competition bells), or the usual pound bells.
    public static func standardKettlebells(_ unit: WeightUnit) -> [Double] {
        unit == .kg
            ? stride(from: 4.0, through: 48, by: 4).map { $0 } : [10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 70, 80, 90, 100]
    }

    /// Fixed dumbbells: 1 kg steps to 10 kg, then 2.5 kg; in pounds 5 lb steps.
    public static func standardDumbbells(_ unit: WeightUnit) -> [Double] {
        unit == .kg
            ? (1...10).map(Double.init) + stride(from: 12.5, through: 60, by: 2.5).map { $0 }
            : [3, 5, 8] + stride(from: 10.0, through: 120, by: 5).map { $0 }
    }

    /// The steps for an exercise: fixed weights when its first piece of equipment is a kettlebell or a
    /// dumbbell, the bar and plates otherwise.
    public func steps(for exercise: Exercise, unit: WeightUnit, plateIncrement: Double, settings: EngineSettings) -> LoadSteps {
        switch exercise.equipment.first {
        case .kettlebell?:
            LoadSteps(weights: kettlebells ?? Self.standardKettlebells(unit), settings: settings)
        case .dumbbell?:
            LoadSteps(weights: dumbbells ?? Self.standardDumbbells(unit), settings: settings)
        default:
            // A bar's load moves by a pair of the smallest plate at hand at least.
            LoadSteps(
                increment: exercise.equipment.contains(where: { $0 == .barbell || $0 == .trapBar })
                    ? max(plateIncrement, 2 * (plates?.filter { $0 > 0 }.min() ?? 0)) : plateIncrement,
                settings: settings)
        }
    }
}

/// A weight as people say it: exact when it is a loadable-looking number (quarters), otherwise rounded
/// to the nearest whole ("about 184"), as after converting pounds to kilograms.
public func approximateWeight(_ value: Double) -> String {
    let quarters = (value * 4).rounded() / 4
    return abs(quarters - value) < 0.005 ? formatWeight(value) : "about \(formatWeight(value.rounded()))"
}

extension Int {
    /// `value` rounded by `rule`, or `nil` when it is not finite or does not fit: the one way the
    /// engine and the pages turn a computed number into a whole one, so that none can trap.
    public init?(rounding value: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) {
        self.init(exactly: value.rounded(rule))
    }
}

/// Formats a weight with up to two decimals and no trailing zeros (`72.5`, `75`, `71.25`).
public func formatWeight(_ value: Double) -> String {
    // Weights are checked before they reach a text; anything else is written as the number it is.
    guard value.isFinite, abs(value) < 1e12 else { return "\(value)" }
    let hundredths = (value * 100).rounded()
    if hundredths.truncatingRemainder(dividingBy: 100) == 0 { return String(Int(hundredths / 100)) }
    if hundredths.truncatingRemainder(dividingBy: 10) == 0 { return String(format2(hundredths / 100, 1)) }
    return format2(hundredths / 100, 2)
}

private func format2(_ value: Double, _ decimals: Int) -> String {
    let scale = decimals == 1 ? 10.0 : 100.0
    let whole = Int((value * scale).rounded())
    let integer = whole / Int(scale)
    let fraction = abs(whole % Int(scale))
    let digits = String(fraction)
    return "\(integer).\(String(repeating: "0", count: decimals - digits.count))\(digits)"
}
