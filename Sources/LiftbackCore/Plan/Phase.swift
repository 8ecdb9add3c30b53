/// The five phases of the plan (clinical model, section 4), in order.
public enum Phase: String, Codable, Sendable, DeclarationOrdered {
    case settle
    case restoreMovement = "restore-movement"
    case buildCapacity = "build-capacity"
    case reintroduceLifting = "reintroduce-lifting"
    case returnToPerformance = "return-to-performance"

    public var index: Int { declarationIndex }

    public var next: Phase? { index + 1 < Self.allCases.count ? Self.allCases[index + 1] : nil }
    public var previous: Phase? { index > 0 ? Self.allCases[index - 1] : nil }

    /// Whether external loads are prescribed in this phase.
    public var loadsLifts: Bool { self >= .reintroduceLifting }

    public var title: String {
        switch self {
        case .settle: "Settle"
        case .restoreMovement: "Restore movement"
        case .buildCapacity: "Build capacity"
        case .reintroduceLifting: "Reintroduce lifting"
        case .returnToPerformance: "Return to performance"
        }
    }

    /// What the phase is for, in plain words.
    public func purpose(settings: EngineSettings) -> String {
        switch self {
        case .settle:
            "Let the first flare calm down while you keep moving: short walks, gentle tilts, no bed rest."
        case .restoreMovement:
            "Get your usual range back with easy bridges, press-ups and stretches."
        case .buildCapacity:
            "Build the trunk and hip strength that lifting leans on: planks, bird-dogs, carries and hinge practice."
        case .reintroduceLifting:
            "Bring your lifts back at about \(EngineSettings.percent(settings.reintroductionShare)) of your old working weights and add a little each week your back agrees."
        case .returnToPerformance:
            "Work back toward, and past, what you lifted before, with a movement screen before heavy attempts."
        }
    }
}
