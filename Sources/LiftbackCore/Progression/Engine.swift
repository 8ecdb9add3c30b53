/// The clinical engine: from a case to the next prescription. Pure and deterministic: the same case
/// always gives the same prescription, and "today" is the case's `asOf`.
public struct Engine: Sendable, Equatable {
    public var catalog: Catalog
    public var settings: EngineSettings

    /// The standard catalogue with the standard settings: what the command line and the server run.
    public static let standard = Engine(catalog: .standard, settings: .standard)

    public init(catalog: Catalog, settings: EngineSettings) {
        self.catalog = catalog
        self.settings = settings
    }

    public static let disclaimer =
        "Liftback supports decisions about exercise; it does not diagnose. If something feels wrong or new, check with a physiotherapist or doctor."

    /// Everything read from a case once, before any exercise is decided.
    struct Reading {
        var flags: [RedFlag]
        var triage: TriageResult
        var timeline: SymptomTimeline
        var baseline: [BaselineLift]
        var history: History
        var phase: PhaseStatus
        var screen: ScreenStatus
        var cycles: [FlareCycles.Cycle]
        var fear: FearProfile
        /// Severe pain within 48 hours: no loaded work today.
        var severe: (day: Day, pain: Int)?
        /// Flare-up cycles repeat (seed 004): smaller steps, capacity work kept in.
        var flareMode: Bool
    }

    /// The flags open on the case's day: those reported and not cleared, and the derived
    /// `no-improvement-2-weeks` (severe pain that has not eased over two weeks, seed 001).
    public func openFlags(for c: Case) -> [RedFlag] {
        openFlags(c, timeline: SymptomTimeline(case: c, settings: settings))
    }

    func openFlags(_ c: Case, timeline: SymptomTimeline) -> [RedFlag] {
        var flags = c.openFlags
        if timeline.noImprovement != nil, !flags.contains(.noImprovement2Weeks) { flags.append(.noImprovement2Weeks) }
        return flags
    }

    func read(_ c: Case) -> Reading {
        let timeline = SymptomTimeline(case: c, settings: settings)
        let flags = openFlags(c, timeline: timeline)
        let baseline = Baseline.lifts(for: c.intake, unit: c.unit)
        let history = History(case: c, catalog: catalog, settings: settings, liftGate: liftGate(baseline))
        let phase = PhaseTracker.status(
            intake: c.intake, asOf: c.asOf, overrides: c.overrides,
            evidence: evidence(c, history: history, timeline: timeline, baseline: baseline), settings: settings)
        let cycles = FlareCycles.detect(
            flareDays: timeline.flareDays, workoutDays: history.workoutDays, asOf: c.asOf, settings: settings)
        return Reading(
            flags: flags, triage: Triage.assess(flags), timeline: timeline, baseline: baseline, history: history, phase: phase,
            screen: screenStatus(c, history: history, timeline: timeline, baseline: baseline), cycles: cycles,
            fear: FearProfile(c, settings: settings), severe: timeline.severe(near: c.asOf, settings: settings),
            flareMode: cycles.count >= settings.flareCyclesToReport)
    }

    /// The next prescription for a validated case.
    public func nextPrescription(for c: Case) -> Prescription {
        let r = read(c)
        let stops = r.triage.disposition.stopsLoading
        let gentleDay = !stops && r.severe != nil
        let session: SessionKind = gentleDay ? .daily : SessionPlan.session(for: r.phase.phase, on: c.asOf)
        let swaps = latestSwaps(c)

        var signals = ExerciseSignals()
        // Exercises with a fixed place in this phase's sessions: a ladder slot does not take them for
        // its rung, or a dead bug done beside the plank would pull the plank slot back to it.
        let fixedHere = SessionPlan.fixedExercises(in: r.phase.phase)
        func prescribe(_ slot: Slot, phase: Phase) -> PrescribedExercise? {
            guard
                let (exercise, ladder) = resolve(
                    slot, phase: r.phase, history: r.history, swaps: swaps, ignoring: fixedHere)
            else { return nil }
            var context = context(for: exercise, ladder: ladder, c, phase: phase, session: session, reading: r)
            if case .fixed = slot { context.climbs = false }
            let (prescribed, slotSignals) = ExerciseRules.decide(context)
            signals.screenNeeded = signals.screenNeeded || slotSignals.screenNeeded
            return prescribed
        }

        var exercises: [PrescribedExercise]
        var routine: [PrescribedExercise]
        var phaseReasons = r.phase.reasons
        if gentleDay, let severe = r.severe {
            exercises = gentleDaySession(c, severe: severe, reading: r)
            routine = []
            phaseReasons.insert(
                "Today is a gentle day: pain reached \(severe.pain)/10 on \(severe.day), so there is no loaded work until \(severe.day.adding(days: settings.severePainWindowDays + 1)).",
                at: 0)
        } else {
            var slots = SessionPlan.slots(for: r.phase.phase, session: session)
            if r.flareMode, r.phase.phase.loadsLifts, session != .rest {
                // Seed 004: capacity work stays in while flare-ups keep coming back.
                for id in SessionPlan.capacityWork where !slots.contains(.fixed(id)) { slots.append(.fixed(id)) }
            }
            if r.phase.phase >= .restoreMovement, session != .rest {
                for movement in c.intake.avoids {
                    if let ladder = catalog.exposureLadder(for: movement) {
                        slots.append(.ladder(ladder.id, start: ladder.entry))
                    }
                }
            }
            // Two places that come to the same exercise give it once.
            var placed: Set<ExerciseID> = []
            exercises = slots.compactMap { prescribe($0, phase: r.phase.phase) }.filter { placed.insert($0.exercise).inserted }
            routine = SessionPlan.dailyRoutine.compactMap { prescribe(.fixed($0), phase: r.phase.phase) }
        }
        var reasons: [String] =
            stops ? Self.stopReasons(r.triage, derived: r.timeline.noImprovement != nil, settings: settings) : []
        if stops {
            exercises = stopped(exercises, disposition: r.triage.disposition, c: c)
            // Gentle movement only: the daily routine keeps what the session keeps, so nothing is paused
            // in one list and started in the other.
            let kept = Set(exercises.filter { $0.decision != .stop }.map(\.exercise))
            routine = r.triage.disposition == .clinician ? routine.filter { kept.contains($0.exercise) } : []
            reasons.append(contentsOf: c.overrides.filter { $0.kind == .note && $0.date <= c.asOf }.compactMap(\.note).suffix(1))
        }
        let alerts = alertsFor(c, reading: r, screenNeeded: signals.screenNeeded && !stops, gentleDay: gentleDay)
        var notes = r.triage.notes.isEmpty ? [] : Self.noteTexts(r.triage)
        notes.append(
            contentsOf: c.overrides.filter { $0.kind == .note && $0.date <= c.asOf }.suffix(settings.clinicianNotesShown).map {
                "Note from \($0.by ?? "your clinician") on \($0.date): \($0.note ?? "")"
            })
        return Prescription(
            asOf: c.asOf, disposition: r.triage.disposition, phase: r.phase.phase, phaseSince: r.phase.since,
            phaseReasons: phaseReasons, session: session, exercises: exercises, alerts: alerts, reasons: reasons,
            notes: notes, policy: c.policy, unit: c.unit, pattern: c.intake.pattern,
            expectedTimeline: c.intake.pattern.expectedTimeline, dailyRoutine: routine,
            week: SessionPlan.week.enumerated().map {
                PlannedDay(weekday: $0.offset + 1, session: $0.element.0, description: $0.element.1)
            },
            advice: stops || gentleDay
                ? SessionPlan.restAdvice(stops ? r.triage.disposition : nil)
                : SessionPlan.advice(for: r.phase.phase, policy: c.policy, settings: settings),
            disclaimer: Self.disclaimer,
            educationCards: r.phase.phase.educationCards(settings: settings) + r.fear.educationCards)
    }

    // MARK: - Stop dispositions and gentle days

    /// What to do now under a stop disposition, in the person's words: what they reported, then where to go.
    static func stopReasons(_ triage: TriageResult, derived: Bool, settings: EngineSettings) -> [String] {
        var reasons: [String] = []
        let serious = triage.flags.filter { $0.level != .weak }
        if !serious.isEmpty {
            reasons.append(whatWasReported(serious, derived: derived, settings: settings))
        } else {
            reasons.append(
                "Several background factors together ("
                    + triage.flags.map { $0.meaning.lowercasedFirst.dropPeriod }.joined(separator: "; ")
                    + ") deserve a clinician's look.")
        }
        if let guidance = triage.disposition.guidance { reasons.append(guidance) }
        return reasons
    }

    static func noteTexts(_ triage: TriageResult) -> [String] {
        triage.flags.filter { $0.level == .weak }.map { "Noted: \($0.meaning.lowercasedFirst)" }
    }

    /// With a stop disposition nothing is loaded: emergency and urgent hold no plan; clinician-first
    /// keeps gentle movement and pauses the rest.
    func stopped(_ exercises: [PrescribedExercise], disposition: Disposition, c: Case) -> [PrescribedExercise] {
        guard disposition == .clinician else { return [] }
        var result: [PrescribedExercise] = SessionPlan.gentleMovement.compactMap { id in
            guard let exercise = catalog[id] else { return nil }
            return ExerciseRules.render(
                ExerciseRules.Outcome(
                    dosing: Dosing(exercise: exercise), decision: .hold, lever: nil, rule: .gentleMovementOnly,
                    reasons: ["Gentle movement is fine while a clinician reviews your answers."],
                    clinician: "gentle movement only while the flag is open"),
                bare(exercise, c))
        }
        let gentle = Set(SessionPlan.gentleMovement)
        for var paused in exercises where !gentle.contains(paused.exercise) {
            paused.decision = .stop
            paused.weight = nil
            paused.unit = nil
            paused.percentOfPrevious = nil
            paused.lever = nil
            paused.rule = .redFlagPause
            paused.reasons = ["Paused until a clinician has reviewed the symptoms you reported."]
            paused.forClinician = "paused until the open flag is reviewed"
            result.append(paused)
        }
        return result
    }

    /// The session of a day after severe pain: easy movement from the early phases, no weights, at
    /// their starting doses (clinical model, section 5). Pain at `settleOnlyPain` or more keeps to the settle session.
    func gentleDaySession(_ c: Case, severe: (day: Day, pain: Int), reading r: Reading) -> [PrescribedExercise] {
        let phase: Phase = severe.pain >= settings.settleOnlyPain || r.phase.phase == .settle ? .settle : .restoreMovement
        let ids: [ExerciseID] = SessionPlan.slots(for: phase, session: .daily).compactMap {
            switch $0 {
            case let .fixed(id): id
            case let .ladder(_, start): start
            }
        }
        return ids.compactMap { id in
            guard let exercise = catalog[id], !exercise.loaded else { return nil }
            return ExerciseRules.render(
                ExerciseRules.Outcome(
                    dosing: Dosing(exercise: exercise), decision: .hold, lever: nil, rule: .severePainGentleDay,
                    reasons: [
                        "A gentle day after pain of \(severe.pain)/10 on \(severe.day): easy movement helps the back settle; weights wait until \(severe.day.adding(days: settings.severePainWindowDays + 1))."
                    ],
                    clinician:
                        "gentle day after pain \(severe.pain)/10 on \(severe.day); no loaded work until \(severe.day.adding(days: settings.severePainWindowDays + 1))"
                ),
                bare(exercise, c))
        }
    }

    /// A context with no history, for exercises prescribed at their plain starting dose.
    func bare(_ exercise: Exercise, _ c: Case) -> ExerciseContext {
        ExerciseContext(
            exercise: exercise, ladder: nil, exposures: [], lowerRung: nil, phase: .settle, session: .daily, asOf: c.asOf,
            policy: c.policy, unit: c.unit, steps: LoadSteps(increment: c.plateIncrement, settings: settings), settings: settings,
            previous: nil, baseline: [], screenPassed: false, loadOverride: nil, timeline: SymptomTimeline.empty,
            catalog: catalog)
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

    /// Every exercise the current phase's sessions hold for this person now, across the week
    /// (each ladder at the person's rung, swaps applied), each once, in the week's order: what a
    /// clinician may swap or load, beyond the one session shown next.
    public func planExercises(_ c: Case) -> [ExerciseID] {
        let r = read(c)
        let swaps = latestSwaps(c)
        let fixedHere = SessionPlan.fixedExercises(in: r.phase.phase)
        var seen: Set<ExerciseID> = []
        return SessionKind.allCases.flatMap { SessionPlan.slots(for: r.phase.phase, session: $0) }.compactMap { slot in
            guard let (exercise, _) = resolve(slot, phase: r.phase, history: r.history, swaps: swaps, ignoring: fixedHere),
                seen.insert(exercise.id).inserted
            else { return nil }
            return exercise.id
        }
    }

    /// The exercise a slot holds today: the rung last used on its ladder (in this phase, or higher than
    /// the phase's starting rung), the starting rung otherwise, then any clinician swap.
    func resolve(
        _ slot: Slot, phase: PhaseStatus, history: History, swaps: [ExerciseID: ExerciseID], ignoring fixed: Set<ExerciseID> = []
    ) -> (Exercise, Ladder?)? {
        var id: ExerciseID
        var ladder: Ladder?
        switch slot {
        case let .fixed(fixed):
            id = fixed
            ladder = catalog.ladder(for: fixed)
        case let .ladder(ladderID, start):
            ladder = catalog.ladder(id: ladderID)
            id = start
            let latestOnLadder = history.latest(onLadder: ladderID).flatMap { latest in
                fixed.contains(catalog.exercises[latest.exerciseIndex].id)
                    ? ladder?.rungs.filter { !fixed.contains($0) }.compactMap { history.exposures(of: $0).last }
                        .max { $0.date < $1.date } : latest
            }
            if let ladder, let latest = latestOnLadder,
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
        for exercise: Exercise, ladder: Ladder?, _ c: Case, phase: Phase, session: SessionKind, reading r: Reading
    ) -> ExerciseContext {
        var exercise = exercise
        var local = settings
        if session == .fullBody, exercise.loaded {
            // The reduced-volume day of seed 003: one set fewer of the loaded work.
            exercise.dose.sets = max(settings.fullBodyMinimumSets, exercise.dose.sets - settings.fullBodySetsFewer)
        }
        if r.flareMode, exercise.loaded {
            // Seed 004: while flare-ups repeat, smaller steps and two tolerated weeks per step.
            local.maxIncrease = min(settings.maxIncrease, settings.flareMaxIncrease)
            local.minIncrease = min(settings.minIncrease, local.maxIncrease * settings.narrowedMinShareOfMax)
            local.daysBetweenSteps = max(settings.daysBetweenSteps, settings.flareDaysBetweenSteps)
        }
        if exercise.exposureFor != nil {
            local.daysBetweenBodyweightSteps =
                r.fear.high ? settings.daysBetweenExposureStepsHighFear : settings.daysBetweenExposureSteps
        }
        let history = r.history
        let exposures = history.exposures(of: exercise.id)
        var lowerRung: (Exercise, Exposure)?
        if let ladder, let lowerID = ladder.rung(before: exercise.id), let lower = catalog[lowerID],
            let last = history.exposures(of: lowerID).last
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
        // A clearance since the exercise was last done, and recent: the first session back repeats.
        let clearedSince = lastDate.flatMap { last in
            c.clearances.filter { $0.date > last && $0.date <= c.asOf && $0.date.days(until: c.asOf) <= settings.breakDays }
                .map(\.date).max()
        }
        let previous = exercise.loaded ? Baseline.carried(to: exercise.id, from: r.baseline, catalog: catalog) : nil
        return ExerciseContext(
            exercise: exercise, ladder: ladder, exposures: exposures, workoutDays: history.workoutDays,
            lowerRung: lowerRung, phase: phase,
            session: session, asOf: c.asOf, policy: c.policy, unit: c.unit,
            steps: (c.equipment ?? EquipmentAtHand()).steps(
                for: exercise, unit: c.unit, plateIncrement: c.plateIncrement, settings: local),
            settings: local, previous: previous, baseline: r.baseline, screenPassed: r.screen.passed,
            loadOverride: loadOverride, timeline: r.timeline, catalog: catalog,
            lastExposure: { id in history.exposures(of: id).last }, clearedSince: clearedSince,
            screenReference: Self.screenReference(
                baseline: r.baseline, history: history, catalog: catalog, settings: settings, unit: c.unit),
            fearHigh: r.fear.high)
    }

    /// The movement screen's reference for any exercise: the previous working weight carried to it,
    /// or an estimate from the first weight chosen. The closure holds only what it reads.
    static func screenReference(
        baseline: [BaselineLift], history: History, catalog: Catalog, settings: EngineSettings, unit: WeightUnit
    ) -> (ExerciseID) -> (weight: Double, describe: String)? {
        { id in
            if let carried = Baseline.carried(to: id, from: baseline, catalog: catalog) {
                return (carried.weight, carried.describe(unit, catalog: catalog))
            }
            return history.provisionalWorkingWeight(for: id, settings: settings).map {
                (
                    $0,
                    "an estimate from the first weight you chose (about \(formatWeight(LoadSteps.tidy($0))) \(unit.rawValue) for \(settings.estimatedWorkingReps))"
                )
            }
        }
    }

    // MARK: - Evidence for the phase gates

    /// The main lifts (hinge and squat ladders) and the weight at which each meets the gate out of
    /// reintroduce-lifting: a share of the previous working weight carried to it.
    static let mainLadders: Set<LadderID> = [.hinge, .squat]

    func liftGate(_ baseline: [BaselineLift]) -> [Double?] {
        mainLiftThresholds(baseline, share: settings.phaseGates[.reintroduceLifting]?.liftShare ?? settings.heavyShare)
    }

    /// Per catalogue position, `share` of the previous working weight carried to each main lift.
    func mainLiftThresholds(_ baseline: [BaselineLift], share: Double) -> [Double?] {
        catalog.exercises.map { exercise in
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
            toleratedSessionDays: history.evidence.toleratedSessionDays, severeDays: timeline.severeDays,
            liftGateMetOn: history.evidence.liftGateMetOn, hasMainLiftBaseline: hasBaseline)
    }
}

extension SymptomTimeline {
    static let empty = SymptomTimeline(
        case: Case(asOf: Day(ordinal: 0), intake: Intake(date: Day(ordinal: 0), pattern: .nonSpecific)), settings: .standard)
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
    var dropPeriod: String { hasSuffix(".") ? String(dropLast()) : self }
}
