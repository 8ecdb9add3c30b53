/// Intake answers that point to a likely presentation pattern (clinical model, section 3; seeds 001, 003).
public enum PatternAnswer: String, Codable, Sendable, CaseIterable {
    /// An ache beside the spine, in the muscles.
    case localAche = "local-ache"
    /// Worse with bending or twisting.
    case worseBendingTwisting = "worse-bending-twisting"
    /// Sharp or shooting pain.
    case sharpShooting = "sharp-shooting"
    /// Pain that travels down a leg, below the knee.
    case legPain = "leg-pain"
    /// Numbness or tingling in a leg or foot.
    case legTingling = "leg-tingling"
    /// Worse with sitting, coughing or sneezing.
    case worseSittingCoughing = "worse-sitting-coughing"
    /// Started with a specific lift or movement.
    case startedWithLift = "started-with-lift"

    public var meaning: String {
        switch self {
        case .localAche: "An ache or tightness beside the spine."
        case .worseBendingTwisting: "Worse when bending or twisting."
        case .sharpShooting: "Sharp or shooting pain."
        case .legPain: "Pain that travels down a leg, below the knee."
        case .legTingling: "Numbness or tingling in a leg or foot."
        case .worseSittingCoughing: "Worse with sitting, coughing or sneezing."
        case .startedWithLift: "It began with a particular lift or movement."
        }
    }
}

/// The likely pattern and why, worded as a likelihood, never a diagnosis.
public struct PatternAssessment: Codable, Sendable, Equatable {
    public var pattern: PresentationPattern
    public var summary: String
    public var expectedTimeline: String
    public var reasons: [String]
    public var disclaimer: String

    /// Leg symptoms (pain below the knee, tingling) or two of the disc signs point to a disc-related
    /// pattern; a local ache that is worse with bending or twisting, or that began with a lift, points
    /// to a muscular one; anything else is non-specific.
    public static func assess(_ answers: Set<PatternAnswer>) -> PatternAssessment {
        let discSigns: [PatternAnswer] = [.legPain, .legTingling, .sharpShooting, .worseSittingCoughing]
        let present = discSigns.filter(answers.contains)
        let pattern: PresentationPattern
        if answers.contains(.legPain) || answers.contains(.legTingling) || present.count >= 2 {
            pattern = .discRelated
        } else if answers.contains(.localAche),
            answers.contains(.worseBendingTwisting) || answers.contains(.startedWithLift)
        {
            pattern = .muscular
        } else {
            pattern = .nonSpecific
        }
        let reasons = answers.sorted { $0.rawValue < $1.rawValue }.map(\.meaning)
        return PatternAssessment(
            pattern: pattern, summary: pattern.summary, expectedTimeline: pattern.expectedTimeline,
            reasons: reasons.isEmpty ? ["No pattern answers were given."] : reasons,
            disclaimer:
                "This is a likely pattern to pace the plan, not a diagnosis. A physiotherapist or doctor can examine you to confirm it."
        )
    }
}
