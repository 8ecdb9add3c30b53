/// Where a patient stands for the clinician's caseload, most urgent first (clinical model, section 6).
public enum CaseStatus: String, Codable, Sendable, DeclarationOrdered {
    /// A stop disposition: an emergency, urgent or clinician flag is open.
    case redFlag = "red-flag"
    /// Symptoms are climbing, a flare-up cycle repeats, or loads are stepping back.
    case flaring
    /// No sessions, or no step up, for a while.
    case stalled
    case onTrack = "on-track"

    public static let declaredMostFirst = true

    /// The status as a clinician's caseload shows it; an open flag says how urgent it is.
    public func title(_ disposition: Disposition?) -> String {
        switch self {
        case .redFlag: if let disposition, disposition.stopsLoading { disposition.title } else { Disposition.clinician.title }
        case .flaring: "Flaring"
        case .stalled: "Stalled"
        case .onTrack: "On track"
        }
    }

    /// Reads the status from a prescription, with the reason a clinician sees first.
    public init(_ prescription: Prescription) {
        self = Self.classify(prescription).status
    }

    /// The status and the reason the clinician reads: the alerts' clinician wording, or the
    /// exercise decision's, never the person's "you".
    public static func classify(_ p: Prescription) -> (status: CaseStatus, reason: String) {
        if p.disposition.stopsLoading {
            return (.redFlag, p.alerts.first { $0.id == .redFlag }?.forClinician ?? "A red flag is open.")
        }
        let flaring: [AlertID] = [.severePain, .sessionStopped, .climbingSymptoms, .flareUpCycle]
        if let alert = flaring.lazy.compactMap({ id in p.alerts.first { $0.id == id } }).first {
            return (.flaring, alert.forClinician)
        }
        if let regress = p.exercises.first(where: { $0.decision == .regress && $0.rule != .resumeAfterBreak }) {
            return (.flaring, "\(regress.name) stepping back: \(regress.forClinician ?? regress.rule.title)")
        }
        if let alert = p.alerts.first(where: { $0.id == .stalled }) { return (.stalled, alert.forClinician) }
        if let alert = p.alerts.first(where: { $0.id == .checkInDue }) { return (.stalled, alert.forClinician) }
        let latest =
            p.exercises.first { $0.decision == .progress && $0.weight != nil } ?? p.exercises.first { $0.weight != nil }
            ?? p.exercises.first { $0.decision == .progress } ?? p.exercises.first
        return (
            .onTrack,
            latest.map { line in "\(line.name): \(line.forClinician ?? line.rule.title)" } ?? "On plan."
        )
    }
}
