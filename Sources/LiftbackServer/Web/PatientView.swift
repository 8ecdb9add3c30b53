import LiftbackApp
import LiftbackCore

/// The clinician's page for one patient, in parts: the summary, the next session and its reasons,
/// the forms that change the plan, progress charts and the timeline. `ClinicianPages` reads the
/// request and the services; this only renders what it is given.
struct PatientView {
    var patient: Account
    var data: CaseData
    var prescription: Prescription
    var progress: ProgressSummary
    /// The CSRF field every form carries.
    var csrf: HTML
    var engine: Engine
    /// A load waiting for the clinician's confirmation, with what it would jump by.
    var pending: (override: Override, jump: LoadJump)?
    /// A one-time password link just made for the patient: the address to give them and when it ends.
    var resetLink: (url: String, until: String)?
    /// How long a password link holds, in hours.
    var resetLinkHours: Int
    /// Every exercise of the plan this phase (`Engine.planExercises`), for swaps and loads.
    var plan: [ExerciseID]
    /// The plan's versions, newest first (`Engine.planVersions`).
    var versions: [PlanVersion] = []
    /// A load form the services refused: what was typed and why.
    var refusedLoad: RefusedLoad? = nil

    struct RefusedLoad {
        var exercise: String?
        var weight: String
        var message: String
    }

    var action: String { "/patients/\(patient.id)" }
    var currentCase: Case { data.asCase(asOf: prescription.asOf) }

    var page: HTML {
        let policy = data.settings.policy.title(engine.settings)
        return """
            <h1>\(patient.name)</h1>
            <p>\(CaseloadView.badge(CaseStatus(prescription), prescription.disposition)) \(prescription.phase.title) since \
            \(prescription.phaseSince) · \(policy) · \(data.intake.pattern.summary)</p>
            <p><a href="/patients/\(patient.id)/report">Printable report</a> <span class="muted">(one page, for a referral letter or the record)</span></p>
            \(confirmForm)
            \(prescription.alerts.html { "<div class=\"alert \($0.id.rawValue)\"><p>\($0.forClinician)</p></div>" })
            \(clearForm)
            <h2>Next session (\(prescription.asOf))</h2>
            \(nextSession)
            \(versionList)
            <h2>Change the plan</h2>
            <div class="cards">
            \(policyForm)
            \(phaseForm)
            \(swapForm)
            \(undoSwapForms)
            \(loadForm)
            \(noteForm)
            \(screenForm)
            </div>
            <h2>At the start</h2>
            \(intakeSummary)
            <h2>Progress</h2>
            \(ProgressView.charts(progress, settings: engine.settings, forClinician: true))
            <h2>Timeline</h2>
            <table><thead><tr><th>Date</th><th>What</th><th>Details</th></tr></thead><tbody>\(timeline)</tbody></table>
            \(accountForm)
            """
    }

    /// Every version of the plan in the last weeks, newest first, each a diff: what it was, what it
    /// became, who changed it (the engine, after which session, or the clinician) and why.
    var versionList: HTML {
        guard !versions.isEmpty else { return "" }
        let items = versions.html { version in
            let who: String =
                switch version.author {
                case .clinician(let name): "by \(name)"
                case .engine(let session?): "by Liftback, after the session of \(session)"
                case .engine(nil): "by Liftback"
                }
            let rows = version.lines.html { line in
                "<tr><td>\(line.what)</td><td>\(line.before.map { HTML("<del>\($0)</del>") } ?? HTML("<span class=\"muted\">new</span>"))</td><td><ins>\(line.after)</ins></td><td>\(line.why ?? "")</td></tr>"
            }
            return """
                <li><h3>\(version.day) · \(who)</h3>
                <table class="compact"><thead><tr><th>What</th><th>Was</th><th>Became</th><th>Why</th></tr></thead><tbody>\(rows)</tbody></table></li>
                """
        }
        return """
            <details class="versions"><summary><h2>Plan versions (last \(CaseService.versionWeeks) weeks)</h2></summary>
            <ol class="versions">\(items)</ol></details>
            """
    }

    /// Why a change was made, kept with it in the plan's versions (the person does not see it).
    static var why: HTML {
        Layout.field(
            "Why (optional, kept with the plan's versions)", name: "note", extra: "maxlength=\"\(InputLimits.noteLength)\"")
    }

    /// The next session as the engine decided it: the decision and the rule in words, and why,
    /// written to the clinician (dates and numbers, not the person's "you").
    var nextSession: HTML {
        guard !prescription.exercises.isEmpty else {
            return prescription.disposition.stopsLoading
                ? "<p>No session while the plan is paused; the alerts above say why.</p>" : "<p>A rest day: nothing to do.</p>"
        }
        let rows = prescription.exercises.html { line in
            """
            <tr><td>\(line.name)</td><td>\(PrescriptionView.dose(line))</td>
            <td><span class="badge \(line.decision.rawValue)">\(line.decision.title)</span></td>
            <td>\(line.forClinician ?? line.rule.title)</td></tr>
            """
        }
        return """
            <table><thead><tr><th>Exercise</th><th>Dose</th><th>Decision</th><th>Why</th></tr></thead><tbody>
            \(rows)
            </tbody></table>
            """
    }

    /// What the person said at the intake: pain, flags, avoided movements and the weights they
    /// lifted before, which the plan's starting loads come from.
    var intakeSummary: HTML {
        let intake = data.intake
        let unit = data.settings.unit
        let weights = intake.previousWorkingWeights.html { w in
            "<li>\(engine.catalog[w.exercise]?.name ?? "An exercise no longer in the catalogue"): \(formatWeight(w.weight)) \((w.unit ?? unit).rawValue) × \(w.reps)</li>"
        }
        let facts: [String] = [
            "Intake on \(intake.date)" + (intake.pain.map { ", pain \($0)/10" } ?? "")
                + (intake.onset.map { ", \($0.summary)" } ?? ""),
            intake.flags.isEmpty ? "No flags ticked" : "Flags: " + intake.flags.map(\.plainName).joined(separator: ", "),
            intake.avoids.isEmpty
                ? "Avoids no movement in particular"
                : "Avoids: " + intake.avoids.map { $0.title.lowercased() }.joined(separator: ", "),
        ]
        return """
            <ul>\(facts.html { "<li>\($0)</li>" })</ul>
            \(intake.previousWorkingWeights.isEmpty ? HTML("<p>No previous working weights given.</p>") : HTML("<p>Previous working weights:</p><ul>\(weights)</ul>"))
            """
    }

    /// A form posting one kind of change to the plan.
    func changeForm(_ kind: String, _ fields: HTML, button: String, alert: Bool = false) -> HTML {
        let attributes: HTML = alert ? "class=\"card alert\" id=\"confirm-load\"" : "class=\"card\""
        return """
            <form method="post" action="\(action)/override" \(attributes)>\(csrf)
            <input type="hidden" name="kind" value="\(kind)">
            \(fields)
            <button>\(button)</button></form>
            """
    }

    /// A load more than one step above what the person last lifted is kept only once confirmed.
    var confirmForm: HTML {
        guard let (override, jump) = pending else { return "" }
        let name = engine.catalog[override.exercise ?? ""]?.name ?? ""
        return changeForm(
            "load",
            """
            <input type="hidden" name="exercise" value="\(override.exercise?.rawValue ?? "")">
            <input type="hidden" name="weight" value="\(formatWeight(jump.to))"><input type="hidden" name="confirm" value="1">
            <h2>Check this load</h2><p>\(jump.message)</p>
            """, button: "Keep \(formatWeight(jump.to)) \(jump.unit.rawValue) for \(name)", alert: true)
    }

    /// Clearing a flag is a clinical decision: it asks for the outcome of the review, and for a tick
    /// that says the review took place, before loading resumes.
    var clearForm: HTML {
        let openFlags = currentCase.openFlags
        guard !openFlags.isEmpty else { return "" }
        let options = openFlags.html { "<option value=\"\($0.rawValue)\">\($0.label): \($0.meaning)</option>" }
        return """
            <form method="post" action="\(action)/clear" class="card">\(csrf)
            <h2>Clear a reviewed flag</h2>
            <label>Flag<select name="flag">\(options)</select></label>
            \(Layout.field("Outcome of the review (the person sees it)", name: "note", extra: "required maxlength=\"\(InputLimits.noteLength)\""))
            <label class="check"><input type="checkbox" name="reviewed" value="1" required> I have reviewed this \
            with the person, and loading may resume</label>
            <button>Clear the flag</button>
            </form>
            """
    }

    /// A select's options with the current value chosen.
    func options<T: RawRepresentable<String>>(_ values: [T], current: T, title: (T) -> String) -> HTML {
        values.html { value in
            "<option value=\"\(value.rawValue)\"\(value.rawValue == current.rawValue ? HTML(" selected") : "")>\(title(value))</option>"
        }
    }

    var policyForm: HTML {
        let choices = options(ProgressionPolicy.allCases, current: data.settings.policy) { $0.title(engine.settings) }
        return changeForm(
            "policy", "<label>Progression policy<select name=\"policy\">\(choices)</select></label>", button: "Set policy")
    }

    var phaseForm: HTML {
        let choices = options(Phase.allCases, current: prescription.phase) { $0.title }
        return changeForm(
            "phase",
            "<label>Phase<select name=\"phase\">\(choices)</select></label>\(Self.why)",
            button: "Set phase from today")
    }

    /// Swaps offered for every exercise of the plan, each along its ladder or among its swaps.
    var swapForm: HTML {
        let swappable = (plan + prescription.dailyRoutine.map(\.exercise).filter { !plan.contains($0) }).filter {
            !engine.catalog.swapOptions(for: $0).isEmpty
        }
        guard !swappable.isEmpty else { return "" }
        let groups = swappable.html { id in
            let options = engine.catalog.swapOptions(for: id).html {
                "<option value=\"\(id.rawValue)>\($0.rawValue)\">\(engine.catalog[$0]?.name ?? $0.rawValue)</option>"
            }
            return "<optgroup label=\"\(engine.catalog[id]?.name ?? id.rawValue)\">\(options)</optgroup>"
        }
        return changeForm(
            "swap",
            "<label>Swap, along its ladder or for a back-friendly alternative<select name=\"swap\">\(groups)</select></label>\(Self.why)",
            button: "Swap from today")
    }

    var undoSwapForms: HTML {
        engine.latestSwaps(currentCase).sorted { $0.key.rawValue < $1.key.rawValue }.html { from, to in
            let original = engine.catalog[from]?.name ?? from.rawValue
            return changeForm(
                "swap",
                """
                <input type="hidden" name="swap" value="\(from.rawValue)>\(from.rawValue)">
                <p>\(engine.catalog[to]?.name ?? to.rawValue) stands in for \(original).</p>
                """, button: "Undo: back to \(original)")
        }
    }

    /// The next load, for a loaded exercise of the plan this phase.
    var loadForm: HTML {
        let loaded = plan.compactMap { engine.catalog[$0] }.filter(\.loaded)
        guard !loaded.isEmpty else { return "" }
        let options = loaded.html {
            "<option value=\"\($0.id.rawValue)\"\(refusedLoad?.exercise == $0.id.rawValue ? HTML(" selected") : "")>\($0.name)</option>"
        }
        let weight = Layout.field(
            "Weight (\(data.settings.unit.rawValue))", name: "weight", type: "number", value: refusedLoad?.weight ?? "",
            extra: "step=\"any\" min=\"0\" required", error: refusedLoad?.message)
        return changeForm(
            "load", "<label>Exercise<select name=\"exercise\">\(options)</select></label>\(weight)\(Self.why)",
            button: "Set the next load")
    }

    /// The four-part movement screen before loads near the previous working weight (seed 001),
    /// as the clinician watched it today: each part ticked when it went without symptoms.
    var screenForm: HTML {
        let parts = MovementScreen.parts.html { part in
            "<label class=\"check\"><input type=\"checkbox\" name=\"\(part.field)\" value=\"1\"> \(part.title)</label>"
        }
        return """
            <form method="post" action="\(action)/screen" class="card">\(csrf)
            <h3>Movement screen, watched today</h3>
            <p class="muted">Tick each part that went without symptoms. All four pass the screen.</p>
            \(parts)
            <button>Record the screen</button></form>
            """
    }

    var noteForm: HTML {
        changeForm(
            "note", Layout.field("Note for the patient", name: "note", extra: "required maxlength=\"\(InputLimits.noteLength)\""),
            button: "Add note")
    }

    /// Every entry of the case, newest first, in words and units: sessions, check-ins, overrides
    /// and clearances.
    var timeline: HTML {
        let unit = data.settings.unit.rawValue
        var rows: [(Day, Int, HTML)] = []
        func flags(_ flags: [RedFlag]) -> String {
            flags.isEmpty ? "" : " · reported: " + flags.map(\.plainName).joined(separator: ", ")
        }
        func pain(_ value: Int?) -> String { value.map { "\($0)/10" } ?? "not given" }
        func name(_ id: ExerciseID?) -> String { id.map { engine.catalog[$0]?.name ?? $0.rawValue } ?? "" }
        for stored in data.workouts {
            let w = stored.workout
            let lifts = w.exercises.map { e in
                name(e.exercise) + (e.sets.compactMap(\.weight).max().map { " \(formatWeight($0)) \(unit)" } ?? "")
            }
            let details =
                "Pain \(pain(w.peakPainDuring)) during, \(pain(w.painAfter)) after; next day \(w.nextDay?.title ?? "not answered")"
                + (w.stoppedEarly == true ? "; stopped early" : "") + flags(w.flags) + " · " + lifts.joined(separator: ", ")
            rows.append((w.date, 0, "<tr><td>\(w.date)</td><td>Session</td><td>\(details)</td></tr>"))
        }
        for checkIn in data.checkIns {
            let details = "Pain \(checkIn.pain)/10\(flags(checkIn.flags))"
            rows.append((checkIn.date, 1, "<tr><td>\(checkIn.date)</td><td>Check-in</td><td>\(details)</td></tr>"))
        }
        for o in data.overrides {
            let details: String =
                switch o.kind {
                case .phase: "Phase set to \(o.phase?.title ?? "")"
                case .swap: "\(name(o.exercise)) swapped for \(name(o.replacement))"
                case .load: "Next load of \(name(o.exercise)) set to \(o.weight.map { "\(formatWeight($0)) \(unit)" } ?? "")"
                case .note: "Note"
                }
            let note = o.note.map { o.kind == .note ? ": \($0)" : " (\($0))" } ?? ""
            rows.append(
                (
                    o.date, 2,
                    "<tr><td>\(o.date)</td><td>Plan change by \(o.by ?? "a clinician")</td><td>\(details)\(note)</td></tr>"
                ))
        }
        for clearance in data.clearances {
            let details =
                "\(clearance.flag.label), cleared by \(clearance.by ?? "a clinician")" + (clearance.note.map { ": \($0)" } ?? "")
            rows.append((clearance.date, 3, "<tr><td>\(clearance.date)</td><td>Flag reviewed</td><td>\(details)</td></tr>"))
        }
        return rows.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.html(\.2)
    }
}

extension PatientView {
    /// A forgotten password: a one-time link the clinician gives the person themselves.
    var accountForm: HTML {
        let made: HTML =
            resetLink.map { link in
                """
                <div class="card alert" id="reset-link"><p>Give \(patient.name) this link yourself, in person or by a \
                message you trust. It works once, until \(link.until).</p><p><code class="link">\(link.url)</code></p></div>
                """
            } ?? ""
        return """
            <h2>Their account</h2>
            \(made)
            <form method="post" action="\(action)/reset-link" class="card">\(csrf)
            <p>If \(patient.name) forgot their password, make a link for them to set a new one. It works once, within \
            \(resetLinkHours) hours, and their record shows that you made it.</p>
            <button>Make a password link</button></form>
            """
    }
}
