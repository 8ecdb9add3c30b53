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

    var action: String { "/patients/\(patient.id)" }
    var currentCase: Case { data.asCase(asOf: prescription.asOf) }

    var page: HTML {
        let status = CaseStatus(prescription).rawValue
        return """
            <h1>\(patient.name)</h1>
            <p><span class="badge \(status)">\(status)</span> \(prescription.phase.title) since \(prescription.phaseSince) · \
            policy \(data.settings.policy.rawValue) · \(data.intake.pattern.summary)</p>
            \(confirmForm)
            \(prescription.alerts.html { "<div class=\"alert \($0.id.rawValue)\"><p>\($0.forClinician)</p></div>" })
            <h2>Next session (\(prescription.asOf))</h2>
            \(nextSession)
            \(clearForm)
            <h2>Change the plan</h2>
            <div class="cards">
            \(policyForm)
            \(phaseForm)
            \(swapForm)
            \(undoSwapForms)
            \(loadForm)
            \(noteForm)
            </div>
            <h2>Progress</h2>
            \(ProgressView.charts(progress, settings: engine.settings))
            <h2>Timeline</h2>
            <table><thead><tr><th>Date</th><th>What</th><th>Details</th></tr></thead><tbody>\(timeline)</tbody></table>
            \(accountForm)
            """
    }

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

    var nextSession: HTML {
        let rows = prescription.exercises.html { line in
            """
            <tr><td>\(line.name)</td><td>\(PrescriptionView.dose(line))</td>
            <td><span class="badge \(line.decision.rawValue)">\(line.decision.rawValue)</span> <code>\(line.rule.rawValue)</code></td>
            <td>\(line.reasons.joined(separator: " "))</td></tr>
            """
        }
        return """
            <table><thead><tr><th>Exercise</th><th>Dose</th><th>Decision</th><th>Why</th></tr></thead><tbody>
            \(rows)
            </tbody></table>
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

    var clearForm: HTML {
        let openFlags = currentCase.openFlags
        guard !openFlags.isEmpty else { return "" }
        let options = openFlags.html { "<option value=\"\($0.rawValue)\">\($0.rawValue): \($0.meaning)</option>" }
        return """
            <form method="post" action="\(action)/clear" class="card">\(csrf)
            <h2>Clear a reviewed flag</h2>
            <label>Flag<select name="flag">\(options)</select></label>
            <button>Mark as reviewed and cleared today</button>
            </form>
            """
    }

    var policyForm: HTML {
        let limit = engine.settings.acceptablePainMax
        return changeForm(
            "policy",
            """
            <label>Progression policy<select name="policy">\
            <option value="pain-monitoring">Pain monitoring (up to \(limit)/10, settled next morning)</option>\
            <option value="pain-free">Pain-free only</option></select></label>
            """, button: "Set policy")
    }

    var phaseForm: HTML {
        let options = Phase.allCases.html { "<option value=\"\($0.rawValue)\">\($0.title)</option>" }
        return changeForm(
            "phase",
            "<label>Phase<select name=\"phase\">\(options)</select></label>\(Layout.field("Note (optional)", name: "note"))",
            button: "Set phase from today")
    }

    /// Swaps offered for what the plan prescribes now, each along its ladder or among its swaps.
    var swapForm: HTML {
        let swappable = (prescription.exercises + prescription.dailyRoutine).map(\.exercise).filter {
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
            "<label>Swap, along its ladder or for a back-friendly alternative<select name=\"swap\">\(groups)</select></label>",
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

    var loadForm: HTML {
        let options = engine.catalog.exercises.html { "<option value=\"\($0.id.rawValue)\">\($0.name)</option>" }
        let weight = Layout.field(
            "Weight (\(data.settings.unit.rawValue))", name: "weight", type: "number", extra: "step=\"any\" min=\"0\" required")
        return changeForm(
            "load", "<label>Exercise<select name=\"exercise\">\(options)</select></label>\(weight)", button: "Set the next load")
    }

    var noteForm: HTML {
        changeForm(
            "note", Layout.field("Note for the patient", name: "note", extra: "required maxlength=\"\(InputLimits.noteLength)\""),
            button: "Add note")
    }

    /// Every entry of the case, newest first: sessions, check-ins, overrides and clearances.
    var timeline: HTML {
        var rows: [(Day, Int, HTML)] = []
        func flags(_ flags: [RedFlag]) -> String {
            flags.isEmpty ? "" : "· flags: " + flags.map(\.rawValue).joined(separator: ", ")
        }
        for stored in data.workouts {
            let w = stored.workout
            let lifts = w.exercises.map { e in
                "\(engine.catalog[e.exercise]?.name ?? "Exercise") \(e.sets.compactMap(\.weight).max().map { formatWeight($0) } ?? "")"
                    .trimmingCharacters(in: .whitespaces)
            }
            let pain = "pain \(w.peakPainDuring.map(String.init) ?? "-")/10 during, \(w.painAfter.map(String.init) ?? "-") after"
            let details =
                "\(pain), next day \(w.nextDay?.rawValue ?? "not answered") \(flags(w.flags)) · \(lifts.joined(separator: ", "))"
            rows.append((w.date, 0, "<tr><td>\(w.date)</td><td>Session</td><td>\(details)</td></tr>"))
        }
        for checkIn in data.checkIns {
            let details = "pain \(checkIn.pain)/10 \(flags(checkIn.flags))"
            rows.append((checkIn.date, 1, "<tr><td>\(checkIn.date)</td><td>Check-in</td><td>\(details)</td></tr>"))
        }
        for o in data.overrides {
            let parts: [String?] = [
                o.kind.rawValue, o.phase?.rawValue, o.exercise?.rawValue, o.replacement?.rawValue, o.weight.map(formatWeight),
                o.note,
            ]
            let details = parts.map { $0 ?? "" }.joined(separator: " ")
            rows.append(
                (o.date, 2, "<tr><td>\(o.date)</td><td>Override by \(o.by ?? "clinician")</td><td>\(details)</td></tr>"))
        }
        for clearance in data.clearances {
            let details = "\(clearance.flag.rawValue) by \(clearance.by ?? "clinician")"
            rows.append((clearance.date, 3, "<tr><td>\(clearance.date)</td><td>Flag cleared</td><td>\(details)</td></tr>"))
        }
        return rows.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.html(\.2)
    }
}
