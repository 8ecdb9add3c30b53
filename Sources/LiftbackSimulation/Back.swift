import Foundation
import LiftbackCore

/// How a day's work went, as the model sees it (hidden from every policy).
public struct SessionResponse: Sendable, Equatable {
    /// The heaviest effort of the session on the back, as a share of the old working capacity.
    public var demand: Double
    /// Demand over tolerance.
    public var ratio: Double
    public var flared: Bool
    public var severity: Double
    /// What the person reports.
    public var painDuring: Int
    public var painAfter: Int
    public var stoppedEarly: Bool
    public var lockedUp: Bool
}

/// The hidden state of one back. Tolerance is capacity, limited by healing and by sensitisation
/// (seed 004: reduced load tolerance, deconditioning, sensitisation); loads well above it flare the
/// back (seed 000: symptoms that climb mean too fast); avoidance fades capacity (seeds 000, 004).
public struct Back: Sendable, Equatable {
    public let parameters: Parameters
    public let healingDays: Int
    public let acutePain: Double
    public let residualPain: Double
    /// 0 at intake, 1 once healed; flares set it back.
    public private(set) var healing = 0.0
    /// Share of the old working capacity.
    public private(set) var capacity: Double
    /// Extra sensitivity after flares; decays day by day.
    public private(set) var sensitisation = 0.0
    /// Whether a red-flag symptom (nerve irritation) is present today.
    public var flagPresent = false

    public init(person: Person, parameters: Parameters) {
        self.parameters = parameters
        healingDays = person.healingDays
        acutePain = person.acutePain
        residualPain = person.residualPain
        capacity = person.initialCapacity
    }

    /// For tests: a back in a chosen state.
    public init(
        parameters: Parameters = .standard, healingDays: Int, acutePain: Double = 6, residualPain: Double = 0,
        healing: Double = 0, capacity: Double = 0.9, sensitisation: Double = 0
    ) {
        self.parameters = parameters
        self.healingDays = healingDays
        self.acutePain = acutePain
        self.residualPain = residualPain
        self.healing = healing
        self.capacity = capacity
        self.sensitisation = sensitisation
    }

    /// What the healing tissue allows.
    public var tissueLimit: Double { parameters.tissueFloor + parameters.tissueSpan * healing }

    public var tolerance: Double {
        min(capacity, tissueLimit) * exp(-parameters.sensitisationToleranceK * sensitisation)
            * (flagPresent ? parameters.flagToleranceFactor : 1)
    }

    /// Usual pain at rest, before noise.
    public var baselinePain: Double {
        acutePain * (1 - healing) + residualPain + parameters.sensitisationPain * sensitisation
            + (flagPresent ? parameters.flagPain : 0)
    }

    /// A whole-number report of `value` with the day's noise.
    /// The spread shrinks near zero: someone without pain mostly says 0.
    public func report(_ value: Double, noise: Double) -> Int {
        let spread = parameters.painNoise * min(1, parameters.painNoiseAtZero + max(0, value) / 4)
        return Int(min(10, max(0, (value + spread * noise).rounded())))
    }

    /// Loads the back with a load of `demand` (a share of the old working capacity). `loaded` says
    /// whether any external weight was lifted (it decides capacity growth).
    public mutating func load(demand: Double, loaded: Bool, noise: (Double, Double)) -> SessionResponse {
        let p = parameters
        let before = baselinePain
        // Unloaded work is eased by feel: it can hurt, but it does not flare the back.
        let ratio = loaded ? demand / max(tolerance, 1e-6) : min(1, demand / max(tolerance, 1e-6))
        let flared = ratio > p.flareRatio
        let severity = flared ? min(p.maxSeverity, (ratio - 1) / p.severityScale) : 0
        let loadPain = p.loadPainSlope * max(0, ratio - p.loadPainOnset)
        let during = report(before + loadPain + p.flareSpikePain * severity, noise: noise.0)
        let stopped = during >= p.stopPain
        let after = report(before + 0.6 * loadPain + 1.2 * p.flareSpikePain * severity, noise: noise.1)
        if flared {
            flare(severity)
        } else if ratio > 1 {
            sensitisation += p.nearFlareSensitisation * (ratio - 1) / (p.flareRatio - 1)
        }
        if loaded, !flared, !stopped {
            let stimulus = min(1, max(0, (demand / capacity - p.stimulusFrom) / (p.stimulusFull - p.stimulusFrom)))
            if stimulus > 0 {
                // Regaining old strength is quick; beyond it, gains slow towards the ceiling.
                let room = capacity < 1 ? 1 : max(0, (p.capacityCeiling - capacity) / (p.capacityCeiling - 1))
                capacity = min(p.capacityCeiling, capacity + p.capacityGain * stimulus * room)
            } else {
                capacity = max(p.capacityFloor, capacity - p.capacityFadePerDay * p.unloadedFadeShare)
            }
        }
        return SessionResponse(
            demand: demand, ratio: ratio, flared: flared, severity: severity, painDuring: during, painAfter: after,
            stoppedEarly: stopped, lockedUp: flared && severity >= p.lockedUpSeverity)
    }

    /// What a day of daily life does: a flare when it is above the threshold (returns its severity).
    /// People pace an ordinary day around a sore back, so only a heavier day can flare it.
    public mutating func dailyLife(heavy: Bool) -> Double? {
        let p = parameters
        guard heavy else { return nil }
        let ratio = p.heavyDayDemand / max(tolerance, 1e-6)
        guard ratio > p.flareRatio else { return nil }
        let severity = min(p.maxSeverity, (ratio - 1) / p.severityScale)
        flare(severity)
        return severity
    }

    mutating func flare(_ severity: Double) {
        sensitisation = min(parameters.maxSensitisation, sensitisation + severity)
        healing = max(0, healing - parameters.healingSetbackPerSeverity * severity)
    }

    /// The night: healing goes on, sensitisation settles, and capacity fades without training.
    public mutating func endOfDay(trained: Training) {
        let p = parameters
        switch trained {
        case .none: capacity = max(p.capacityFloor, capacity - p.capacityFadePerDay)
        case .unloaded: capacity = max(p.capacityFloor, capacity - p.capacityFadePerDay * p.unloadedFadeShare)
        case .loaded: break  // handled by `load`
        }
        healing = min(1, healing + 1 / Double(healingDays))
        sensitisation *= pow(0.5, 1 / p.sensitisationHalfLifeDays)
    }

    public enum Training: Sendable { case none, unloaded, loaded }
}
