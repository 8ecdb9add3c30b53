/// Where the person stands in the plan and why.
public struct PhaseStatus: Sendable, Equatable {
    public var phase: Phase
    public var since: Day
    public var reasons: [String]
}

/// Walks the days from intake to `asOf` and opens each phase when its gate is met
/// (domain spec section 4). Linear in the number of days and events.
public enum PhaseTracker {
    /// Inputs the gates read, prepared once.
    public struct Evidence: Sendable {
        /// Days with a session that was too much, a painful check-in or climbing symptoms, sorted.
        public var badDays: [Day]
        /// Pain reports, sorted by day.
        public var painReports: [(day: Day, pain: Int)]
        /// Days of well-tolerated loaded sessions, sorted.
        public var toleratedLoadedDays: [Day]
        /// The first day a main lift reached the gate's share of its previous working weight, if any.
        public var liftGateMetOn: Day?
        /// Whether any previous working weight is known for a main lift.
        public var hasMainLiftBaseline: Bool
    }

    public static func status(
        intake: Intake, asOf: Day, overrides: [Override], evidence: Evidence
    ) -> PhaseStatus {
        var phase = Phase.settle
        var since = intake.date
        var reasons: [String] = []
        let phaseOverrides = overrides.filter { $0.kind == .phase && $0.date <= asOf }.sorted { $0.date < $1.date }
        var overrideIndex = 0
        var badIndex = 0
        var painIndex = 0
        var toleratedIndex = 0
        var lastBad: Day?
        var lastPain: (day: Day, pain: Int)?
        var toleratedSinceEntry = 0
        var day = intake.date
        while day <= asOf {
            while badIndex < evidence.badDays.count, evidence.badDays[badIndex] <= day {
                lastBad = evidence.badDays[badIndex]
                badIndex += 1
            }
            while painIndex < evidence.painReports.count, evidence.painReports[painIndex].day <= day {
                lastPain = evidence.painReports[painIndex]
                painIndex += 1
            }
            while toleratedIndex < evidence.toleratedLoadedDays.count, evidence.toleratedLoadedDays[toleratedIndex] <= day {
                if evidence.toleratedLoadedDays[toleratedIndex] >= since { toleratedSinceEntry += 1 }
                toleratedIndex += 1
            }
            var overridden = false
            while overrideIndex < phaseOverrides.count, phaseOverrides[overrideIndex].date <= day {
                let override = phaseOverrides[overrideIndex]
                if let target = override.phase {
                    phase = target
                    since = override.date
                    toleratedSinceEntry = 0
                    reasons = [
                        "\(target.title) since \(override.date), set by \(override.by ?? "your clinician")."
                            + (override.note.map { " Note: \($0)" } ?? "")
                    ]
                    overridden = true
                }
                overrideIndex += 1
            }
            if !overridden, let gate = PhaseGate.leaving(phase), let next = phase.next,
                gateMet(
                    gate, phase: phase, since: since, day: day, pattern: intake.pattern, lastBad: lastBad,
                    lastPain: lastPain, tolerated: toleratedSinceEntry, evidence: evidence)
            {
                reasons = [openingReason(next, from: phase, on: day, gate: gate, lastPain: lastPain, evidence: evidence)]
                phase = next
                since = day
                toleratedSinceEntry = 0
            }
            day = day.adding(days: 1)
        }
        if reasons.isEmpty {
            reasons = ["\(phase.title) since your intake on \(since)."]
        }
        if let gate = PhaseGate.leaving(phase), let next = phase.next {
            reasons.append(nextStep(next, gate: gate, since: since, pattern: intake.pattern, evidence: evidence))
        }
        return PhaseStatus(phase: phase, since: since, reasons: reasons)
    }

    static func minDays(_ gate: PhaseGate, _ pattern: PresentationPattern) -> Int {
        Int((Double(gate.minDays) * pattern.paceFactor).rounded())
    }

    static func gateMet(
        _ gate: PhaseGate, phase: Phase, since: Day, day: Day, pattern: PresentationPattern, lastBad: Day?,
        lastPain: (day: Day, pain: Int)?, tolerated: Int, evidence: Evidence
    ) -> Bool {
        guard since.days(until: day) >= minDays(gate, pattern) else { return false }
        if let lastBad, lastBad.days(until: day) < gate.quietDays { return false }
        if let lastPain, lastPain.day.days(until: day) <= 7, lastPain.pain > gate.maxPain { return false }
        if gate.liftShare != nil, evidence.hasMainLiftBaseline {
            guard let met = evidence.liftGateMetOn, met <= day else { return false }
        } else if let sessions = gate.toleratedSessions, !evidence.hasMainLiftBaseline {
            guard tolerated >= sessions else { return false }
        }
        return true
    }

    static func openingReason(
        _ next: Phase, from phase: Phase, on day: Day, gate: PhaseGate, lastPain: (day: Day, pain: Int)?,
        evidence: Evidence
    ) -> String {
        var text =
            "\(next.title) since \(day): \(phase.title.lowercased()) lasted its minimum time with no session that was too much in the last \(gate.quietDays) day\(gate.quietDays == 1 ? "" : "s")"
        if let lastPain { text += ", and pain was \(lastPain.pain)/10 at the latest report" }
        if let share = gate.liftShare {
            text +=
                evidence.hasMainLiftBaseline
                ? ", and a main lift reached \(Int(share * 100)) % of its previous working weight"
                : ", and \(gate.toleratedSessions ?? 0) loaded sessions went well"
        }
        return text + "."
    }

    static func nextStep(_ next: Phase, gate: PhaseGate, since: Day, pattern: PresentationPattern, evidence: Evidence)
        -> String
    {
        let earliest = since.adding(days: minDays(gate, pattern))
        var text =
            "\(next.title) opens from \(earliest) at the earliest, once \(gate.quietDays) day\(gate.quietDays == 1 ? "" : "s") pass without a session that was too much and pain stays at or below \(gate.maxPain)/10"
        if let share = gate.liftShare {
            text +=
                evidence.hasMainLiftBaseline
                ? ", and a main lift is back to \(Int(share * 100)) % of its previous working weight with a settled next day"
                : ", and \(gate.toleratedSessions ?? 0) loaded sessions have gone well"
        }
        return text + "."
    }
}
