import LiftbackCore

/// A new red flag during the programme: when it starts, when it goes away, and how long a
/// clinician takes to clear it once it has gone (or has been reported, if that is later).
public struct FlagEpisode: Sendable, Equatable {
    public var flag: RedFlag
    /// Day index (0 is the intake) on whose morning the symptom starts.
    public var onset: Int
    /// First day index without it.
    public var resolves: Int
    public var clearanceDelay: Int

    public func present(on day: Int) -> Bool { day >= onset && day < resolves }
}

/// What chance decides for one day, drawn once per person so every policy meets the same days.
public struct DayScript: Sendable, Equatable {
    /// Compared with the person's miss chance on a session day.
    public var missRoll: Double
    public var answersNextDay: Bool
    /// A heavier day of daily life (seed 000: picking up a child, moving furniture).
    public var heavyDay: Bool
    /// Standard normal noise for the day's reports: morning, during, after, next morning.
    public var noise: (Double, Double, Double, Double)

    public static func == (a: DayScript, b: DayScript) -> Bool {
        a.missRoll == b.missRoll && a.answersNextDay == b.answersNextDay && a.heavyDay == b.heavyDay
            && a.noise.0 == b.noise.0 && a.noise.1 == b.noise.1 && a.noise.2 == b.noise.2 && a.noise.3 == b.noise.3
    }
}

/// One virtual person: what they tell the app at intake, and what stays hidden from every policy.
public struct Person: Sendable, Equatable {
    public var index: Int
    /// The first day, a real calendar date so weekdays vary between people.
    public var intakeDay: Day
    public var pattern: PresentationPattern
    public var unit: WeightUnit
    /// Previous working weights for `workingReps`, in `unit`.
    public var deadlift: Double
    public var squat: Double
    public var bench: Double
    public var workingReps: Int

    // Reporting and adherence.
    public var checkInEvery: Int
    public var checkInOffset: Int
    public var missChance: Double
    /// Breaks from everything (no sessions, no check-ins): day ranges.
    public var breaks: [Range<Int>]
    public var flag: FlagEpisode?

    // Hidden: the back.
    public var healingDays: Int
    public var acutePain: Double
    public var residualPain: Double
    public var initialCapacity: Double

    public var script: [DayScript]

    public func onBreak(_ day: Int) -> Bool { breaks.contains { $0.contains(day) } }
    public func checksIn(_ day: Int) -> Bool { day >= checkInOffset && (day - checkInOffset) % checkInEvery == 0 }
}

/// The population generator: person `i` of seed `s` is always the same person.
public enum Population {
    /// The calendar day the simulated programmes start from (a Monday); each person starts 0-6 days later.
    public static let firstIntake = Day(year: 2026, month: 1, day: 5)!

    public static func person(_ index: Int, seed: UInt64, days: Int, parameters p: Parameters = .standard) -> Person {
        var rng = SplitMix64(seed: seed, person: index, stream: 0)
        let roll = rng.uniform()
        let pattern: PresentationPattern =
            roll < p.muscularShare ? .muscular : roll < p.muscularShare + p.discRelatedShare ? .discRelated : .nonSpecific
        let moderate = pattern == .muscular && rng.chance(p.moderateStrainShare)
        let unit: WeightUnit = rng.chance(p.poundShare) ? .lb : .kg
        let kg = min(
            p.deadliftRangeKg.upperBound, max(p.deadliftRangeKg.lowerBound, p.deadliftMeanKg + p.deadliftSpreadKg * rng.normal()))
        let deadlift = WeightUnit.kg.convert(kg, to: unit)
        func plates(_ weight: Double) -> Double { (weight / unit.defaultIncrement).rounded() * unit.defaultIncrement }

        var everyRoll = rng.uniform() * p.checkInWeights.reduce(0, +)
        var every = p.checkInEveryDays.last ?? 7
        for (days, weight) in zip(p.checkInEveryDays, p.checkInWeights) {
            if everyRoll < weight {
                every = days
                break
            }
            everyRoll -= weight
        }
        let offset = rng.int(0...(every - 1))
        let miss = rng.uniform(p.missChance)
        let answerChance = rng.uniform(p.nextDayAnswerChance)

        var breaks: [Range<Int>] = []
        let breakCount = rng.chance(p.breakChance) ? (rng.chance(p.secondBreakChance / p.breakChance) ? 2 : 1) : 0
        for _ in 0..<breakCount where days > 28 {
            let length = rng.int(p.breakDays)
            let start = rng.int(14...max(14, days - 7))
            breaks.append(start..<(start + length))
        }

        var flag: FlagEpisode?
        if rng.chance(pattern == .discRelated ? p.flagChanceDiscRelated : p.flagChanceOther) {
            let onset = rng.int(1...max(1, days - 1))
            let kind: RedFlag = rng.chance(0.5) ? .numbnessTingling : .radiatingLegPain
            flag = FlagEpisode(
                flag: kind, onset: onset, resolves: onset + rng.int(p.flagDays), clearanceDelay: rng.int(p.clearanceDelayDays))
        }

        let healing = rng.int(p.healingDays(pattern, moderate: moderate))
        let acute = rng.uniform(p.acutePain(pattern))
        let residual = rng.chance(p.residualPainShare) ? rng.uniform(p.residualPain) : 0
        let capacity = rng.uniform(p.initialCapacity)
        let weekday = rng.int(0...6)

        // The day-by-day script comes from its own stream, so adding a trait above never shifts it.
        var dayRandom = SplitMix64(seed: seed, person: index, stream: 1)
        var script: [DayScript] = []
        script.reserveCapacity(days + 1)
        for _ in 0...days {
            script.append(
                DayScript(
                    missRoll: dayRandom.uniform(), answersNextDay: dayRandom.chance(answerChance),
                    heavyDay: dayRandom.chance(p.heavyDayChance),
                    noise: (dayRandom.normal(), dayRandom.normal(), dayRandom.normal(), dayRandom.normal())))
        }
        return Person(
            index: index, intakeDay: firstIntake.adding(days: weekday), pattern: pattern, unit: unit,
            deadlift: plates(deadlift), squat: plates(deadlift * p.squatShare), bench: plates(deadlift * p.benchShare),
            workingReps: p.workingReps, checkInEvery: every, checkInOffset: offset, missChance: miss, breaks: breaks,
            flag: flag, healingDays: healing, acutePain: acute, residualPain: residual, initialCapacity: capacity, script: script)
    }
}
