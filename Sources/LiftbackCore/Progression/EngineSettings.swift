/// The numbers the rules run on. Defaults follow the domain spec; clinicians may tune them.
public struct EngineSettings: Sendable, Equatable {
    /// Pain monitoring zones (Thomeé 1997; Silbernagel et al. 2007): 0...safeMax safe,
    /// up to acceptableMax acceptable, above it too much. The model comes from tendinopathy
    /// care and is used here as the domain spec describes.
    public var safePainMax = 2
    public var acceptablePainMax = 5
    /// A rise of the weekly mean pain by this many points counts as climbing symptoms.
    public var weeklyRise = 1.0
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
    /// Above this share of the previous working weight a rung below the top of its ladder gives way
    /// to the next variation.
    public var rungCeilingShare = [LoadStage.light: 0.6, .moderate: 0.85]
    /// Days without any workout, in a training phase, before the plan counts as stalled.
    public var stalledAfterDaysWithoutTraining = 14
    /// Days of training without any step up before the plan counts as stalled.
    public var stalledAfterDaysWithoutProgress = 21
    /// A flare-up: a check-in or session pain at or above this.
    public var flarePain = 7
    /// Repeated flare-rest-return cycles in this window are reported (seed 004).
    public var flareCycleWindowDays = 120
    public var flareCyclesToReport = 2
    /// A training gap at least this long after a flare counts as resting it off.
    public var restGapDays = 5

    public init() {}

    public static let standard = EngineSettings()
}
