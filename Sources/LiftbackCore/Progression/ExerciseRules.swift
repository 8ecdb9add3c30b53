/// What one exercise's decision adds to the whole prescription.
struct ExerciseSignals: Equatable {
    var screenNeeded = false
}

/// The response rules for one exercise (clinical model, section 5). Each path returns a decision,
/// the rule that fired and a sentence with its numbers.
enum ExerciseRules {
    static func decide(_ c: ExerciseContext) -> (PrescribedExercise, ExerciseSignals) {
        var signals = ExerciseSignals()
        var outcome = decision(c, signals: &signals)
        enforceComeback(&outcome, c)
        enforceScreen(&outcome, c, signals: &signals)
        // Ask for the screen a step ahead, so it is done by the time the load needs it.
        if !c.screenPassed, let weight = outcome.dosing.weight, let reference = c.screenReference(outcome.dosing.exercise.id),
            let next = c.steps.stepUp(from: weight, toward: 1) ?? c.steps.nextUp(from: weight),
            next >= reference.weight * c.settings.screenShare - 1e-9
        {
            signals.screenNeeded = true
        }
        return (render(outcome, c), signals)
    }

    /// A move up or down a ladder to a variation last done `breakDays` or more ago comes back as
    /// any lift does after a break (clinical model, section 5): never heavier than the taper from its own last
    /// load allows, however recent the other variation is. (`SafetyPropertyTests.comingBackAfterAGap`
    /// found a rung's four-week-old load repeated in full, down and up a ladder: with the library's
    /// seed `3N6Qy9prIqDKVS+Yc6f3clhH6QZm3E207bq+BcA/38k=` before this check existed.)
    static func enforceComeback(_ outcome: inout Outcome, _ c: ExerciseContext) {
        let other = outcome.dosing.exercise
        guard other.id != c.exercise.id, other.loaded, outcome.rule != .clinicianLoad, let weight = outcome.dosing.weight,
            let last = c.lastExposure(other.id), let lastWeight = last.weight, lastWeight > 0
        else { return }
        let days = last.date.days(until: c.asOf)
        guard days >= c.settings.breakDays else { return }
        var away = c
        away.exercise = other
        away.exposures = [last]
        let back = resumeAfterBreak(away, last: last, weight: lastWeight, days: days)
        guard let cap = back.dosing.weight,
            weight > cap + 1e-9 || (weight >= cap - 1e-9 && outcome.dosing.amount > back.dosing.amount)
        else { return }
        outcome.dosing.weight = cap
        outcome.dosing.amount = min(outcome.dosing.amount, back.dosing.amount)
        outcome.rule = .resumeAfterBreak
        outcome.reasons = back.reasons
        outcome.clinician = back.clinician
    }

    /// The last word on every path: no load at or above 90 % of the previous working weight (or,
    /// without one, of the estimate from the first weight chosen) without a passed movement screen
    /// (seed 001), whatever the person lifted last time or a rule proposed.
    static func enforceScreen(_ outcome: inout Outcome, _ c: ExerciseContext, signals: inout ExerciseSignals) {
        guard !c.screenPassed, outcome.rule != .clinicianLoad, let weight = outcome.dosing.weight,
            let reference = c.screenReference(outcome.dosing.exercise.id),
            weight >= reference.weight * c.settings.screenShare - 1e-9
        else { return }
        signals.screenNeeded = true
        var capped = c.steps.floor(reference.weight * c.settings.screenShare)
        if capped >= reference.weight * c.settings.screenShare - 1e-9 {
            capped = c.steps.nextDown(from: capped) ?? 0
        }
        outcome.dosing.weight = capped
        if outcome.decision != .start {
            outcome.decision = capped < (c.exposures.last?.weight ?? 0) ? .regress : outcome.decision
        }
        outcome.lever = .load
        outcome.rule = .screenNeeded
        outcome.reasons.append(
            "Kept to \(formatWeight(capped)) \(c.unit.rawValue): from \(c.settings.screenPercent) of \(reference.describe) a passed movement screen comes first."
        )
        outcome.clinician = "kept below \(c.settings.screenPercent) of the reference until a movement screen passes"
    }

    struct Outcome {
        var dosing: Dosing
        var decision: Decision
        var lever: Lever?
        var rule: RuleID
        var reasons: [String]
        /// The decision in the clinician's words, when it is more than the dose.
        var clinician: String? = nil
    }

    // MARK: - The rule order

    static func decision(_ c: ExerciseContext, signals: inout ExerciseSignals) -> Outcome {
        guard let last = c.exposures.last else { return start(c, signals: &signals) }
        let unit = c.unit.rawValue
        if let override = c.loadOverride, let weight = override.weight {
            var dosing = repeatDose(c, last)
            dosing.weight = weight
            let lastWeight = last.weight ?? 0
            let decision: Decision = weight > lastWeight ? .progress : weight < lastWeight ? .regress : .hold
            return Outcome(
                dosing: dosing, decision: decision, lever: .load, rule: .clinicianLoad,
                reasons: ["\(override.by ?? "Your clinician") set \(formatWeight(weight)) \(unit) on \(override.date)."],
                clinician: "load set to \(formatWeight(weight)) \(unit) by \(override.by ?? "a clinician") on \(override.date)")
        }
        // Coming back after a break comes first: it is lighter than any single step back.
        let daysSince = last.date.days(until: c.asOf)
        if daysSince >= c.settings.breakDays, c.exercise.loaded, let weight = last.weight, weight > 0 {
            return resumeAfterBreak(c, last: last, weight: weight, days: daysSince)
        }
        let tolerance = last.tolerance(policy: c.policy, settings: c.settings)
        if case let .tooMuch(why) = tolerance {
            let text = "\(why.describe(limit: c.settings.acceptablePainMax)) on \(last.date)"
            return regress(c, last: last, why: text, clinician: text, from: last.date)
        }
        if let event = c.timeline.latestEvent(onOrAfter: last.date) {
            return regress(c, last: last, why: event.reason, clinician: event.clinicianReason, from: event.date)
        }
        if tolerance == .notPainFree {
            // Seed 001: under the pain-free policy, pain coming back drops the exercise back a step.
            return regress(
                c, last: last,
                why:
                    "pain came back (\(last.peakPain ?? 0)/10 on \(last.date)), and your plan moves on only after pain-free sessions",
                clinician: "pain \(last.peakPain ?? 0)/10 on \(last.date) under the pain-free policy", from: last.date)
        }
        // A loaded lift logged without any weight yet starts from the previous working weight, once
        // no setback stands in the way.
        if c.exercise.loaded, c.previous != nil, c.exposures.allSatisfy({ $0.weight == nil }) {
            if let bad = latestSetback(c), bad.date.days(until: c.asOf) < c.settings.holdDays {
                return Outcome(
                    dosing: repeatDose(c, last), decision: .hold, lever: nil, rule: .holdAfterSetback,
                    reasons: ["Holding this step until \(bad.date.adding(days: c.settings.holdDays)): \(bad.reason)."],
                    clinician: "held after \(bad.clinician)")
            }
            return start(c, signals: &signals)
        }
        let repeated = repeatDose(c, last)
        if let cleared = c.clearedSince {
            return Outcome(
                dosing: repeated, decision: .hold, lever: nil, rule: .repeatAfterClearance,
                reasons: [
                    "Welcome back: your clinician reviewed your symptoms on \(cleared), so the first session repeats \(describe(repeated, unit: c.unit)) before anything steps up."
                ],
                clinician: "first session after the clearance of \(cleared) repeats the last load")
        }
        if let bad = latestSetback(c), holdStart(c, after: bad.date).days(until: c.asOf) < c.settings.holdDays {
            let until = holdStart(c, after: bad.date).adding(days: c.settings.holdDays)
            // A load raised after the setback (against the plan) comes back to where it was before it.
            if let weight = last.weight, last.date > bad.date,
                let before = c.exposures.last(where: { $0.date <= bad.date })?.weight, weight > before
            {
                var back = regressStep(c, last: last, why: bad.reason, from: bad.date)
                back.dosing.weight = min(back.dosing.weight ?? before, before)
                back.clinician = "load raised after \(bad.clinician), back to \(formatWeight(before)) \(c.unit.rawValue)"
                return back
            }
            return Outcome(
                dosing: repeated, decision: .hold, lever: nil, rule: .holdAfterSetback,
                reasons: [
                    "Holding this step until \(until): \(bad.reason). A week at the lighter step lets the back settle before the next try."
                ],
                clinician: "held until \(until) after \(bad.clinician)")
        }
        if tolerance == .painNotReported {
            return Outcome(
                dosing: repeated, decision: .hold, lever: nil, rule: .painNotReported,
                reasons: [
                    "Same again for now: the session on \(last.date) has no pain score. Add how it felt, during and after, and the next step can come."
                ],
                clinician: "no pain score logged for \(last.date)")
        }
        if tolerance == .awaitingNextDay {
            return Outcome(
                dosing: repeated, decision: .hold, lever: nil, rule: .awaitingNextDay,
                reasons: [
                    "Same again for now: the next step waits for your answer on how the back felt the morning after \(last.date)."
                ],
                clinician: "waiting for the next-day answer after \(last.date)")
        }
        let range = repsRange(c)
        if c.exercise.loaded, c.exercise.dose.kind == .reps, last.weight != nil, let done = last.amount,
            done < range.lowerBound
        {
            return Outcome(
                dosing: repeated, decision: .hold, lever: nil, rule: .completeTheWork,
                reasons: [
                    "Same weight again: last time the hardest set reached \(done) reps, and this phase works in sets of \(range.lowerBound)-\(range.upperBound). Progress comes once every set is inside that range."
                ],
                clinician: "\(done) reps on \(last.date), below the \(range.lowerBound)-\(range.upperBound) range")
        }
        let changedOn = lastChange(c)
        let stepDays = c.exercise.loaded ? c.settings.daysBetweenSteps : c.settings.daysBetweenBodyweightSteps
        if changedOn.days(until: c.asOf) < stepDays {
            return Outcome(
                dosing: repeated, decision: .hold, lever: nil, rule: .oneStepPerWeek,
                reasons: [
                    "Repeat this step: it began on \(changedOn), and the next one is due from \(changedOn.adding(days: stepDays)) so the back can adapt."
                ])
        }
        return progress(c, last: last, tolerance: tolerance, signals: &signals)
    }

    /// Coming back after a break (clinical model, section 5): one step lighter after two weeks, tapering towards
    /// 60 % of the last load at four weeks and more.
    static func resumeAfterBreak(_ c: ExerciseContext, last: Exposure, weight: Double, days: Int) -> Outcome {
        var dosing = repeatDose(c, last)
        let oneStep = c.steps.stepDown(from: weight)
        let s = c.settings
        let target: Double
        if days >= s.veryLongBreakDays {
            target = c.steps.floor(weight * s.veryLongBreakShare)
        } else if days > s.longBreakDays {
            let fraction = Double(days - s.longBreakDays) / Double(s.veryLongBreakDays - s.longBreakDays)
            let share = oneStep / weight + (s.veryLongBreakShare - oneStep / weight) * fraction
            target = min(oneStep, c.steps.floor(weight * share))
        } else {
            target = oneStep
        }
        dosing.weight = target
        if let reps = targetReps(c, weight: target) { dosing.amount = reps }
        var fewer = ""
        if days >= s.longBreakDays, target > weight * s.veryLongBreakShare + 1e-9, target >= weight - 1e-9 {
            // No lighter weight exists: the lightest one, for fewer reps or seconds instead.
            let share = days >= s.veryLongBreakDays ? s.veryLongBreakShare : s.longBreakShare
            dosing.amount = max(1, Int((Double(last.amount ?? dosing.amount) * share).rounded(.down)))
            fewer = " (the lightest weight there is, so fewer \(c.exercise.dose.kind.unitWord))"
        }
        let unit = c.unit.rawValue
        let size =
            target <= oneStep && days < s.longBreakDays + 1
            ? "one step lighter" : "at about \(EngineSettings.percent(target / weight)) of last time"
        return Outcome(
            dosing: dosing, decision: .regress, lever: .load, rule: .resumeAfterBreak,
            reasons: [
                "Welcome back: it has been \(days) days since \(c.exercise.name.lowercased()) on \(last.date), so restart \(size): \(formatWeight(target)) \(unit)\(fewer), after \(formatWeight(weight)) \(unit) last time, and build back up from there."
            ],
            clinician:
                "restarting at \(formatWeight(target)) \(unit) after \(days) days away (last \(formatWeight(weight)) \(unit))")
    }

    /// The dose as last performed: loads, tempo and sets as they were, reps inside the phase's range.
    static func repeatDose(_ c: ExerciseContext, _ last: Exposure) -> Dosing {
        var dosing = Dosing(exercise: c.exercise, repeating: last)
        // A fixed weight the person does not have (logged elsewhere, or typed) is held as the
        // nearest of theirs below it; never a heavier one.
        if let available = c.steps.available, let weight = dosing.weight {
            dosing.weight = available.last { $0 <= weight + 1e-9 } ?? weight
        }
        if c.session == .fullBody, c.exercise.loaded, let regular = c.catalog[c.exercise.id]?.dose.sets {
            // The reduced-volume day takes one set off whatever the person does on other days.
            dosing.sets = max(1, (last.setCount > regular ? regular + 1 : regular) - 1)
        }
        if c.exercise.loaded, c.exercise.dose.kind == .reps {
            let range = repsRange(c)
            dosing.amount = min(max(last.amount ?? range.upperBound, range.lowerBound), range.upperBound)
        }
        return dosing
    }

    /// The reps per set a loaded exercise works in: the phase's range for the main lifts (clinical model
    /// 5b: 5-8 reintroducing, 3-6 returning to performance), the exercise's own range otherwise.
    static func repsRange(_ c: ExerciseContext) -> ClosedRange<Int> {
        let dose = c.exercise.dose
        guard c.exercise.loaded, dose.kind == .reps, dose.amount == dose.maxAmount else {
            return dose.amount...max(dose.amount, dose.maxAmount)
        }
        return c.phase == .returnToPerformance ? c.settings.performanceReps : c.settings.reintroductionReps
    }

    /// For the main lifts, reps that come down as the load rises: the top of the range at the
    /// starting share, the bottom at the screen share (reintroducing), or from 85 % to 105 % of the
    /// previous working weight (returning to performance). `nil` without a reference.
    static func targetReps(_ c: ExerciseContext, weight: Double) -> Int? {
        let dose = c.exercise.dose
        guard c.exercise.loaded, dose.kind == .reps, dose.amount == dose.maxAmount,
            let reference = c.previous?.weight ?? c.screenReference(c.exercise.id)?.weight, reference > 0
        else { return nil }
        let range = repsRange(c)
        let (low, high) =
            c.phase == .returnToPerformance
            ? (c.settings.heavyShare, c.settings.performanceTopShare) : (c.settings.reintroductionShare, c.settings.screenShare)
        let fraction = min(1, max(0, (weight / reference - low) / (high - low)))
        return range.upperBound - Int((fraction * Double(range.upperBound - range.lowerBound)).rounded())
    }

    // MARK: - Start

    static func start(_ c: ExerciseContext, signals: inout ExerciseSignals) -> Outcome {
        var dosing = Dosing(exercise: c.exercise)
        let unit = c.unit.rawValue
        guard c.exercise.loaded else {
            return Outcome(
                dosing: dosing, decision: .start, lever: nil, rule: .startDose,
                reasons: ["A first go at \(c.exercise.name.lowercased()): \(describe(dosing)) is the starting dose."])
        }
        if c.exercise.dose.kind == .reps, c.exercise.dose.amount == c.exercise.dose.maxAmount {
            dosing.amount = repsRange(c).upperBound
        }
        if let override = c.loadOverride, let weight = override.weight {
            dosing.weight = weight
            return Outcome(
                dosing: dosing, decision: .start, lever: .load, rule: .clinicianLoad,
                reasons: [
                    "\(override.by ?? "Your clinician") set \(formatWeight(weight)) \(unit) to start on \(override.date)."
                ],
                clinician: "start load \(formatWeight(weight)) \(unit) set by \(override.by ?? "a clinician") on \(override.date)"
            )
        }
        guard let previous = c.previous, c.phase.loadsLifts else {
            if c.exercise.stage == .bodyweight {
                return Outcome(
                    dosing: dosing, decision: .start, lever: nil, rule: .startBodyweight,
                    reasons: ["Start with bodyweight only, \(describe(dosing)); weight comes once the full range feels easy."])
            }
            return Outcome(
                dosing: dosing, decision: .start, lever: nil, rule: .startLightChoice,
                reasons: [
                    "Choose a light weight you could lift about \(c.settings.lightChoiceReps) times and do \(describe(dosing)); log it, and the next steps build from there."
                ])
        }
        let share = c.settings.reintroductionShare
        let exact = previous.weight * share
        dosing.weight = c.steps.floor(exact)
        let weight = formatWeight(dosing.weight!)
        let half = formatWeight(LoadSteps.tidy(exact))
        let picked =
            abs(dosing.weight! - exact) < 1e-9
            ? "gives \(weight) \(unit)"
            : "is \(half) \(unit), so \(weight) \(unit), the nearest \(c.steps.available != nil ? "weight you can pick up" : "load your plates make") below it"
        let sameScale = abs(previous.weight - previous.source.weight) < 0.005
        let carried =
            sameScale
            ? "About \(EngineSettings.percent(share)) of your previous working weight (\(previous.describe(c.unit, catalog: c.catalog))) \(picked)"
            : "Your previous working weight, \(previous.describe(c.unit, catalog: c.catalog)), is about \(formatWeight((previous.weight * 2).rounded() / 2)) \(unit) on the \(c.exercise.name.lowercasedFirst); about \(EngineSettings.percent(share)) of that \(picked)"
        return Outcome(
            dosing: dosing, decision: .start, lever: .load, rule: .startHalfPrevious,
            reasons: [
                "First loaded session: \(carried.lowercasedFirst), for \(dosing.sets) sets of \(dosing.amount)."
            ],
            clinician:
                "first loaded session at \(weight) \(unit) (\(EngineSettings.percent(dosing.weight! / previous.weight)) of the carried previous working weight)"
        )
    }

    // MARK: - Regress

    /// Drops back one step of the ladder: the lever or load added last, or the variation before.
    static func regress(_ c: ExerciseContext, last: Exposure, why: String, clinician: String, from: Day) -> Outcome {
        var outcome = regressStep(c, last: last, why: why, from: from)
        outcome.clinician = clinician
        return outcome
    }

    static func regressStep(_ c: ExerciseContext, last: Exposure, why: String, from: Day) -> Outcome {
        var dosing = repeatDose(c, last)
        // A week's hold from the setback; when the step back comes later than that, from today.
        let until =
            from.adding(days: c.settings.holdDays) > c.asOf
            ? from.adding(days: c.settings.holdDays) : c.asOf.adding(days: c.settings.holdDays)
        let hold = "Hold it until \(until) before trying again."
        let unit = c.unit.rawValue
        let previous = exposureBeforeLastChange(c)
        if let previous, last.tempo != nil, previous.tempo == nil {
            dosing.tempo = nil
            return Outcome(
                dosing: dosing, decision: .regress, lever: .tempo, rule: .regressOneStep,
                reasons: ["Back to your usual tempo: \(why). \(hold)"])
        }
        if let previous, (last.pauseSeconds ?? 0) > 0, (previous.pauseSeconds ?? 0) == 0 {
            dosing.pauseSeconds = nil
            return Outcome(
                dosing: dosing, decision: .regress, lever: .pause, rule: .regressOneStep,
                reasons: ["Without the pause again: \(why). \(hold)"])
        }
        if let previous, last.setCount > c.exercise.dose.sets, previous.setCount <= c.exercise.dose.sets {
            dosing.sets = c.exercise.dose.sets
            return Outcome(
                dosing: dosing, decision: .regress, lever: .sets, rule: .regressOneStep,
                reasons: ["Back to \(dosing.sets) sets: \(why). \(hold)"])
        }
        // The lower rung's last dose is repeated only when it is recent: after `breakDays` away from
        // it, repeating it would skip the coming-back taper (a property test found 48 kg repeated
        // after exactly four weeks).
        if c.exposures.count <= c.settings.newRungSessions, let lower = c.lowerRung,
            lower.last.date > c.asOf.adding(days: -c.settings.breakDays)
        {
            var down = Dosing(exercise: lower.exercise, repeating: lower.last)
            down.weight = lower.exercise.loaded ? lower.last.weight : nil
            return Outcome(
                dosing: down, decision: .regress, lever: .variation, rule: .regressVariation,
                reasons: ["Back to \(lower.exercise.name.lowercased()) for now: \(why). \(hold)"])
        }
        if c.exercise.loaded, let weight = last.weight, weight > 0 {
            let oneStep = c.steps.stepDown(from: weight)
            let earlier = c.exposures.compactMap(\.weight).filter { $0 < weight && $0 >= oneStep * c.settings.nearShare }.max()
            dosing.weight = earlier ?? oneStep
            if let reps = targetReps(c, weight: dosing.weight!) { dosing.amount = reps }
            return Outcome(
                dosing: dosing, decision: .regress, lever: .load, rule: .regressOneStep,
                reasons: [
                    "Back one step to \(formatWeight(dosing.weight!)) \(unit) from \(formatWeight(weight)) \(unit): \(why). \(hold)"
                ])
        }
        let amount = last.amount ?? c.exercise.dose.amount
        let floor = max(1, Int((Double(c.exercise.dose.amount) * c.settings.stepBackAmountFloorShare).rounded(.down)))
        if amount - c.exercise.dose.step >= floor {
            dosing.amount = amount - c.exercise.dose.step
            return Outcome(
                dosing: dosing, decision: .regress, lever: lever(for: c.exercise), rule: .regressOneStep,
                reasons: ["A little less, \(describe(dosing)): \(why). \(hold)"])
        }
        if let ladder = c.ladder, let lowerID = ladder.rung(before: c.exercise.id), let lower = c.catalog[lowerID] {
            return Outcome(
                dosing: Dosing(exercise: lower), decision: .regress, lever: .variation, rule: .regressVariation,
                reasons: ["Back to \(lower.name.lowercased()) for now: \(why). \(hold)"])
        }
        dosing.sets = max(1, dosing.sets - 1)
        return Outcome(
            dosing: dosing, decision: .regress, lever: .sets, rule: .regressOneStep,
            reasons: ["One set fewer, \(describe(dosing)): \(why). \(hold)"])
    }

    // MARK: - Progress

    static func progress(
        _ c: ExerciseContext, last: Exposure, tolerance: Tolerance, signals: inout ExerciseSignals
    ) -> Outcome {
        var dosing = repeatDose(c, last)
        let evidence = tolerated(last, tolerance)
        let unit = c.unit.rawValue
        if c.exercise.loaded, let weight = last.weight, weight > 0 {
            let range = repsRange(c)
            let done = min(max(last.amount ?? range.upperBound, range.lowerBound), range.upperBound)
            let ceiling = rungCeiling(c)
            // In the pain monitoring model's safe zone (0-2/10, settled by the morning) the step goes
            // to the top of the 5-10 % window; with more pain, to its middle.
            let safe = (last.peakPain ?? 0) <= c.settings.safePainMax && last.nextDay == .settled
            // Past the previous working weight the back is in new territory: smaller steps.
            var steps = c.steps
            if let reference = c.screenReference(c.exercise.id)?.weight, weight >= reference - 1e-9 {
                steps.maxIncrease = min(steps.maxIncrease, c.settings.beyondPreviousMaxIncrease)
                steps.minIncrease = min(steps.minIncrease, steps.maxIncrease * c.settings.narrowedMinShareOfMax)
            }
            if let up = steps.stepUp(from: weight, toward: safe ? 1 : c.settings.acceptableStepToward) {
                if let ceiling, up > ceiling, let move = nextVariation(c, from: weight, evidence: evidence, signals: &signals) {
                    return move
                }
                if !blockedByScreen(up, c.exercise.id, c) {
                    dosing.weight = up
                    if c.exercise.dose.kind == .reps {
                        dosing.amount =
                            c.exercise.dose.amount == c.exercise.dose.maxAmount
                            ? (targetReps(c, weight: up) ?? done) : range.lowerBound
                    }
                    let percent = Int(rounding: (up / weight - 1) * 100) ?? 0
                    let reps = dosing.amount != done && c.exercise.dose.kind == .reps ? ", \(describe(dosing))" : ""
                    return Outcome(
                        dosing: dosing, decision: .progress, lever: .load, rule: .loadProgress,
                        reasons: ["Load +\(percent) % to \(formatWeight(up)) \(unit)\(reps): \(evidence)."],
                        clinician:
                            "load \(formatWeight(weight)) to \(formatWeight(up)) \(unit) after \(clinicianEvidence(last, tolerance))"
                    )
                }
                signals.screenNeeded = true
            } else if c.exercise.dose.kind == .reps {
                // Double progression: the equipment cannot make a 5-10 % step, so reps climb to the top
                // of the range first, then the next weight that exists comes in at the bottom of it.
                let next = c.steps.nextUp(from: weight)
                if done < range.upperBound {
                    dosing.amount = done + 1
                    let jump =
                        next.map {
                            " (the next weight, \(formatWeight($0)) \(unit), would be a jump of \(EngineSettings.percent($0 / weight - 1)))"
                        } ?? ""
                    return Outcome(
                        dosing: dosing, decision: .progress, lever: .reps, rule: .doubleProgressionReps,
                        reasons: [
                            "One more rep a set, \(describe(dosing)) at \(formatWeight(weight)) \(unit): your weights cannot make a \(c.settings.stepWindow) step\(jump), so reps climb to \(range.upperBound) first; \(evidence)."
                        ],
                        clinician: "reps \(done) to \(done + 1) at \(formatWeight(weight)) \(unit) (double progression)")
                }
                if let next, !(ceiling.map { next > $0 } ?? false), !blockedByScreen(next, c.exercise.id, c) {
                    dosing.weight = next
                    dosing.amount = range.lowerBound
                    return Outcome(
                        dosing: dosing, decision: .progress, lever: .load, rule: .doubleProgressionLoad,
                        reasons: [
                            "Up to \(formatWeight(next)) \(unit) for \(describe(dosing)): you reached \(range.upperBound) reps at \(formatWeight(weight)) \(unit), so the next weight comes in at \(range.lowerBound) reps and the reps climb again; \(evidence)."
                        ],
                        clinician:
                            "load \(formatWeight(weight)) to \(formatWeight(next)) \(unit), reps back to \(range.lowerBound) (double progression)"
                    )
                }
                if let next, blockedByScreen(next, c.exercise.id, c) { signals.screenNeeded = true }
                if let next, let ceiling, next > ceiling,
                    let move = nextVariation(c, from: weight, evidence: evidence, signals: &signals)
                {
                    return move
                }
            }
            if let lever = otherLever(c, dosing: &dosing, last: last) {
                let why =
                    signals.screenNeeded
                    ? "the next load would reach \(c.settings.screenPercent) of \(c.screenReference(c.exercise.id)?.describe ?? "your previous working weight"), which waits for a passed movement screen"
                    : "your weights cannot make a \(c.settings.stepWindow) step from \(formatWeight(weight)) \(unit)"
                return Outcome(
                    dosing: dosing, decision: .progress, lever: lever.lever, rule: .leverProgress,
                    reasons: ["\(lever.text) instead of more weight, because \(why); \(evidence)."],
                    clinician: "\(lever.lever.rawValue) progressed at \(formatWeight(weight)) \(unit)"
                        + (signals.screenNeeded ? " while the movement screen is due" : ""))
            }
            if let move = nextVariation(c, from: weight, evidence: evidence, signals: &signals), !signals.screenNeeded {
                return move
            }
            return Outcome(
                dosing: dosing, decision: .hold, lever: nil, rule: signals.screenNeeded ? .screenNeeded : .topOfRange,
                reasons: [
                    signals.screenNeeded
                        ? "Holding at \(formatWeight(weight)) \(unit): the next step would reach \(c.settings.screenPercent) of \(c.screenReference(c.exercise.id)?.describe ?? "your previous working weight"), and that waits for a passed movement screen."
                        : "Holding at \(formatWeight(weight)) \(unit): every lever for this exercise is in use; your clinician can choose the next variation."
                ])
        }
        if last.amount ?? 0 < c.exercise.dose.maxAmount {
            let step =
                c.fearHigh && c.exercise.exposureFor != nil
                ? max(1, Int((Double(c.exercise.dose.step) * c.settings.highFearStepShare).rounded(.down)))
                : c.exercise.dose.step
            dosing.amount = min(
                c.exercise.dose.maxAmount, max(last.amount ?? 0, c.exercise.dose.amount - step) + step)
            return Outcome(
                dosing: dosing, decision: .progress, lever: lever(for: c.exercise), rule: .doseProgress,
                reasons: ["Up to \(describe(dosing)): \(evidence)."])
        }
        if c.exercise.loaded {
            dosing.amount = c.exercise.dose.amount
            return Outcome(
                dosing: dosing, decision: .progress, lever: .load, rule: .addLoad,
                reasons: [
                    "Add a light weight you could lift about \(c.settings.lightChoiceReps) times, \(describe(dosing)): \(evidence)."
                ])
        }
        if c.exercise.exposureFor == nil, last.setCount < c.exercise.dose.sets + 1 {
            dosing.sets = c.exercise.dose.sets + 1
            return Outcome(
                dosing: dosing, decision: .progress, lever: .sets, rule: .leverProgress,
                reasons: ["An extra set, \(describe(dosing)): you reached the top of the range and \(evidence)."])
        }
        if let move = nextVariation(c, from: nil, evidence: evidence, signals: &signals) { return move }
        return Outcome(
            dosing: dosing, decision: .hold, lever: nil, rule: .topOfRange,
            reasons: ["Keep \(describe(dosing)): this is the full dose for this phase."])
    }

    /// Tempo, then a pause, then an extra set (seed 003).
    static func otherLever(_ c: ExerciseContext, dosing: inout Dosing, last: Exposure) -> (lever: Lever, text: String)? {
        guard c.exercise.dose.kind == .reps else { return nil }
        if last.tempo == nil {
            let tempo = c.settings.leverTempo
            dosing.tempo = tempo
            return (.tempo, "Slower lowering: tempo \(Tempo(tempo).map(\.spoken) ?? tempo)")
        }
        let pause = c.settings.leverPauseSeconds
        if (last.pauseSeconds ?? 0) < pause {
            dosing.pauseSeconds = pause
            return (.pause, "A \(pause) s pause at the bottom of each rep")
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
        guard c.climbs, let ladder = c.ladder, let nextID = ladder.rung(after: c.exercise.id), let next = c.catalog[nextID],
            next.phase <= c.phase
        else { return nil }
        var dosing = Dosing(exercise: next)
        let unit = c.unit.rawValue
        var text = "Next variation, \(next.name.lowercased())"
        if next.loaded {
            let range = ladder.rangeSteps.contains(next.id)
            if let weight, let carried = c.catalog.equivalentWeight(weight, from: c.exercise.id, to: next.id) {
                // A new lift starts a little under the equivalent load; more range of the same lift, a step under.
                dosing.weight = c.steps.floor(carried * (range ? c.settings.rangeCarryShare : c.settings.variationCarryShare))
                if next.dose.kind == .reps, next.dose.amount == next.dose.maxAmount, let done = c.exposures.last?.amount {
                    dosing.amount = min(max(done, c.settings.reintroductionReps.lowerBound), next.dose.amount)
                }
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
                let share = weight.flatMap { w in c.catalog.equivalentWeight(w, from: c.exercise.id, to: next.id) }.map {
                    chosen / $0
                }
                text +=
                    share.map { $0 >= c.settings.nearShare } ?? true
                    ? " at \(formatWeight(chosen)) \(unit), a little under the equivalent of today's load"
                    : " at \(formatWeight(chosen)) \(unit), the weight that exists nearest below the equivalent of today's load"
            } else {
                text += " with a light weight you could lift about \(c.settings.lightChoiceReps) times"
            }
        }
        let lever: Lever = ladder.rangeSteps.contains(next.id) ? .range : .variation
        if lever == .range, dosing.weight != nil { text = text.replacingOccurrences(of: "a little under", with: "a step under") }
        return Outcome(
            dosing: dosing, decision: .progress, lever: lever, rule: .variationProgress,
            reasons: ["\(text): \(evidence)."])
    }

    // MARK: - Helpers

    static func tolerated(_ last: Exposure, _ tolerance: Tolerance) -> String {
        let peak = last.peakPain ?? 0
        let morning =
            (last.nextDay == .settled ? "settled by the next morning" : "was no worse the next morning")
            + (last.nextDayFromCheckIn ? " (from your check-in that day)" : "")
        return tolerance == .painFree
            ? "the last session on \(last.date) was pain-free and \(morning)"
            : "the last session on \(last.date) peaked at \(peak)/10 and \(morning)"
    }

    static func clinicianEvidence(_ last: Exposure, _ tolerance: Tolerance) -> String {
        let morning = last.nextDay == .settled ? "settled next morning" : "next morning no worse"
        return tolerance == .painFree
            ? "a pain-free session on \(last.date), \(morning)"
            : "a session at \(last.peakPain ?? 0)/10 on \(last.date), \(morning)"
    }

    /// The ceiling of a rung below the top of its ladder: past it the next variation takes over.
    static func rungCeiling(_ c: ExerciseContext) -> Double? {
        guard let ladder = c.ladder, ladder.rung(after: c.exercise.id) != nil, let previous = c.previous,
            let share = c.settings.rungCeilingShare[c.exercise.stage]
        else { return nil }
        return previous.weight * share
    }

    static func blockedByScreen(_ weight: Double, _ exercise: ExerciseID, _ c: ExerciseContext) -> Bool {
        guard !c.screenPassed, let reference = c.screenReference(exercise) else { return false }
        return weight >= reference.weight * c.settings.screenShare - 1e-9
    }

    /// The day a setback's week of holding starts: the setback itself, or the first session of any
    /// kind after it when that came only once the week had passed (the step back is then held for a
    /// week from there). A week already served is not served again by an exercise that first comes in
    /// later, such as the next variation.
    static func holdStart(_ c: ExerciseContext, after setback: Day) -> Day {
        let firstAfter = c.workoutDays.first { $0 > setback } ?? c.exposures.first { $0.date > setback }?.date
        guard let first = firstAfter, first >= setback.adding(days: c.settings.holdDays) else { return setback }
        return first
    }

    /// The latest setback for this exercise: a session that was too much (or, under the pain-free
    /// policy, one with pain), or an event for every exercise.
    static func latestSetback(_ c: ExerciseContext) -> (date: Day, reason: String, clinician: String)? {
        var latest: (date: Day, reason: String, clinician: String)?
        for exposure in c.exposures.reversed() {
            let tolerance = exposure.tolerance(policy: c.policy, settings: c.settings)
            if case let .tooMuch(why) = tolerance {
                let text = "\(why.describe(limit: c.settings.acceptablePainMax)) on \(exposure.date)"
                latest = (exposure.date, text, text)
                break
            }
            if tolerance == .notPainFree {
                latest = (
                    exposure.date, "pain came back (\(exposure.peakPain ?? 0)/10) on \(exposure.date)",
                    "pain \(exposure.peakPain ?? 0)/10 on \(exposure.date) under the pain-free policy"
                )
                break
            }
            if exposure.date.days(until: c.asOf) >= c.settings.holdDays { break }
        }
        if let event = c.timeline.events.last, latest == nil || event.date > latest!.date {
            latest = (event.date, event.reason, event.clinicianReason)
        }
        return latest
    }

    /// The configuration that counts as a step: load, tempo on, pause on, a set beyond the
    /// exercise's regular dose, the amount.
    static func config(_ e: Exposure, regularSets: Int) -> [Double] {
        [
            e.weight ?? -1, e.tempo == nil ? 0 : 1, (e.pauseSeconds ?? 0) > 0 ? 1 : 0,
            Double(e.setCount > regularSets ? 1 : 0), Double(e.amount ?? 0),
        ]
    }

    /// The first day of the current unchanged run of exposures.
    static func lastChange(_ c: ExerciseContext) -> Day {
        runStart(c).map { c.exposures[$0].date } ?? c.exposures.last!.date
    }

    static func runStart(_ c: ExerciseContext) -> Int? {
        let exposures = c.exposures
        guard let last = exposures.last else { return nil }
        let regular = c.exercise.dose.sets
        let current = config(last, regularSets: regular)
        var index = exposures.count - 1
        while index > 0, config(exposures[index - 1], regularSets: regular) == current { index -= 1 }
        return index
    }

    static func exposureBeforeLastChange(_ c: ExerciseContext) -> Exposure? {
        guard let start = runStart(c), start > 0 else { return nil }
        return c.exposures[start - 1]
    }

    static func lever(for exercise: Exercise) -> Lever {
        switch exercise.dose.kind {
        case .reps, .passes: .reps
        case .hold: .hold
        case .minutes: .minutes
        }
    }

    static func describe(_ d: Dosing, unit: WeightUnit) -> String {
        describe(d) + (d.weight.map { " at \(formatWeight($0)) \(unit.rawValue)" } ?? "")
    }

    static func describe(_ d: Dosing) -> String {
        d.exercise.dose.kind.describe(sets: d.sets, amount: d.amount, perSide: d.exercise.dose.perSide)
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
            cue: exercise.cue, forClinician: o.clinician ?? "\(o.rule.title), \(describe(d, unit: c.unit))")
    }
}
