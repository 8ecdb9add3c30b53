/// Whether the movement screen counts today (clinical model, section 5: a screen is dated evidence). The latest
/// screen decides; a pass stops counting after a setback, a new flag, or eight weeks without heavy work.
public struct ScreenStatus: Sendable, Equatable {
    public var passed: Bool
    /// Why an earlier pass no longer counts, in the person's words; `nil` when it counts or there was none.
    public var lapsed: String?
}

extension Engine {
    func screenStatus(_ c: Case, history: History, timeline: SymptomTimeline, baseline: [BaselineLift]) -> ScreenStatus {
        guard let latest = c.latestScreen else {
            return ScreenStatus(passed: false)
        }
        guard latest.passed, latest.contradiction == nil else { return ScreenStatus(passed: false) }
        let after = latest.date
        if let bad = history.evidence.badDays.first(where: { $0 > after }) ?? timeline.events.first(where: { $0.date > after })?
            .date
            ?? timeline.severeDays.first(where: { $0 > after })
        {
            return ScreenStatus(passed: false, lapsed: "the screen of \(after) was followed by a setback on \(bad)")
        }
        let flagged =
            c.workouts.first { $0.date > after && $0.date <= c.asOf && !$0.flags.isEmpty }?.date
            ?? c.checkIns.first { $0.date > after && $0.date <= c.asOf && !$0.flags.isEmpty }?.date
        if let flagged {
            return ScreenStatus(passed: false, lapsed: "a new symptom was reported on \(flagged), after the screen of \(after)")
        }
        // Eight weeks in a row without heavy work, at any time since the screen, ask for it again.
        var since = after
        var lapsed = false
        for day in heavyDays(history, baseline: baseline) where day > after && day <= c.asOf {
            if since.days(until: day) > settings.screenValidDays { lapsed = true }
            since = day
        }
        if lapsed || since.days(until: c.asOf) > settings.screenValidDays {
            return ScreenStatus(
                passed: false,
                lapsed:
                    "\(Words.duration(days: settings.screenValidDays)) went by without heavy lifting after the screen of \(after)"
            )
        }
        return ScreenStatus(passed: true)
    }

    /// The days a main lift reached heavy work (`EngineSettings.heavyShare` of its reference), sorted.
    func heavyDays(_ history: History, baseline: [BaselineLift]) -> [Day] {
        var days: [Day] = []
        for (index, threshold) in mainLiftThresholds(baseline, share: settings.heavyShare).enumerated() {
            let reference =
                threshold
                ?? history.provisionalWorkingWeight(for: catalog.exercises[index].id, settings: settings).map {
                    $0 * settings.heavyShare
                }
            guard let reference else { continue }
            for exposure in history.exposuresByIndex[index] where (exposure.weight ?? 0) >= reference - 1e-9 {
                days.append(exposure.date)
            }
        }
        return days.sorted()
    }
}

/// Fear of movement and the psychosocial side (seeds 002, 004): avoided movements from the intake,
/// the latest TSK-11 and STarT Back. High fear slows graded exposure, adds education, and tells the clinician.
public struct FearProfile: Sendable {
    public var avoids: [FearedMovement]
    public var tsk11: (score: Int, date: Day)?
    public var startBackPsychosocial: (score: Int, date: Day)?
    /// TSK-11 at or above the marker, or a STarT Back psychosocial score of 4 or 5.
    public var high: Bool

    init(_ c: Case, settings: EngineSettings) {
        avoids = c.intake.avoids
        func latest(_ instrument: Instrument) -> (InstrumentScore, Day)? {
            c.questionnaires.filter { $0.instrument == instrument && $0.date <= c.asOf }.max { $0.date < $1.date }
                .flatMap { entry in (try? instrument.score(entry.answers)).map { ($0, entry.date) } }
        }
        tsk11 = latest(.tsk11).map { (Int($0.0.score), $0.1) }
        startBackPsychosocial = latest(.startback).flatMap { score, day in score.psychosocial.map { ($0, day) } }
        high =
            (tsk11?.score ?? 0) >= settings.highFearTSK11
            || (startBackPsychosocial?.score ?? 0) >= settings.highFearStartBackPsychosocial
    }

    /// Extra education cards when fear or avoidance shapes the plan.
    public var educationCards: [EducationCard] {
        guard high || !avoids.isEmpty else { return [] }
        var cards = [
            EducationCard(
                title: "Worry about a movement is common, and it can change",
                text:
                    "After a sore back it makes sense to be wary of the movements that hurt. Trying them again in small, planned amounts is how that worry fades and the back gets used to them."
            )
        ]
        if high {
            cards.append(
                EducationCard(
                    title: "Hurt does not mean harm",
                    text:
                        "Backs can be sensitive for a while without anything being damaged. Some discomfort while you move is expected and safe; it usually eases as you keep going."
                ))
            cards.append(
                EducationCard(
                    title: "You set the pace",
                    text:
                        "Each new movement starts smaller than you think you can do, and grows only when the last step felt fine. Going slowly is part of the plan."
                ))
        }
        return cards
    }

    /// For the clinician, with the numbers; `nil` when fear does not shape the plan.
    var clinicianSummary: String? {
        var parts: [String] = []
        if let tsk11 { parts.append("TSK-11 \(tsk11.score)/44 on \(tsk11.date)") }
        if let sb = startBackPsychosocial { parts.append("STarT Back psychosocial \(sb.score)/5 on \(sb.date)") }
        if !avoids.isEmpty { parts.append("avoids " + avoids.map { $0.title.lowercased() }.joined(separator: ", ")) }
        guard high || !avoids.isEmpty else { return nil }
        return (high ? "High fear of movement or psychosocial risk" : "Avoided movements") + ": " + parts.joined(separator: "; ")
            + (high
                ? ". Graded exposure runs in smaller steps; psychologically informed care may help."
                : ". Graded exposure is in the plan.")
    }
}

extension Catalog {
    /// The graded-exposure ladder for an avoided movement.
    public func exposureLadder(for movement: FearedMovement) -> Ladder? {
        ladders.first { ladder in ladder.rungs.first.flatMap { self[$0]?.exposureFor } == movement }
    }
}
