/// What one exercise's decision adds to the whole prescription.
struct ExerciseSignals: Equatable {
    var screenNeeded = false
}

/// The response rules for one exercise (domain spec section 5). Each path returns a decision,
/// the rule that fired and a sentence with its numbers.
enum ExerciseRules {
    static func decide(_ c: ExerciseContext) -> (PrescribedExercise, ExerciseSignals) {
        var signals = ExerciseSignals()
        var outcome = decision(c, signals: &signals)
        enforceScreen(&outcome, c, signals: &signals)
        return (render(outcome, c), signals)
    }

    /// The last word on every path: no load at or above 90 % of the previous working weight without a
    /// passed movement screen (seed 001), whatever the person lifted last time or a rule proposed.
    static func enforceScreen(_ outcome: inout Outcome, _ c: ExerciseContext, signals: inout ExerciseSignals) {
        guard !c.screenPassed, let weight = outcome.dosing.weight,
            let previous = Baseline.carried(to: outcome.dosing.exercise.id, from: c.baseline, catalog: c.catalog),
            weight >= previous.weight * c.settings.screenShare - 1e-9
        else { return }
        signals.screenNeeded = true
        var capped = c.steps.floor(previous.weight * c.settings.screenShare)
        if capped >= previous.weight * c.settings.screenShare - 1e-9 {
            capped = LoadSteps.tidy(max(0, capped - c.steps.increment))
        }
        outcome.dosing.weight = capped
        if outcome.decision != .start {
            outcome.decision = capped < (c.exposures.last?.weight ?? 0) ? .regress : outcome.decision
        }
        outcome.lever = .load
        outcome.rule = "screen-needed"
        outcome.reasons.append(
            "Kept to \(formatWeight(capped)) \(c.unit.rawValue): from 90 % of your previous working weight (\(previous.describe(c.unit))) a passed movement screen comes first."
        )
    }

    struct Outcome {
        var dosing: Dosing
        var decision: Decision
        var lever: Lever?
        var rule: String
        var reasons: [String]
    }

    // MARK: - The rule order

    static func decision(_ c: ExerciseContext, signals: inout ExerciseSignals) -> Outcome {
        guard let last = c.exposures.last else { return start(c, signals: &signals) }
        let unit = c.unit.rawValue
        if let override = c.loadOverride, let weight = override.weight {
            var dosing = Dosing(exercise: c.exercise, repeating: last)
            dosing.weight = weight
            let lastWeight = last.weight ?? 0
            let decision: Decision = dosing.weight! > lastWeight ? .progress : dosing.weight! < lastWeight ? .regress : .hold
            return Outcome(
                dosing: dosing, decision: decision, lever: .load, rule: "clinician-load",
                reasons: ["\(override.by ?? "Your clinician") set \(formatWeight(weight)) \(unit) on \(override.date)."])
        }
        let tolerance = last.tolerance(policy: c.policy, settings: c.settings)
        if case let .tooMuch(why) = tolerance {
            return regress(
                c, last: last, why: "\(why.describe(limit: c.settings.acceptablePainMax)) on \(last.date)", from: last.date)
        }
        if let event = c.timeline.latestEvent(onOrAfter: last.date) {
            return regress(c, last: last, why: event.reason, from: event.date)
        }
        // A loaded lift logged without any weight yet starts from the previous working weight, once
        // no setback stands in the way.
        if c.exercise.loaded, c.previous != nil, c.exposures.allSatisfy({ $0.weight == nil }) {
            if let bad = latestSetback(c), bad.date.days(until: c.asOf) < c.settings.holdDays {
                return Outcome(
                    dosing: Dosing(exercise: c.exercise, repeating: last), decision: .hold, lever: nil,
                    rule: "hold-after-setback",
                    reasons: ["Holding this step until \(bad.date.adding(days: c.settings.holdDays)): \(bad.reason)."])
            }
            return start(c, signals: &signals)
        }
        let daysSince = last.date.days(until: c.asOf)
        if daysSince > 14, c.exercise.loaded, let weight = last.weight, weight > 0 {
            var dosing = Dosing(exercise: c.exercise, repeating: last)
            dosing.weight = c.steps.stepDown(from: weight)
            return Outcome(
                dosing: dosing, decision: .regress, lever: .load, rule: "resume-after-break",
                reasons: [
                    "Welcome back: it has been \(daysSince) days since \(c.exercise.name.lowercased()) on \(last.date), so restart one step lighter at \(formatWeight(dosing.weight!)) \(unit) (last time \(formatWeight(weight)) \(unit))."
                ])
        }
        let repeatDose = Dosing(exercise: c.exercise, repeating: last)
        if let bad = latestSetback(c), bad.date.days(until: c.asOf) < c.settings.holdDays {
            let until = bad.date.adding(days: c.settings.holdDays)
            return Outcome(
                dosing: repeatDose, decision: .hold, lever: nil, rule: "hold-after-setback",
                reasons: [
                    "Holding this step until \(until): \(bad.reason). A week at the lighter step lets the back settle before the next try."
                ])
        }
        switch tolerance {
        case .awaitingNextDay:
            return Outcome(
                dosing: repeatDose, decision: .hold, lever: nil, rule: "awaiting-next-day",
                reasons: [
                    "Same again for now: the next step waits for your answer on how the back felt the morning after \(last.date)."
                ])
        case .notPainFree:
            return Outcome(
                dosing: repeatDose, decision: .hold, lever: nil, rule: "pain-free-policy-hold",
                reasons: [
                    "Holding: your plan progresses only after pain-free sessions, and the last one peaked at \(last.peakPain ?? 0)/10."
                ])
        default:
            break
        }
        if c.exercise.loaded, c.exercise.dose.kind == .reps, last.weight != nil, let done = last.amount,
            done < c.exercise.dose.amount
        {
            return Outcome(
                dosing: repeatDose, decision: .hold, lever: nil, rule: "complete-the-work",
                reasons: [
                    "Same weight again: last time the hardest set reached \(done) of the \(c.exercise.dose.amount) reps planned. Progress comes once all the planned work is done."
                ])
        }
        let changedOn = lastChange(c.exposures)
        let stepDays = c.exercise.loaded ? c.settings.daysBetweenSteps : c.settings.daysBetweenBodyweightSteps
        if changedOn.days(until: c.asOf) < stepDays {
            return Outcome(
                dosing: repeatDose, decision: .hold, lever: nil, rule: "one-step-per-week",
                reasons: [
                    "Repeat this step: it began on \(changedOn), and the next one is due from \(changedOn.adding(days: stepDays)) so the back can adapt."
                ])
        }
        return progress(c, last: last, tolerance: tolerance, signals: &signals)
    }

    // MARK: - Start

    static func start(_ c: ExerciseContext, signals: inout ExerciseSignals) -> Outcome {
        var dosing = Dosing(exercise: c.exercise)
        let unit = c.unit.rawValue
        guard c.exercise.loaded else {
            return Outcome(
                dosing: dosing, decision: .start, lever: nil, rule: "start-dose",
                reasons: ["A first go at \(c.exercise.name.lowercased()): \(describe(dosing)) is the starting dose."])
        }
        if let override = c.loadOverride, let weight = override.weight {
            dosing.weight = weight
            return Outcome(
                dosing: dosing, decision: .start, lever: .load, rule: "clinician-load",
                reasons: [
                    "\(override.by ?? "Your clinician") set \(formatWeight(dosing.weight!)) \(unit) to start on \(override.date)."
                ])
        }
        guard let previous = c.previous, c.phase.loadsLifts else {
            if c.exercise.stage == .bodyweight {
                return Outcome(
                    dosing: dosing, decision: .start, lever: nil, rule: "start-bodyweight",
                    reasons: ["Start with bodyweight only, \(describe(dosing)); weight comes once the full range feels easy."])
            }
            return Outcome(
                dosing: dosing, decision: .start, lever: nil, rule: "start-light-choice",
                reasons: [
                    "Choose a light weight you could lift about 15 times and do \(describe(dosing)); log it, and the next steps build from there."
                ])
        }
        let share = c.settings.reintroductionShare
        dosing.weight = c.steps.floor(previous.weight * share)
        dosing.amount = c.exercise.dose.amount
        return Outcome(
            dosing: dosing, decision: .start, lever: .load, rule: "start-half-previous",
            reasons: [
                "First loaded session: about \(Int(share * 100)) % of your previous working weight (\(previous.describe(c.unit))) gives \(formatWeight(dosing.weight!)) \(unit), \(dosing.sets) sets of \(dosing.amount)."
            ])
    }

    // MARK: - Regress

    /// Drops back one step of the ladder: the lever or load added last, or the variation before.
    static func regress(_ c: ExerciseContext, last: Exposure, why: String, from: Day) -> Outcome {
        var dosing = Dosing(exercise: c.exercise, repeating: last)
        let until = from.adding(days: c.settings.holdDays)
        let hold = "Hold it until \(until) before trying again."
        let unit = c.unit.rawValue
        let previous = exposureBeforeLastChange(c.exposures)
        if let previous, last.tempo != nil, previous.tempo == nil {
            dosing.tempo = nil
            return Outcome(
                dosing: dosing, decision: .regress, lever: .tempo, rule: "regress-one-step",
                reasons: ["Back to your usual tempo: \(why). \(hold)"])
        }
        if let previous, (last.pauseSeconds ?? 0) > 0, (previous.pauseSeconds ?? 0) == 0 {
            dosing.pauseSeconds = nil
            return Outcome(
                dosing: dosing, decision: .regress, lever: .pause, rule: "regress-one-step",
                reasons: ["Without the pause again: \(why). \(hold)"])
        }
        if let previous, last.setCount > c.exercise.dose.sets, previous.setCount <= c.exercise.dose.sets {
            dosing.sets = c.exercise.dose.sets
            return Outcome(
                dosing: dosing, decision: .regress, lever: .sets, rule: "regress-one-step",
                reasons: ["Back to \(dosing.sets) sets: \(why). \(hold)"])
        }
        if c.exposures.count <= 2, let lower = c.lowerRung, lower.last.date >= c.asOf.adding(days: -28) {
            var down = Dosing(exercise: lower.exercise, repeating: lower.last)
            down.weight = lower.exercise.loaded ? lower.last.weight : nil
            return Outcome(
                dosing: down, decision: .regress, lever: .variation, rule: "regress-variation",
                reasons: ["Back to \(lower.exercise.name.lowercased()) for now: \(why). \(hold)"])
        }
        if c.exercise.loaded, let weight = last.weight, weight > 0 {
            let oneStep = c.steps.stepDown(from: weight)
            let earlier = c.exposures.compactMap(\.weight).filter { $0 < weight && $0 >= oneStep * 0.85 }.max()
            dosing.weight = earlier ?? oneStep
            return Outcome(
                dosing: dosing, decision: .regress, lever: .load, rule: "regress-one-step",
                reasons: [
                    "Back one step to \(formatWeight(dosing.weight!)) \(unit) from \(formatWeight(weight)) \(unit): \(why). \(hold)"
                ])
        }
        let amount = last.amount ?? c.exercise.dose.amount
        if amount - c.exercise.dose.step >= max(1, c.exercise.dose.amount / 2) {
            dosing.amount = amount - c.exercise.dose.step
            return Outcome(
                dosing: dosing, decision: .regress, lever: lever(for: c.exercise), rule: "regress-one-step",
                reasons: ["A little less, \(describe(dosing)): \(why). \(hold)"])
        }
        if let ladder = c.ladder, let lowerID = ladder.rung(before: c.exercise.id), let lower = c.catalog[lowerID] {
            return Outcome(
                dosing: Dosing(exercise: lower), decision: .regress, lever: .variation, rule: "regress-variation",
                reasons: ["Back to \(lower.name.lowercased()) for now: \(why). \(hold)"])
        }
        dosing.sets = max(1, dosing.sets - 1)
        return Outcome(
            dosing: dosing, decision: .regress, lever: .sets, rule: "regress-one-step",
            reasons: ["One set fewer, \(describe(dosing)): \(why). \(hold)"])
    }

    // MARK: - Progress

    static func progress(
        _ c: ExerciseContext, last: Exposure, tolerance: Tolerance, signals: inout ExerciseSignals
    ) -> Outcome {
        var dosing = Dosing(exercise: c.exercise, repeating: last)
        let evidence = tolerated(last, tolerance)
        let unit = c.unit.rawValue
        if c.exercise.loaded, let weight = last.weight, weight > 0 {
            if let up = c.steps.stepUp(from: weight) {
                if let ceiling = rungCeiling(c), up > ceiling,
                    let move = nextVariation(c, from: weight, evidence: evidence, signals: &signals)
                {
                    return move
                }
                if !blockedByScreen(up, c.exercise.id, c) {
                    dosing.weight = up
                    let percent = Int(((up / weight - 1) * 100).rounded())
                    return Outcome(
                        dosing: dosing, decision: .progress, lever: .load, rule: "load-progress",
                        reasons: ["Load +\(percent) % to \(formatWeight(up)) \(unit): \(evidence)."])
                }
                signals.screenNeeded = true
            }
            if let lever = otherLever(c, dosing: &dosing, last: last) {
                let why =
                    signals.screenNeeded
                    ? "the next load would reach 90 % of your previous working weight, which waits for a passed movement screen"
                    : "your plates cannot make a 5-10 % step from \(formatWeight(weight)) \(unit)"
                return Outcome(
                    dosing: dosing, decision: .progress, lever: lever.lever, rule: "lever-progress",
                    reasons: ["\(lever.text) instead of more weight, because \(why); \(evidence)."])
            }
            if let move = nextVariation(c, from: weight, evidence: evidence, signals: &signals), !signals.screenNeeded {
                return move
            }
            return Outcome(
                dosing: dosing, decision: .hold, lever: nil, rule: signals.screenNeeded ? "screen-needed" : "top-of-range",
                reasons: [
                    signals.screenNeeded
                        ? "Holding at \(formatWeight(weight)) \(unit): the next step would reach 90 % of your previous working weight, and that waits for a passed movement screen."
                        : "Holding at \(formatWeight(weight)) \(unit): every lever for this exercise is in use; your clinician can choose the next variation."
                ])
        }
        if last.amount ?? 0 < c.exercise.dose.maxAmount {
            dosing.amount = min(
                c.exercise.dose.maxAmount,
                max(last.amount ?? 0, c.exercise.dose.amount - c.exercise.dose.step) + c.exercise.dose.step)
            return Outcome(
                dosing: dosing, decision: .progress, lever: lever(for: c.exercise), rule: "dose-progress",
                reasons: ["Up to \(describe(dosing)): \(evidence)."])
        }
        if c.exercise.loaded {
            dosing.amount = c.exercise.dose.amount
            return Outcome(
                dosing: dosing, decision: .progress, lever: .load, rule: "add-load",
                reasons: ["Add a light weight you could lift about 15 times, \(describe(dosing)): \(evidence)."])
        }
        if last.setCount < c.exercise.dose.sets + 1 {
            dosing.sets = c.exercise.dose.sets + 1
            return Outcome(
                dosing: dosing, decision: .progress, lever: .sets, rule: "lever-progress",
                reasons: ["An extra set, \(describe(dosing)): you reached the top of the range and \(evidence)."])
        }
        if let move = nextVariation(c, from: nil, evidence: evidence, signals: &signals) { return move }
        return Outcome(
            dosing: dosing, decision: .hold, lever: nil, rule: "top-of-range",
            reasons: ["Keep \(describe(dosing)): this is the full dose for this phase."])
    }

    /// Tempo, then a pause, then an extra set (seed 003).
    static func otherLever(_ c: ExerciseContext, dosing: inout Dosing, last: Exposure) -> (lever: Lever, text: String)? {
        guard c.exercise.dose.kind == .reps else { return nil }
        if last.tempo == nil {
            dosing.tempo = "3-1-2"
            return (.tempo, "Slower lowering: tempo 3-1-2 (3 s down, 1 s pause, 2 s up)")
        }
        if (last.pauseSeconds ?? 0) < 2 {
            dosing.pauseSeconds = 2
            return (.pause, "A 2 s pause at the bottom of each rep")
        }
        if last.setCount < c.exercise.dose.sets + 1 {
            dosing.sets = c.exercise.dose.sets + 1
            return (.sets, "An extra set (\(dosing.sets) in all)")
        }
        return nil
    }

    /// The next rung of the ladder, if the phase allows it, with the load carried across.
    static func nextVariation(
        _ c: ExerciseContext, from weight: Double?, evidence: String, signals: inout ExerciseSignals
    ) -> Outcome? {
        guard let ladder = c.ladder, let nextID = ladder.rung(after: c.exercise.id), let next = c.catalog[nextID],
            next.phase <= c.phase
        else { return nil }
        var dosing = Dosing(exercise: next)
        let unit = c.unit.rawValue
        var text = "Next variation, \(next.name.lowercased())"
        if next.loaded {
            if let weight, let carried = c.catalog.equivalentWeight(weight, from: c.exercise.id, to: next.id) {
                dosing.weight = c.steps.floor(carried * 0.9)
            } else if let previous = c.previous {
                let onNext = c.catalog.equivalentWeight(previous.weight, from: c.exercise.id, to: next.id) ?? previous.weight
                dosing.weight = c.steps.floor(onNext * c.settings.reintroductionShare)
            }
            // Never more than one load step above what was last lifted on the new variation itself.
            if let chosen = dosing.weight, let lastOnNext = c.lastWeight(next.id), lastOnNext > 0 {
                dosing.weight = min(chosen, c.steps.stepUp(from: lastOnNext) ?? lastOnNext)
            }
            if let chosen = dosing.weight {
                if blockedByScreen(chosen, next.id, c) { return nil }
                text += " at \(formatWeight(chosen)) \(unit), a little under the equivalent of today's load"
            } else {
                text += " with a light weight you could lift about 15 times"
            }
        }
        let lever: Lever = ladder.rangeSteps.contains(next.id) ? .range : .variation
        return Outcome(
            dosing: dosing, decision: .progress, lever: lever, rule: "variation-progress",
            reasons: ["\(text): \(evidence)."])
    }

    // MARK: - Helpers

    static func tolerated(_ last: Exposure, _ tolerance: Tolerance) -> String {
        let peak = last.peakPain ?? 0
        let morning = last.nextDay == .settled ? "settled by the next morning" : "was no worse the next morning"
        return tolerance == .painFree
            ? "the last session on \(last.date) was pain-free and \(morning)"
            : "the last session on \(last.date) peaked at \(peak)/10 and \(morning)"
    }

    /// The ceiling of a rung below the top of its ladder: past it the next variation takes over.
    static func rungCeiling(_ c: ExerciseContext) -> Double? {
        guard let ladder = c.ladder, ladder.rung(after: c.exercise.id) != nil, let previous = c.previous,
            let share = c.settings.rungCeilingShare[c.exercise.stage]
        else { return nil }
        return previous.weight * share
    }

    static func blockedByScreen(_ weight: Double, _ exercise: ExerciseID, _ c: ExerciseContext) -> Bool {
        guard !c.screenPassed, let previous = Baseline.carried(to: exercise, from: c.baseline, catalog: c.catalog) else {
            return false
        }
        return weight >= previous.weight * c.settings.screenShare - 1e-9
    }

    /// The latest setback for this exercise: a session that was too much, or an event for every exercise.
    static func latestSetback(_ c: ExerciseContext) -> (date: Day, reason: String)? {
        var latest: (date: Day, reason: String)?
        for exposure in c.exposures.reversed() {
            if case let .tooMuch(why) = exposure.tolerance(policy: c.policy, settings: c.settings) {
                latest = (exposure.date, "\(why.describe(limit: c.settings.acceptablePainMax)) on \(exposure.date)")
                break
            }
            if exposure.date.days(until: c.asOf) >= c.settings.holdDays { break }
        }
        if let event = c.timeline.events.last, latest == nil || event.date > latest!.date {
            latest = (event.date, event.reason)
        }
        return latest
    }

    /// The configuration that counts as a step: load, tempo on, pause on, extra set.
    static func config(_ e: Exposure) -> [Double] {
        [
            e.weight ?? -1, e.tempo == nil ? 0 : 1, (e.pauseSeconds ?? 0) > 0 ? 1 : 0, Double(e.setCount >= 4 ? 1 : 0),
            e.weight == nil ? Double(e.amount ?? 0) : 0,
        ]
    }

    /// The first day of the current unchanged run of exposures.
    static func lastChange(_ exposures: [Exposure]) -> Day {
        runStart(exposures).map { exposures[$0].date } ?? exposures.last!.date
    }

    static func runStart(_ exposures: [Exposure]) -> Int? {
        guard let last = exposures.last else { return nil }
        let current = config(last)
        var index = exposures.count - 1
        while index > 0, config(exposures[index - 1]) == current { index -= 1 }
        return index
    }

    static func exposureBeforeLastChange(_ exposures: [Exposure]) -> Exposure? {
        guard let start = runStart(exposures), start > 0 else { return nil }
        return exposures[start - 1]
    }

    static func lever(for exercise: Exercise) -> Lever {
        switch exercise.dose.kind {
        case .reps, .passes: .reps
        case .hold: .hold
        case .minutes: .minutes
        }
    }

    static func describe(_ d: Dosing) -> String {
        let side = d.exercise.dose.perSide ? " each side" : ""
        switch d.exercise.dose.kind {
        case .reps: return "\(d.sets) x \(d.amount)\(side)"
        case .hold: return "\(d.sets) x \(d.amount) s\(side)"
        case .minutes: return "\(d.amount) min"
        case .passes: return "\(d.amount) passes"
        }
    }

    // MARK: - Output

    static func render(_ o: Outcome, _ c: ExerciseContext) -> PrescribedExercise {
        let d = o.dosing
        let exercise = d.exercise
        let sets = d.sets
        let previous = exercise.id == c.exercise.id ? c.previous?.weight : nil
        let percent: Double? =
            if let weight = d.weight, let previous, previous > 0 { roundedToTenth(100 * weight / previous) } else { nil }
        let stage: LoadStage =
            !exercise.loaded || d.weight == nil
            ? (exercise.loaded ? exercise.stage : .bodyweight)
            : percent.map { LoadStage(fractionOfPrevious: $0 / 100) } ?? exercise.stage
        return PrescribedExercise(
            exercise: exercise.id, name: exercise.name, pattern: exercise.pattern, sets: sets,
            reps: exercise.dose.kind == .reps ? d.amount : nil,
            holdSeconds: exercise.dose.kind == .hold ? d.amount : nil,
            minutes: exercise.dose.kind == .minutes ? d.amount : nil,
            passes: exercise.dose.kind == .passes ? d.amount : nil,
            perSide: exercise.dose.perSide, weight: d.weight, unit: d.weight == nil ? nil : c.unit,
            tempo: d.tempo, pauseSeconds: d.pauseSeconds, decision: o.decision, lever: o.lever, rule: o.rule,
            reasons: o.reasons, stage: stage, percentOfPrevious: percent, lastWeight: c.exposures.last?.weight,
            cue: exercise.cue)
    }
}
