import LiftbackCore

/// Every number of the virtual-patient model, with its default and the claim it rests on
/// (the seed articles, named by number and listed in docs/clinical-model.md; docs/simulation.md lists them in a table).
/// Shares of capacity and tolerance are fractions of the person's old working capacity: 1.0 is
/// what they lifted for reps before the back pain.
public struct Parameters: Sendable, Equatable, Codable {
    // MARK: Population

    /// Presentation patterns. Non-specific is the usual case (clinical model, section 3); disc-related the least common.
    public var muscularShare = 0.35
    public var discRelatedShare = 0.15
    /// Among muscular strains, the share that is moderate rather than mild (seed 001).
    public var moderateStrainShare = 0.3
    /// Days until the tissue has healed (seed 001: mild strain 1-2 weeks, moderate 4-8 weeks,
    /// disc-related 3-4 months; non-specific taken as 4-8 weeks, the engine's expected timeline).
    public var mildStrainHealingDays = 7...14
    public var moderateStrainHealingDays = 28...56
    public var nonSpecificHealingDays = 28...56
    public var discRelatedHealingDays = 90...120
    /// Share of people who log in pounds.
    public var poundShare = 0.4
    /// Previous working weight on the conventional deadlift for 5 reps, in kg: mean, spread, limits.
    public var deadliftMeanKg = 140.0
    public var deadliftSpreadKg = 35.0
    public var deadliftRangeKg = 60.0...260.0
    /// Back squat and bench press as shares of the deadlift.
    public var squatShare = 0.8
    public var benchShare = 0.6
    public var workingReps = 5

    // MARK: Reporting and adherence

    /// How often people check in on days without a session: daily, every 2-3 days, weekly, fortnightly.
    public var checkInEveryDays = [1, 2, 3, 7, 14]
    public var checkInWeights = [0.3, 0.15, 0.15, 0.3, 0.1]
    /// Chance of answering the next-day question, drawn per person.
    public var nextDayAnswerChance = 0.7...1.0
    /// Chance of missing any one session, drawn per person.
    public var missChance = 0.05...0.25
    /// Chance of one break (and of a second), and a break's length in days (one to four weeks).
    public var breakChance = 0.3
    public var secondBreakChance = 0.1
    public var breakDays = 7...28

    // MARK: Red flags (seed 003: tingling, numbness, leg pain; seed 001)

    /// Chance of a new flag in the simulated time, by pattern (radicular symptoms are likelier with a disc).
    public var flagChanceDiscRelated = 0.10
    public var flagChanceOther = 0.03
    /// Days a flag stays present, and days from its resolution (or first report, if later) to a clinician's clearance.
    public var flagDays = 5...21
    public var clearanceDelayDays = 2...7
    /// While a flag is present the irritated nerve lowers tolerance and raises pain.
    public var flagToleranceFactor = 0.7
    public var flagPain = 1.5

    // MARK: The back (seeds 000, 002, 004)

    /// Capacity at intake: most people have stopped lifting for a short while only.
    public var initialCapacity = 0.8...1.0
    /// Tolerance allowed by the healing tissue: floor + span x healing (0.25 on day one, 1.1 when healed).
    public var tissueFloor = 0.25
    public var tissueSpan = 0.85
    /// Capacity gained per session at full stimulus (a load of at least 90 % of capacity), none below
    /// 50 %; above the old capacity the gain shrinks in a straight line to nothing at the ceiling.
    public var capacityGain = 0.02
    public var stimulusFrom = 0.5
    public var stimulusFull = 0.9
    public var capacityCeiling = 1.3
    /// Capacity lost per day without any training (seed 004: rest and avoidance weaken the back),
    /// the share of that loss left on days with unloaded work only, and a floor.
    public var capacityFadePerDay = 0.003
    public var unloadedFadeShare = 0.3
    public var capacityFloor = 0.5
    /// A load above this multiple of tolerance flares the back; severity grows by one per `severityScale` above 1.
    public var flareRatio = 1.15
    public var severityScale = 0.3
    public var maxSeverity = 2.5
    /// Sensitisation added per unit of severity decays with this half-life and lowers tolerance by exp(-k x s).
    public var sensitisationHalfLifeDays = 4.0
    public var sensitisationToleranceK = 0.4
    /// Sensitisation does not build without limit: a back can only get so sensitive.
    public var maxSensitisation = 3.0
    /// A load between tolerance and the flare threshold irritates a little: this much sensitisation at the threshold.
    public var nearFlareSensitisation = 0.2
    /// Flares closer together than this many days are one flare-up (the outcome counts flare-ups).
    public var flareUpGapDays = 7
    /// A flare sets healing back by this share per unit of severity (seed 001: rushing re-injures).
    public var healingSetbackPerSeverity = 0.05
    /// Baseline pain: acute pain fading with healing, plus a residual some people keep, plus sensitisation.
    public var acutePainMuscular = 5.0...8.0
    public var acutePainNonSpecific = 4.0...7.0
    public var acutePainDiscRelated = 5.0...8.0
    /// Share of people who keep some residual pain once healed, and how much.
    public var residualPainShare = 0.4
    public var residualPain = 0.5...2.0
    public var sensitisationPain = 1.5
    /// Pain during a session: slope per unit of load/tolerance above the onset, plus a spike per unit of severity.
    public var loadPainOnset = 0.6
    public var loadPainSlope = 6.0
    public var flareSpikePain = 1.5
    /// Spread (standard deviation) of a pain report around the model's value (reports are whole
    /// numbers 0-10), and the share of it left at zero pain (the spread grows to full by 3/10).
    public var painNoise = 0.8
    public var painNoiseAtZero = 0.35
    /// A person stops the session at this pain during; a flare this severe leaves them locked up for hours.
    public var stopPain = 8
    public var lockedUpSeverity = 1.5
    /// Daily life loads the back too (seed 000: carrying shopping, lifting a child): on a share of
    /// days a heavier load that flares a back whose tolerance is low.
    public var heavyDayChance = 0.03
    public var heavyDayDemand = 0.45
    /// Unloaded work (bridges, planks, walks) loads a little.
    public var unloadedDemand = 0.15
    /// How much of a lift's effort reaches the back, by movement pattern.
    public var backShareHinge = 1.0
    public var backShareSquat = 0.85
    public var backShareSingleLeg = 0.5
    public var backShareCarry = 0.5
    public var backSharePull = 0.25
    public var backSharePush = 0.1
    public var backShareOther = 0.2

    // MARK: The movement screen (seed 001)

    /// Toe touch: reported pain at most this; squats: tolerance at least; plank: capacity at least;
    /// walk: sensitisation below and no flag.
    public var screenToeTouchPain = 2
    public var screenSquatTolerance = 0.6
    public var screenPlankCapacity = 0.85
    public var screenWalkSensitisation = 0.5

    // MARK: The comparison policies

    /// Seed 001 by the calendar: loading from day 28 at 50 %, +7.5 % a week (the middle of 5-10 %).
    public var seedStartDay = 28
    public var seedStartShare = 0.5
    public var seedWeeklyIncrease = 0.075
    /// The naive app: 50 % from day one, one plate step a session, 10 % off after a failed session
    /// (pain during above 5/10, or stopped).
    public var naiveStartShare = 0.5
    public var naiveFailureDrop = 0.10
    public var naiveFailurePain = 5

    public init() {}

    public static let standard = Parameters()

    // MARK: Derived

    public func healingDays(_ pattern: PresentationPattern, moderate: Bool) -> ClosedRange<Int> {
        switch pattern {
        case .muscular: moderate ? moderateStrainHealingDays : mildStrainHealingDays
        case .nonSpecific: nonSpecificHealingDays
        case .discRelated: discRelatedHealingDays
        }
    }

    public func acutePain(_ pattern: PresentationPattern) -> ClosedRange<Double> {
        switch pattern {
        case .muscular: acutePainMuscular
        case .nonSpecific: acutePainNonSpecific
        case .discRelated: acutePainDiscRelated
        }
    }

    public func backShare(_ pattern: MovementPattern) -> Double {
        switch pattern {
        case .hinge: backShareHinge
        case .squat: backShareSquat
        case .singleLeg: backShareSingleLeg
        case .carry: backShareCarry
        case .pull: backSharePull
        case .push: backSharePush
        default: backShareOther
        }
    }
}
