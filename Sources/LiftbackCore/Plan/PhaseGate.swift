/// What a phase asks before the next one opens (clinical model, section 4: gated by responses,
/// with the calendar giving only the expected pace).
public struct PhaseGate: Sendable, Equatable {
    /// The fewest days in the phase, before the pattern's pace factor.
    public var minDays: Int
    /// Days that must pass without a session that was too much, a painful day or climbing symptoms.
    public var quietDays: Int
    /// The latest pain report, which must be recent (`EngineSettings.reportFreshDays`), must be at
    /// or below this. The intake's pain counts until the first check-in.
    public var maxPain: Int
    /// Well-tolerated sessions logged in the phase (any exercise) before it may end: gates open on
    /// what was reported, never on the calendar alone (clinical model, section 5).
    public var sessions: Int = 0
    /// For leaving reintroduce-lifting: main lifts back to this share of the previous working weight.
    public var liftShare: Double? = nil
    /// Without any previous working weight, this many well-tolerated loaded sessions instead.
    public var toleratedSessions: Int? = nil

    public init(
        minDays: Int, quietDays: Int, maxPain: Int, sessions: Int = 0, liftShare: Double? = nil,
        toleratedSessions: Int? = nil
    ) {
        self.minDays = minDays
        self.quietDays = quietDays
        self.maxPain = maxPain
        self.sessions = sessions
        self.liftShare = liftShare
        self.toleratedSessions = toleratedSessions
    }
}

extension PresentationPattern {
    /// The expected course, worded as a likely pattern, never a diagnosis.
    public var expectedTimeline: String {
        switch self {
        case .muscular:
            "A likely muscular strain: most settle within 1-2 weeks, and a bigger strain within 4-8 weeks with steady rehab."
        case .discRelated:
            "A likely disc-related pattern: recovery usually takes 3-4 months of steady, graded work, and most people get back to lifting."
        case .nonSpecific:
            "A likely non-specific pattern, the most common kind: most people improve over 4-8 weeks of graded activity."
        }
    }

    /// Plain description of the pattern.
    public var summary: String {
        switch self {
        case .muscular: "Likely muscular: a local ache beside the spine, worse with bending or twisting."
        case .discRelated: "Likely disc-related: sharp or shooting pain that may travel down a leg, sometimes with tingling."
        case .nonSpecific: "Likely non-specific: back pain without a clear single source, which is the usual case."
        }
    }
}
