/// A measure that can be repeated over time and compared with its minimal important change.
public enum ChangeMeasure: String, Codable, Sendable, CaseIterable {
    case odi, rmdq, psfs, tsk11
    case pain

    public init?(_ instrument: Instrument) {
        switch instrument {
        case .odi: self = .odi
        case .rmdq: self = .rmdq
        case .psfs: self = .psfs
        case .tsk11: self = .tsk11
        case .startback, .fabq: return nil
        }
    }

    /// The published minimal important change: an absolute number of points and, where
    /// published, a share of the baseline; either one is enough.
    ///
    /// ODI 10 points or 30 %, RMDQ 5 points or 30 %, pain 2 points or 30 % (Ostelo et al.,
    /// Spine 2008;33:90-4); PSFS 2 points on the mean (Stratford 1995); TSK-11 a fall of 4
    /// (Woby et al. 2005).
    public var threshold: (points: Double, fractionOfBaseline: Double?) {
        switch self {
        case .odi: (10, 0.30)
        case .rmdq: (5, 0.30)
        case .pain: (2, 0.30)
        case .psfs: (2, nil)
        case .tsk11: (4, nil)
        }
    }

    public var higherIsBetter: Bool { self == .psfs }

    /// The measure's name as clinicians say it.
    public var title: String {
        switch self {
        case .odi: Instrument.odi.title
        case .rmdq: Instrument.rmdq.title
        case .psfs: Instrument.psfs.title
        case .tsk11: Instrument.tsk11.title
        case .pain: "Pain"
        }
    }
}

/// How a score moved against its baseline and whether the move is clinically important.
public struct ImportantChange: Codable, Sendable, Equatable {
    public enum Direction: String, Codable, Sendable {
        case improved, worsened, unchanged
    }

    public var measure: ChangeMeasure
    public var baseline: Double
    public var current: Double
    /// current - baseline.
    public var change: Double
    /// The change as a percentage of the baseline, when the baseline is not zero.
    public var percentOfBaseline: Double?
    public var direction: Direction
    /// `true` when the change reaches the published minimal important change in the good or bad direction.
    public var important: Bool
    /// The rule in words, with its numbers.
    public var explanation: String

    /// Compares `current` with `baseline` against the measure's published threshold.
    public init(measure: ChangeMeasure, baseline: Double, current: Double) {
        self.measure = measure
        self.baseline = baseline
        self.current = current
        change = roundedToTenth(current - baseline)
        percentOfBaseline = baseline == 0 ? nil : roundedToTenth(100 * (current - baseline) / baseline)
        let better = measure.higherIsBetter ? current > baseline : current < baseline
        direction = current == baseline ? .unchanged : better ? .improved : .worsened
        let (points, fraction) = measure.threshold
        let size = abs(current - baseline)
        let byPoints = size >= points - 1e-9
        let byFraction = fraction.map { baseline != 0 && size >= $0 * abs(baseline) - 1e-9 } ?? false
        important = direction != .unchanged && (byPoints || byFraction)
        let thresholdText =
            fraction.map { "\(formatNumber(points)) points or \(Int($0 * 100)) % of the baseline" }
            ?? "\(formatNumber(points)) points"
        let movedText = "\(formatNumber(baseline)) to \(formatNumber(current))"
        explanation =
            important
            ? "\(measure.title) moved from \(movedText): an important \(direction == .improved ? "improvement" : "worsening") (the threshold is \(thresholdText))."
            : "\(measure.title) moved from \(movedText): within the range of ordinary variation (an important change is \(thresholdText))."
    }
}

/// Prints a number without a trailing `.0`, and with at most one decimal otherwise.
public func formatNumber(_ value: Double) -> String {
    let tenth = roundedToTenth(value)
    if tenth == tenth.rounded() { return String(Int(tenth)) }
    return String(tenth)
}
