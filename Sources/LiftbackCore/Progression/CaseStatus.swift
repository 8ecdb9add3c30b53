/// Where a patient stands for the clinician's caseload, most urgent first (domain spec section 6).
public enum CaseStatus: String, Codable, Sendable, DeclarationOrdered {
    /// A stop disposition: an emergency, urgent or clinician flag is open.
    case redFlag = "red-flag"
    /// Symptoms are climbing, a flare-up cycle repeats, or loads are stepping back.
    case flaring
    /// No sessions, or no step up, for a while.
    case stalled
    case onTrack = "on-track"

    public static let declaredMostFirst = true

    /// Reads the status from a prescription, with the reason a clinician sees first.
    public init(_ prescription: Prescription) {
        self = Self.classify(prescription).status
    }

    public static func classify(_ p: Prescription) -> (status: CaseStatus, reason: String) {
        if p.disposition.stopsLoading {
            return (.redFlag, p.alerts.first { $0.id == "red-flag" }?.message ?? p.reasons.first ?? "A red flag is open.")
        }
        if let alert = p.alerts.first(where: { $0.id == "climbing-symptoms" || $0.id == "flare-up-cycle" }) {
            return (.flaring, alert.message)
        }
        if let regress = p.exercises.first(where: { $0.decision == .regress && $0.rule != "resume-after-break" }) {
            return (.flaring, "\(regress.name): \(regress.reasons.first ?? "stepping back")")
        }
        if let alert = p.alerts.first(where: { $0.id == "stalled" }) { return (.stalled, alert.message) }
        let latest =
            p.exercises.first { $0.decision == .progress && $0.weight != nil } ?? p.exercises.first { $0.weight != nil }
            ?? p.exercises.first { $0.decision == .progress } ?? p.exercises.first
        return (.onTrack, latest.map { "\($0.name): \($0.reasons.first ?? $0.decision.rawValue)" } ?? "On plan.")
    }
}

extension CaseStatus {
    /// A status computed on `computedOn`, read on `asOf` with no write in between: the only change
    /// time alone brings is that training stops, which makes a case stalled (the engine's own rule).
    public static func aged(
        _ status: CaseStatus, reason: String, computedOn: Day, lastTraining: Day?, asOf: Day, settings: EngineSettings = .standard
    ) -> (status: CaseStatus, reason: String) {
        guard status != .redFlag, asOf > computedOn else { return (status, reason) }
        let quietSince = lastTraining ?? computedOn
        if quietSince.days(until: asOf) >= settings.stalledAfterDaysWithoutTraining {
            return (.stalled, lastTraining.map { "No sessions logged since \($0)." } ?? "No sessions logged yet.")
        }
        return (status, reason)
    }
}
