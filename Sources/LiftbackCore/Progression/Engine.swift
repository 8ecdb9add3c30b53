/// The clinical engine: from a case to the next prescription. Pure and deterministic: the same case
/// always gives the same prescription, and "today" is the case's `asOf`.
public struct Engine: Sendable {
    public var catalog: Catalog
    public var settings: EngineSettings

    public init(catalog: Catalog = .standard, settings: EngineSettings = .standard) {
        self.catalog = catalog
        self.settings = settings
    }

    public static let disclaimer =
        "Liftback supports decisions about exercise; it does not diagnose. If something feels wrong or new, check with a physiotherapist or doctor."

    /// The next prescription for a validated case.
    public func nextPrescription(for c: Case) -> Prescription {
        let triage = Triage.assess(c.openFlags)
        let timeline = SymptomTimeline(case: c, settings: settings)
        let baseline = Baseline.lifts(for: c.intake, unit: c.unit)
        let history = History(case: c, catalog: catalog, settings: settings, liftGate: liftGate(baseline))
        let phase = PhaseTracker.status(
            intake: c.intake, asOf: c.asOf, overrides: c.overrides,
            evidence: evidence(c, history: history, timeline: timeline, baseline: baseline))
        let session = SessionPlan.session(for: phase.phase, on: c.asOf)
        let swaps = latestSwaps(c)

        var signals = ExerciseSignals()
        func prescribe(_ slot: Slot) -> PrescribedExercise? {
            guard let (exercise, ladder) = resolve(slot, phase: phase, history: history, swaps: swaps) else { return nil }
            let (prescribed, slotSignals) = ExerciseRules.decide(
                context(
                    for: exercise, ladder: ladder, c, phase: phase.phase, session: session, history: history,
                    baseline: baseline, timeline: timeline))
            signals.screenNeeded = signals.screenNeeded || slotSignals.screenNeeded
            return prescribed
        }

        var exercises = SessionPlan.slots(for: phase.phase, session: session).compactMap(prescribe)
        var routine = SessionPlan.dailyRoutine.compactMap { prescribe(.fixed($0)) }
        var reasons = triage.disposition.stopsLoading ? triage.reasons : []
        var alerts = alertsFor(c, triage: triage, timeline: timeline, history: history, phase: phase.phase)
        if signals.screenNeeded, !triage.disposition.stopsLoading {
            alerts.append(Alert(id: "screen-needed", message: Self.screenMessage))
        }
        if triage.disposition.stopsLoading {
            exercises = stopped(exercises, disposition: triage.disposition, c: c)
            routine = triage.disposition == .clinician ? routine.filter { $0.weight == nil } : []
            reasons.append(contentsOf: c.overrides.filter { $0.kind == .note && $0.date <= c.asOf }.compactMap(\.note).suffix(1))
        }
        var notes = triage.notes
        notes.append(
            contentsOf: c.overrides.filter { $0.kind == .note && $0.date <= c.asOf }.suffix(3).map {
                "Note from \($0.by ?? "your clinician") on \($0.date): \($0.note ?? "")"
            })
        return Prescription(
            asOf: c.asOf, disposition: triage.disposition, phase: phase.phase, phaseSince: phase.since,
            phaseReasons: phase.reasons, session: session, exercises: exercises, alerts: alerts, reasons: reasons,
            notes: notes, policy: c.policy, unit: c.unit, pattern: c.intake.pattern,
            expectedTimeline: c.intake.pattern.expectedTimeline, dailyRoutine: routine,
            week: SessionPlan.week.enumerated().map {
                PlannedDay(weekday: $0.offset + 1, session: $0.element.0, description: $0.element.1)
            },
            advice: SessionPlan.advice(for: phase.phase), disclaimer: Self.disclaimer)
    }

    static let screenMessage =
        "Before loads reach 90 % of your previous working weight, pass the movement screen: a pain-free toe touch in a hip hinge, 20 bodyweight squats without discomfort, a 60 s plank without back tension, and a 10 minute walk without more symptoms."

    // MARK: - Stop dispositions

    /// With a stop disposition nothing is loaded: emergency and urgent hold no plan; clinician-first
    /// keeps gentle movement and pauses the rest.
    func stopped(_ exercises: [PrescribedExercise], disposition: Disposition, c: Case) -> [PrescribedExercise] {
        guard disposition == .clinician else { return [] }
        var result: [PrescribedExercise] = SessionPlan.gentleMovement.compactMap { id in
            guard let exercise = catalog[id] else { return nil }
            return ExerciseRules.render(
                ExerciseRules.Outcome(
                    dosing: Dosing(exercise: exercise), decision: .hold, lever: nil, rule: "gentle-movement-only",
                    reasons: ["Gentle movement is fine while a clinician reviews your answers."]),
                context(
                    for: exercise, ladder: nil, c, phase: .settle, session: .daily, history: nil, baseline: [],
                    timeline: nil))
        }
        let gentle = Set(SessionPlan.gentleMovement)
        for var paused in exercises where !gentle.contains(paused.exercise) {
            paused.decision = .stop
            paused.weight = nil
            paused.unit = nil
            paused.percentOfPrevious = nil
            paused.lever = nil
            paused.rule = "red-flag-pause"
            paused.reasons = ["Paused until a clinician has reviewed the symptoms you reported."]
            result.append(paused)
        }
        return result
    }

    // MARK: - Slots

    /// The clinician's swaps in force on the case's day, by the exercise they replace; a swap of an
    /// exercise for itself undoes an earlier one (and is left out).
    public func latestSwaps(_ c: Case) -> [ExerciseID: ExerciseID] {
        var swaps: [ExerciseID: ExerciseID] = [:]
        for swap in c.overrides.filter({ $0.kind == .swap && $0.date <= c.asOf }).sorted(by: { $0.date < $1.date }) {
            if let from = swap.exercise, let to = swap.replacement { swaps[from] = to == from ? nil : to }
        }
        return swaps
    }

    /// The exercise a slot holds today: the rung last used on its ladder (in this phase, or higher than
    /// the phase's starting rung), the starting rung otherwise, then any clinician swap.
    func resolve(_ slot: Slot, phase: PhaseStatus, history: History, swaps: [ExerciseID: ExerciseID]) -> (Exercise, Ladder?)? {
        var id: ExerciseID
        var ladder: Ladder?
        switch slot {
        case let .fixed(fixed):
            id = fixed
            ladder = catalog.ladder(for: fixed)
        case let .ladder(ladderID, start):
            ladder = catalog.ladder(id: ladderID)
            id = start
            if let ladder, let latest = history.latest(onLadder: ladderID),
                case let latestID = catalog.exercises[latest.exerciseIndex].id,
                let latestIndex = ladder.index(of: latestID), let startIndex = ladder.index(of: start),
                latest.date >= phase.since || latestIndex >= startIndex
            {
                id = latestID
            }
        }
        var seen: Set<ExerciseID> = []
        while let replacement = swaps[id], !seen.contains(replacement) {
            seen.insert(id)
            id = replacement
            ladder = catalog.ladder(for: id)
        }
        guard let exercise = catalog[id] else { return nil }
        return (exercise, ladder)
    }

    func context(
        for exercise: Exercise, ladder: Ladder?, _ c: Case, phase: Phase, session: SessionKind, history: History?,
        baseline: [BaselineLift], timeline: SymptomTimeline?
    ) -> ExerciseContext {
        var exercise = exercise
        if session == .fullBody, exercise.loaded {
            // The reduced-volume day of seed 003: one set fewer of the loaded work.
            exercise.dose.sets = max(2, exercise.dose.sets - 1)
        }
        let exposures = history?.exposures(of: exercise.id) ?? []
        var lowerRung: (Exercise, Exposure)?
        if let ladder, let lowerID = ladder.rung(before: exercise.id), let lower = catalog[lowerID],
            let last = history?.exposures(of: lowerID).last
        {
            lowerRung = (lower, last)
        }
        let lastDate = exposures.last?.date
        let loadOverride = c.overrides
            .filter { override in
                override.kind == .load && override.exercise == exercise.id && override.date <= c.asOf
                    && (lastDate.map { override.date > $0 } ?? true)
            }
            .max { $0.date < $1.date }
        return ExerciseContext(
            exercise: exercise, ladder: ladder, exposures: exposures, lowerRung: lowerRung, phase: phase,
            session: session, asOf: c.asOf, policy: c.policy, unit: c.unit,
            steps: LoadSteps(increment: c.plateIncrement, settings: settings), settings: settings,
            previous: exercise.loaded ? Baseline.carried(to: exercise.id, from: baseline, catalog: catalog) : nil,
            baseline: baseline,
            screenPassed: c.screenPassed, loadOverride: loadOverride,
            timeline: timeline ?? SymptomTimeline.empty, catalog: catalog,
            lastWeight: { id in history?.exposures(of: id).last?.weight })
    }

    // MARK: - Evidence for the phase gates

    /// The main lifts (hinge and squat ladders) and the weight at which each meets the gate out of
    /// reintroduce-lifting: a share of the previous working weight carried to it.
    static let mainLadders: Set<String> = ["hinge", "squat"]

    func liftGate(_ baseline: [BaselineLift]) -> [Double?] {
        let share = PhaseGate.leaving(.reintroduceLifting)?.liftShare ?? 0.8
        return catalog.exercises.map { exercise in
            guard let ladder = catalog.ladder(for: exercise.id), Self.mainLadders.contains(ladder.id), exercise.loaded,
                let carried = Baseline.carried(to: exercise.id, from: baseline, catalog: catalog)
            else { return nil }
            return carried.weight * share
        }
    }

    func evidence(_ c: Case, history: History, timeline: SymptomTimeline, baseline: [BaselineLift]) -> PhaseTracker.Evidence {
        let hasBaseline = baseline.contains { lift in
            catalog.ladder(for: lift.exercise).map { Self.mainLadders.contains($0.id) } ?? false
        }
        var bad = history.evidence.badDays
        bad.append(contentsOf: timeline.events.map(\.date))
        return PhaseTracker.Evidence(
            badDays: bad.sorted(), painReports: timeline.painReports, toleratedLoadedDays: history.evidence.toleratedLoadedDays,
            liftGateMetOn: history.evidence.liftGateMetOn, hasMainLiftBaseline: hasBaseline)
    }
}

extension SymptomTimeline {
    static let empty = SymptomTimeline(
        case: Case(asOf: Day(ordinal: 0), intake: Intake(date: Day(ordinal: 0), pattern: .nonSpecific)), settings: .standard)
}
