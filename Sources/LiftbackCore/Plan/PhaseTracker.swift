/// Where the person stands in the plan and why.
public struct PhaseStatus: Sendable, Equatable {
    public var phase: Phase
    public var since: Day
    public var reasons: [String]
    /// The phase waits for a recent report before it can move on.
    public var waitingForReport: Bool = false
}

/// Walks the days from intake to `asOf` and opens each phase when its gate is met (clinical model
/// section 4 and 5b): on what was reported, never on the calendar alone. Phases also go back: two
/// days of severe pain within two weeks step the plan back one phase, and a phase reached before
/// opens again on its quiet days and evidence, without its minimum time. Linear in the number of
/// days and events.
public enum PhaseTracker {
    /// Inputs the gates read, prepared once.
    public struct Evidence: Sendable {
        /// Days with a session that was too much, a painful check-in or climbing symptoms, sorted.
        public var badDays: [Day]
        /// Pain reports (the intake's, check-ins and sessions), sorted by day.
        public var painReports: [(day: Day, pain: Int)]
        /// Days of well-tolerated loaded sessions, sorted.
        public var toleratedLoadedDays: [Day]
        /// Days of well-tolerated sessions of any kind, sorted.
        public var toleratedSessionDays: [Day] = []
        /// Days with severe pain, sorted.
        public var severeDays: [Day] = []
        /// The first day a main lift reached the gate's share of its previous working weight, if any.
        public var liftGateMetOn: Day?
        /// Whether any previous working weight is known for a main lift.
        public var hasMainLiftBaseline: Bool
    }

    public static func status(
        intake: Intake, asOf: Day, overrides: [Override], evidence: Evidence, settings: EngineSettings
    ) -> PhaseStatus {
        var phase = Phase.settle
        var highest = Phase.settle
        var since = intake.date
        var reasons: [String] = []
        let phaseOverrides = overrides.filter { $0.kind == .phase && $0.date <= asOf }.sorted { $0.date < $1.date }
        var overrideIndex = 0
        var badIndex = 0
        var painIndex = 0
        var toleratedIndex = 0
        var sessionIndex = 0
        var severeIndex = 0
        var lastBad: Day?
        var lastPain: (day: Day, pain: Int)?
        var lastSevere: Day?
        var toleratedSinceEntry = 0
        var sessionsSinceEntry = 0
        var day = intake.date
        func enter(_ next: Phase, on day: Day) {
            phase = next
            highest = max(highest, next)
            since = day
            toleratedSinceEntry = 0
            sessionsSinceEntry = 0
        }
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
            while sessionIndex < evidence.toleratedSessionDays.count, evidence.toleratedSessionDays[sessionIndex] <= day {
                if evidence.toleratedSessionDays[sessionIndex] >= since { sessionsSinceEntry += 1 }
                sessionIndex += 1
            }
            var overridden = false
            while overrideIndex < phaseOverrides.count, phaseOverrides[overrideIndex].date <= day {
                let override = phaseOverrides[overrideIndex]
                if let target = override.phase {
                    enter(target, on: override.date)
                    reasons = [
                        "\(target.title) since \(override.date), set by \(override.by ?? "your clinician")."
                            + (override.note.map { " Note: \($0)" } ?? "")
                    ]
                    overridden = true
                }
                overrideIndex += 1
            }
            while severeIndex < evidence.severeDays.count, evidence.severeDays[severeIndex] <= day {
                let severe = evidence.severeDays[severeIndex]
                severeIndex += 1
                guard !overridden, let earlier = lastSevere, earlier.days(until: severe) <= settings.severeRepeatDays,
                    phase > .restoreMovement, let back = phase.previous
                else {
                    lastSevere = severe
                    continue
                }
                // One step back per two severe days: the pair is used up.
                lastSevere = nil
                reasons = [
                    "\(back.title) again since \(severe): pain reached \(settings.flarePain)/10 or more on \(earlier) and \(severe), so the plan steps back a phase while the back settles."
                ]
                enter(back, on: severe)
            }
            if !overridden, let gate = settings.phaseGates[phase], let next = phase.next,
                gateMet(
                    gate, phase: phase, reopening: next <= highest, since: since, day: day, pattern: intake.pattern,
                    lastBad: lastBad, lastPain: lastPain, tolerated: toleratedSinceEntry, sessions: sessionsSinceEntry,
                    evidence: evidence, settings: settings)
            {
                reasons = [
                    openingReason(
                        next, from: phase, on: day, gate: gate, lastPain: lastPain, evidence: evidence, settings: settings)
                ]
                enter(next, on: day)
            }
            day = day.adding(days: 1)
        }
        if reasons.isEmpty {
            reasons = ["\(phase.title) since your intake on \(since)."]
        }
        var waiting = false
        if let gate = settings.phaseGates[phase], let next = phase.next {
            waiting = lastPain.map { $0.day.days(until: asOf) > settings.reportFreshDays } ?? true
            reasons.append(
                nextStep(
                    next, gate: gate, reopening: next <= highest, since: since, pattern: intake.pattern, evidence: evidence,
                    sessions: sessionsSinceEntry, asOf: asOf, settings: settings))
        }
        return PhaseStatus(phase: phase, since: since, reasons: reasons, waitingForReport: waiting)
    }

    static func minDays(_ gate: PhaseGate, _ pattern: PresentationPattern, _ settings: EngineSettings) -> Int {
        Int((Double(gate.minDays) * (settings.paceFactors[pattern] ?? 1)).rounded())
    }

    static func gateMet(
        _ gate: PhaseGate, phase: Phase, reopening: Bool, since: Day, day: Day, pattern: PresentationPattern, lastBad: Day?,
        lastPain: (day: Day, pain: Int)?, tolerated: Int, sessions: Int, evidence: Evidence, settings: EngineSettings
    ) -> Bool {
        guard since.days(until: day) >= (reopening ? gate.quietDays : minDays(gate, pattern, settings)) else { return false }
        if let lastBad, lastBad.days(until: day) < gate.quietDays { return false }
        // Evidence: a recent pain report at or below the gate's level, and tolerated sessions in the phase.
        guard let lastPain, lastPain.day.days(until: day) <= settings.reportFreshDays, lastPain.pain <= gate.maxPain else {
            return false
        }
        guard sessions >= gate.sessions else { return false }
        if gate.liftShare != nil, evidence.hasMainLiftBaseline {
            guard let met = evidence.liftGateMetOn, met <= day else { return false }
        } else if let needed = gate.toleratedSessions, !evidence.hasMainLiftBaseline {
            guard tolerated >= needed else { return false }
        }
        return true
    }

    static func openingReason(
        _ next: Phase, from phase: Phase, on day: Day, gate: PhaseGate, lastPain: (day: Day, pain: Int)?,
        evidence: Evidence, settings: EngineSettings
    ) -> String {
        var text =
            "\(next.title) since \(day): \(phase.title.lowercased()) went well, with no setback "
            + (gate.quietDays == 1 ? "the day before" : "in the last \(Words.days(gate.quietDays))")
        if let lastPain { text += ", pain at \(lastPain.pain)/10 at the latest report (\(lastPain.day))" }
        if gate.sessions > 0 { text += ", and at least \(Words.sessions(gate.sessions)) that went well" }
        if let share = gate.liftShare {
            text +=
                evidence.hasMainLiftBaseline
                ? ", and a main lift back to \(EngineSettings.percent(share)) of its previous working weight"
                : ", and \(gate.toleratedSessions ?? 0) loaded sessions that went well"
        }
        return text + "."
    }

    static func nextStep(
        _ next: Phase, gate: PhaseGate, reopening: Bool, since: Day, pattern: PresentationPattern, evidence: Evidence,
        sessions done: Int, asOf: Day, settings: EngineSettings
    ) -> String {
        let earliest = since.adding(days: reopening ? gate.quietDays : minDays(gate, pattern, settings))
        let when = earliest > asOf ? " from \(earliest) at the earliest," : ""
        var conditions = [
            gate.quietDays == 1 ? "a day without a setback" : "\(Words.days(gate.quietDays)) in a row without a setback",
            "a check-in in \(Words.last(days: settings.reportFreshDays)) with pain at or below \(gate.maxPain)/10",
        ]
        if gate.sessions > done {
            let more = gate.sessions - done
            conditions.append("\(more) more session\(more == 1 ? "" : "s") that go\(more == 1 ? "es" : "") well")
        }
        if let share = gate.liftShare {
            conditions.append(
                evidence.hasMainLiftBaseline
                    ? "a main lift back to \(EngineSettings.percent(share)) of its previous working weight with a settled next day"
                    : "\(gate.toleratedSessions ?? 0) loaded sessions that go well")
        }
        let list = conditions.dropLast().joined(separator: ", ") + ", and " + conditions.last!
        return "\(next.title) opens\(when) after \(list)."
    }
}
