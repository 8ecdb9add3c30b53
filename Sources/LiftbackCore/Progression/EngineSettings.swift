/// The numbers the rules run on. Defaults follow the clinical model (docs/clinical-model.md and
/// docs/rules.md give the source of each); clinicians may tune them. Texts are built from these
/// values, so a changed setting changes what people read too.
public struct EngineSettings: Sendable, Equatable {
    /// Pain monitoring zones (Thomeé 1997; Silbernagel et al. 2007): 0...safeMax safe,
    /// up to acceptableMax acceptable, above it too much. The model comes from tendinopathy
    /// care and is used here as the clinical model describes.
    public var safePainMax = 2
    public var acceptablePainMax = 5
    /// A rise of the person's baseline pain (check-ins, not pain while lifting) by this many points
    /// from one week to the next, or per week along a sparse series, counts as climbing symptoms.
    public var weeklyRise = 1.0
    /// A sparse series (one report a week) counts as climbing when the means of the last three weeks
    /// with reports never fall and rise by at least `sparseClimbRise` in all.
    public var sparseClimbRise = 2.0
    /// After symptoms climb, the dropped-back step is held this long (seed 001: a week).
    public var holdDays = 7
    /// The weekly load increase window (seed 001: 5-10 % a week).
    public var minIncrease = 0.05
    public var maxIncrease = 0.10
    /// At most one step up per exercise in this many days.
    public var daysBetweenSteps = 7
    /// Bodyweight doses (reps, seconds, minutes) may step up every this many days.
    public var daysBetweenBodyweightSteps = 2
    /// First loaded sessions start near this share of the previous working weight (seed 001).
    public var reintroductionShare = 0.5
    /// Loads at or above this share of the previous working weight need a passed movement screen (seed 001).
    public var screenShare = 0.9
    /// A passed screen stands until a setback, a new flag, or this many days without heavy work
    /// (clinical model, section 5: the screen is dated evidence).
    public var screenValidDays = 56
    /// Heavy work, for keeping a screen current: a load at or above this share of the previous working weight.
    public var heavyShare = 0.85
    /// Without any previous working weight, the first load the person chose stands in for one. By
    /// Epley a weight lifted 15 times is 1.29 times lighter than one lifted 5 times, but people
    /// asked for "a light weight" choose well under their 15-rep weight, so the estimate is twice
    /// the first weight: the screen comes at 1.8 times it, not one step after the start.
    public var chosenLoadToWorkingWeight = 2.0
    /// A new variation starts at this share of the equivalent of today's load; more range of the same
    /// lift (lower handles, lower blocks) at this larger share.
    public var variationCarryShare = 0.9
    public var rangeCarryShare = 0.95
    /// Above this share of the previous working weight a rung below the top of its ladder gives way
    /// to the next variation.
    public var rungCeilingShare = [LoadStage.light: 0.6, .moderate: 0.85]
    /// What each phase asks before the next one opens (clinical model, section 4: gated by responses,
    /// with the calendar giving only the expected pace; section 5b: sessions that went well, not days).
    public var phaseGates: [Phase: PhaseGate] = [
        .settle: PhaseGate(minDays: 2, quietDays: 1, maxPain: 6),
        .restoreMovement: PhaseGate(minDays: 5, quietDays: 3, maxPain: 5, sessions: 2),
        .buildCapacity: PhaseGate(minDays: 14, quietDays: 7, maxPain: 5, sessions: 4),
        .reintroduceLifting: PhaseGate(
            minDays: 21, quietDays: 14, maxPain: 5, sessions: 3, liftShare: 0.8, toleratedSessions: 6),
    ]
    /// Multiplies the phases' minimum days by the likely pattern (seed 001: mild strain 1-2 weeks,
    /// moderate injury 4-8 weeks, disc-related 3-4 months).
    public var paceFactors: [PresentationPattern: Double] = [.muscular: 1.0, .nonSpecific: 1.25, .discRelated: 2.0]
    /// A week-on-week climb needs at least this many baseline reports in each of the two weeks; with
    /// fewer, the sparse rule (`sparseClimbRise` over three weeks) reads the series.
    public var climbReportsPerWeek = 2
    /// Days without any workout, in a training phase, before the plan counts as stalled.
    public var stalledAfterDaysWithoutTraining = 14
    /// Days of training without any step up before the plan counts as stalled.
    public var stalledAfterDaysWithoutProgress = 21
    /// Severe pain: a check-in or session pain at or above this (clinical model, section 5). It also counts as a flare-up.
    public var flarePain = 7
    /// A gentle day after pain at or above this keeps to the settle session (below it, restore movement).
    public var settleOnlyPain = 9
    /// Severe pain within this many days (48 hours) means no loaded work today.
    public var severePainWindowDays = 2
    /// Two severe days within this many days step the phase back.
    public var severeRepeatDays = 14
    /// No improvement (seed 001): severe pain that has not fallen by `improvementPoints` or
    /// `improvementShare` over `improvementDays` is the clinician flag `no-improvement-2-weeks`.
    public var improvementDays = 14
    public var improvementPoints = 2.0
    public var improvementShare = 0.3
    /// Morning stiffness longer than this (minutes) counts as too much (clinical model, section 5).
    public var stiffnessMinutesTooMuch = 60
    /// Without a pain report for this many days the plan waits and asks how things are.
    public var reportFreshDays = 7
    /// Repeated flare-rest-return cycles in this window are reported (seed 004).
    public var flareCycleWindowDays = 120
    public var flareCyclesToReport = 2
    /// A training gap at least this long after a flare counts as resting it off.
    public var restGapDays = 5
    /// Past the previous working weight (return to performance, seeds 000 and 002: beyond the old
    /// capacity), steps of at most this much.
    public var beyondPreviousMaxIncrease = 0.05
    /// With repeated flare-up cycles (seed 004): steps of at most this much, and at most one every `flareDaysBetweenSteps`.
    public var flareMaxIncrease = 0.05
    public var flareDaysBetweenSteps = 14
    /// Coming back after a break (clinical model, section 5): from `breakDays` days one step lighter; from
    /// `longBreakDays` the load tapers towards `veryLongBreakShare`, reached at `veryLongBreakDays`.
    /// Where no lighter weight exists, reps or seconds fall to `longBreakShare` (or
    /// `veryLongBreakShare`) instead.
    public var breakDays = 14
    public var longBreakDays = 21
    public var longBreakShare = 0.8
    public var veryLongBreakDays = 28
    public var veryLongBreakShare = 0.6
    /// Reps per set by phase (clinical model, section 5): reintroduce lifting 5-8, working down from 8 as the
    /// load rises; return to performance 3-6 at working loads, with up to `maxSetsPerformance` sets.
    public var reintroductionReps = 5...8
    /// Reps fall from the top of the range to the bottom as the load rises from `reintroductionShare`
    /// to `screenShare` of the reference (reintroduce lifting), or from `heavyShare` to
    /// `performanceTopShare` (return to performance).
    public var performanceTopShare = 1.05
    public var performanceReps = 3...6
    public var maxSetsPerformance = 5
    /// The other levers where load cannot rise (seed 003): a slower tempo, then a pause at the bottom.
    public var leverTempo = "3-1-2"
    public var leverPauseSeconds = 2
    /// A weight the person chooses themselves is one they could lift about this many times.
    public var lightChoiceReps = 15
    /// A step back chooses an earlier load only if it is at least this share of one step down; a
    /// new variation reads as "a little under" today's load down to this share of its equivalent.
    public var nearShare = 0.85
    /// Sessions in the stalled window before "nothing stepped up" is said.
    public var stalledMinimumSessions = 3
    /// Graded exposure (seeds 002, 004): days between exposure steps, and with high fear of movement.
    public var daysBetweenExposureSteps = 3
    public var daysBetweenExposureStepsHighFear = 6
    /// A TSK-11 total at or above this counts as high fear of movement. No validated cut-off exists
    /// for the 11-item form (instruments.md), so this is Liftback's own marker, two thirds of the way
    /// up the 11-44 range; a STarT Back psychosocial score of 4 or 5 (validated) counts too.
    public var highFearTSK11 = 30
    public var highFearStartBackPsychosocial = 4
    /// A clinician's load more than this share above the last lift waits for their confirmation.
    public var loadJumpShare = 0.10
    /// The reduced-volume day of seed 003: this many sets fewer of the loaded work, never below
    /// `fullBodyMinimumSets`.
    public var fullBodySetsFewer = 1
    public var fullBodyMinimumSets = 2
    /// The clinician's latest notes shown with a prescription.
    public var clinicianNotesShown = 3
    /// A new rung's first sessions: within this many, a step back returns to the lower rung's last dose.
    public var newRungSessions = 2
    /// A step back in reps or seconds keeps at least this share of the exercise's starting amount.
    public var stepBackAmountFloorShare = 0.5
    /// Where a load step lands between `minIncrease` and `maxIncrease` (1: the largest) after a
    /// session that was acceptable but not within `safePainMax`.
    public var acceptableStepToward = 0.5
    /// Where the largest step is narrowed (flare-ups, beyond the previous working weight), the
    /// smallest is at most this share of it.
    public var narrowedMinShareOfMax = 0.5
    /// With high fear of movement, an exposure's dose climbs by this share of its usual step.
    public var highFearStepShare = 0.5
    /// The reps a working weight estimated from a first chosen load stands for.
    public var estimatedWorkingReps = 5
    /// Days after a session during which the next-day question is still asked; later, the answer
    /// would be a guess.
    public var nextDayAnswerDays = 3

    public init() {}

    public static let standard = EngineSettings()
}

extension EngineSettings {
    /// `0.9` as `90 %`.
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded())) %" }
    public var screenPercent: String { Self.percent(screenShare) }
    var stepWindow: String {
        "\(Int((minIncrease * 100).rounded()))-\(Int((maxIncrease * 100).rounded())) %"
    }
}
