/// Load arithmetic on the plates a person has (domain spec section 5; seed 001: 5-10 % a week).
///
/// `increment` is the smallest change of the total load (2.5 kg or 5 lb with the usual plates).
public struct LoadSteps: Sendable, Equatable {
    public var increment: Double
    public var minIncrease: Double
    public var maxIncrease: Double

    public init(increment: Double, settings: EngineSettings = .standard) {
        self.increment = increment
        minIncrease = settings.minIncrease
        maxIncrease = settings.maxIncrease
    }

    /// The nearest loadable weight at or below `weight`.
    public func floor(_ weight: Double) -> Double {
        let steps = (weight / increment + 1e-9).rounded(.down)
        return Self.tidy(max(0, steps * increment))
    }

    /// The nearest loadable weight at or above `weight`.
    public func ceiling(_ weight: Double) -> Double {
        let steps = (weight / increment - 1e-9).rounded(.up)
        return Self.tidy(steps * increment)
    }

    /// The next load up: the loadable weight inside `weight` x (1 + min...max) closest to the middle
    /// of the window, or `nil` when the plates cannot make a 5-10 % step (then another lever moves).
    public func stepUp(from weight: Double) -> Double? {
        guard weight > 0 else { return nil }
        let low = weight * (1 + minIncrease)
        let high = weight * (1 + maxIncrease)
        let target = weight * (1 + (minIncrease + maxIncrease) / 2)
        var candidates: [Double] = []
        let first = ceiling(low)
        // Candidates by index, bounded: a tiny increment cannot loop for ever.
        for step in 0..<100 {
            let candidate = Self.tidy(first + Double(step) * increment)
            guard candidate <= high + 1e-9 else { break }
            candidates.append(candidate)
        }
        return candidates.min { abs($0 - target) < abs($1 - target) }
    }

    /// One step down from `weight` when no earlier step is known: the loadable weight a 5-10 %
    /// step below, never less than one increment below.
    public func stepDown(from weight: Double) -> Double {
        let target = floor(weight / (1 + (minIncrease + maxIncrease) / 2))
        return min(target, max(0, Self.tidy(weight - increment)))
    }

    /// Removes floating-point dust (75.00000000001 -> 75).
    static func tidy(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// Formats a weight with up to two decimals and no trailing zeros (`72.5`, `75`, `71.25`).
public func formatWeight(_ value: Double) -> String {
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
