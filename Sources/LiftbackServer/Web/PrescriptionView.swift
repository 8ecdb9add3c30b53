import LiftbackApp
import LiftbackCore

/// How a prescription reads on a phone: the phase and why, each exercise with its dose, load,
/// plates per side and the reasons behind any change, then the routine and education cards.
enum PrescriptionView {
    /// - Parameters:
    ///   - day: the plan, and what the day around it holds (a session waiting for its next-day
    ///     answer, one done today, one missed, whether a clinician can review a pause).
    ///   - emergencyNumber: the number the call button of an emergency dials (the server's setting).
    static func today(_ day: CaseService.PersonDay, engine: Engine, emergencyNumber: String) -> HTML {
        let (p, awaiting, linked) = (day.prescription, day.awaiting, day.reviewerLinked)
        let (catalog, settings) = (engine.catalog, engine.settings)
        let equipment = day.data.settings.equipment
        let card = { (line: PrescribedExercise) in Self.card(line, catalog: catalog, equipment: equipment) }
        let alerts = p.alertsNow.html { "<div class=\"alert \($0.id.rawValue)\" role=\"alert\"><p>\($0.message)</p></div>" }
        if p.disposition.stopsLoading {
            // A reason the alerts already say, whole or in part, is not said twice.
            let unsaid = p.reasons.filter { reason in !p.alertsNow.contains { $0.message.contains(reason) } }
            let noClinician: HTML =
                linked
                ? ""
                : "<p>No clinician is linked with you on Liftback yet. Please see a doctor or physiotherapist about these symptoms; if yours uses Liftback, <a href=\"/join\">join them with their code</a> so that they can review them here and the plan can carry on.</p>"
            let mistake: HTML =
                linked
                ? "<details><summary>Ticked by mistake?</summary><p>That happens. Let your clinician know: once they have checked with you, they clear it here and your plan carries on from where it was. Nothing you logged is lost.</p></details>"
                : "<details><summary>Ticked by mistake?</summary><p>That happens. A clinician who has checked with you can clear it; once you join yours here, they can do it in a minute. Nothing you logged is lost.</p></details>"
            return """
                <h1>Your plan is paused</h1>
                \(alerts)
                \(Layout.emergencyCall(p.disposition, number: emergencyNumber))
                \(unsaid.isEmpty ? "" : HTML("<ul>\(unsaid.html { "<li>\($0)</li>" })</ul>"))
                \(noClinician)
                \(mistake)
                \(p.exercises.isEmpty ? "" : HTML("<h2>Gentle movement in the meantime</h2>\(p.exercises.filter { $0.decision != .stop }.html(card))"))
                <p><a href="/check-in">Tell us how you are today</a></p>
                """
        }
        let nudge: HTML =
            awaiting.map {
                "<div class=\"alert\"><p>How did your back feel after the session on \($0.workout.date)? <a href=\"/check-in\">Answer the next-day question</a>: it decides the next step.</p></div>"
            } ?? ""
        let done: HTML =
            day.doneToday
            ? "<div class=\"card done\" role=\"status\"><h2>Today's session is logged</h2><p>Well done. Rest and let your back recover; the plan below is for your next session.</p></div>"
            : ""
        let missed: HTML =
            !day.doneToday
            ? day.missed.map {
                "<p class=\"missed\">You missed \($0.day.weekdayName)'s session (\($0.kind.title.lowercased())). No need to catch up: today's plan simply carries on.</p>"
            } ?? "" : ""
        return """
            <h1>\(p.phase.title)</h1>
            <p>\(p.phase.purpose(settings: settings))</p>
            <details><summary>Why this phase</summary><ul>\(p.phaseReasons.html { "<li>\($0)</li>" })</ul><p class="muted">\(p.expectedTimeline)</p></details>
            \(done)
            \(missed)
            \(nudge)
            \(alerts)
            <h2>\(day.doneToday ? "Next time: \(p.session.title)" : "\(p.session.title) · \(p.asOf)")</h2>
            \(p.changes.isEmpty ? "" : HTML("<section class=\"card changes\" aria-labelledby=\"changes-title\"><h3 id=\"changes-title\">What changed since last time</h3><ul>\(p.changes.html { "<li>\($0)</li>" })</ul></section>"))
            \(p.exercises.html(card))
            <p><a class="button" href="/log">\(day.doneToday ? "Log another session" : "Log this session")</a></p>
            <h2>Every day</h2>
            \(p.dailyRoutine.html(card))
            <h2>Good to know</h2>
            <div class="cards">\(p.educationCards.html { "<div class=\"card\"><h3>\($0.title)</h3><p>\($0.text)</p></div>" })</div>
            <ul class="muted">\(p.advice.html { "<li>\($0)</li>" })</ul>
            <p class="muted">\(p.notes.joined(separator: " "))</p>
            """
    }

    static func dose(_ line: PrescribedExercise) -> String { line.describe(times: "×") }

    /// What goes on each side of the bar, from the person's bar and plates (or a usual gym's).
    static func plates(_ line: PrescribedExercise, catalog: Catalog, equipment: EquipmentAtHand?) -> String? {
        guard let weight = line.weight, let unit = line.unit, let exercise = catalog[line.exercise],
            let loading = PlateMath.loading(total: weight, equipment: exercise.equipment, at: equipment, unit: unit)
        else { return nil }
        let bar = "\(formatWeight(loading.bar)) \(unit.rawValue) bar"
        let side =
            loading.perSide.isEmpty
            ? "the empty \(bar)" : "per side " + loading.perSide.map(formatWeight).joined(separator: " + ") + " on the \(bar)"
        return abs(loading.total - weight) < 1e-6
            ? side.prefix(1).uppercased() + side.dropFirst()
            : "Your plates make \(formatWeight(loading.total)) \(unit.rawValue) at the nearest below: \(side)."
    }

    static func card(_ line: PrescribedExercise, catalog: Catalog, equipment: EquipmentAtHand?) -> HTML {
        """
        <article class="card"\(Timers.attributes(line))>
        <h3>\(line.name) <span class="badge \(line.decision.rawValue)">\(label(line.decision))</span></h3>
        <p class="dose">\(dose(line))</p>
        \(plates(line, catalog: catalog, equipment: equipment).map { HTML("<p class=\"muted\">\($0)</p>") })
        \(line.reasons.html { "<p class=\"why\">\($0)</p>" })
        \(catalog[line.exercise].map(FigureView.details) ?? HTML("<p class=\"muted\">\(line.cue)</p>"))
        </article>
        """
    }

    static func label(_ decision: Decision) -> String {
        switch decision {
        case .start: "new"
        case .progress: "step up"
        case .hold: "same again"
        case .regress: "step back"
        case .stop: "paused"
        }
    }
}
