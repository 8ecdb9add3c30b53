/// What the person should do now, from the most to the least restrictive.
public enum Disposition: String, Codable, Sendable, DeclarationOrdered {
    case emergency
    case urgent
    case clinician
    case proceed

    public static let declaredMostFirst = true

    /// `true` for every disposition that forbids loading.
    public var stopsLoading: Bool { self != .proceed }

    /// The disposition a flag level calls for on its own; a weak flag alone does not stop anything.
    init(_ level: FlagLevel) { self = Disposition(rawValue: level.rawValue) ?? .proceed }

    /// Where to go, in calm words; `nil` for `proceed`.
    public var guidance: String? {
        switch self {
        case .emergency:
            "Please go to an emergency department (or call your local emergency number) now and mention these symptoms. They are rare, and they need checking today, in person. Your programme is paused."
        case .urgent:
            "Please see a doctor today, or as soon as you can get an appointment, and mention these answers. Your programme waits until a clinician has reviewed them."
        case .clinician:
            "Please have a physiotherapist or doctor look at this before you lift again. Until then, keep gently moving: short walks and easy mobility are fine."
        case .proceed:
            nil
        }
    }
}

/// The outcome of a red-flag screen.
public struct TriageResult: Codable, Sendable, Equatable {
    public var disposition: Disposition
    /// One sentence per flag that set the disposition, plus where to go.
    public var reasons: [String]
    /// Flags noted without changing the disposition (for example a single weak flag).
    public var notes: [String]
    /// The open flags that were considered, most serious first.
    public var flags: [RedFlag]
}

/// Red-flag triage (clinical model, section 2).
///
/// The most serious open flag decides: cauda-equina signs are always an emergency, and any
/// stop disposition overrides every other answer and questionnaire. A single weak flag is
/// noted, not referred; two or more weak flags together ask for a clinician's look.
public enum Triage {
    /// How many weak flags together call for a clinician's review.
    public static let weakFlagsForReview = 2

    public static func assess(_ flags: some Sequence<RedFlag>) -> TriageResult {
        let open = Array(Set(flags)).sorted { ($0.level, $1.rawValue) > ($1.level, $0.rawValue) }
        let serious = open.filter { $0.level != .weak }
        let weak = open.filter { $0.level == .weak }

        var disposition = serious.map { Disposition($0.level) }.max() ?? .proceed
        var reasons = serious.map { "\($0.rawValue) (\($0.level.rawValue)): \($0.meaning)" }
        var notes: [String] = []
        if weak.count >= weakFlagsForReview {
            disposition = max(disposition, .clinician)
            reasons.append(
                "\(weak.map(\.rawValue).joined(separator: " and ")): several background factors together deserve a clinician's look."
            )
        } else {
            notes = weak.map { "\($0.rawValue): \($0.meaning)" }
        }
        if let guidance = disposition.guidance { reasons.append(guidance) }
        return TriageResult(disposition: disposition, reasons: reasons, notes: notes, flags: open)
    }
}
