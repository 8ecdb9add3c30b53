import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// The clinician's pages: the caseload (most urgent first), a patient's page with timeline, charts
/// and questionnaires, and the overrides the engine then takes as input.
struct ClinicianPages {
    let web: WebController

    func register(_ router: Router<AppContext>) {
        router.get("caseload") { _, context in try await caseload(context) }
        router.post("caseload/invite") { request, context in try await invite(request, context) }
        router.get("patients/:id") { _, context in try await patient(context) }
        router.post("patients/:id/override") { request, context in try await override(request, context) }
        router.post("patients/:id/clear") { request, context in try await clear(request, context) }
    }

    struct Row {
        var account: Account
        var status: CaseStatus
        var reason: String
        var phase: Phase?
    }

    func rows(_ clinician: Account) async throws -> [Row] {
        try await web.services.caseload.entries(clinicianID: clinician.id, asOf: web.today()).map {
            Row(account: $0.account, status: $0.status, reason: $0.reason, phase: $0.phase)
        }
    }

    func caseload(_ context: AppContext, code: String? = nil) async throws -> Response {
        let clinician = try web.signedIn(context, role: .clinician)
        let rows = try await rows(clinician)
        let table = rows.html { row in
            """
            <tr><td><a href="/patients/\(row.account.id)">\(row.account.name)</a></td>
            <td><span class="badge \(row.status.rawValue)">\(row.status.rawValue)</span></td>
            <td>\(row.phase?.title ?? "")</td><td>\(row.reason)</td></tr>
            """
        }
        return web.render(
            "Caseload", context, wide: true,
            """
            <h1>Caseload</h1>
            \(code.map { HTML("<p class=\"flash\" role=\"status\">Invite code: <strong class=\"invite-code\">\($0)</strong>. Give it to your patient; they enter it under Join.</p>") })
            <form method="post" action="/caseload/invite">\(Layout.csrfField(WebSession.csrf(for: context)))<button>Create an invite code</button></form>
            \(rows.isEmpty ? "<p>No patients yet. Create an invite code and give it to a patient.</p>" : HTML("<table class=\"caseload\"><thead><tr><th>Patient</th><th>Status</th><th>Phase</th><th>Last decision and why</th></tr></thead><tbody>\(table)</tbody></table>"))
            """)
    }

    func invite(_ request: Request, _ context: AppContext) async throws -> Response {
        let clinician = try web.signedIn(context, role: .clinician)
        _ = try await WebSession.checkedForm(request, context)
        return try await caseload(context, code: try await web.services.accounts.createInvite(clinician: clinician))
    }

    /// The patient, if linked to this clinician; 404 otherwise.
    func linkedPatient(_ context: AppContext) async throws -> (clinician: Account, patient: Account) {
        let clinician = try web.signedIn(context, role: .clinician)
        let patient = try await web.services.access.linkedPatient(clinician, try context.parameters.require("id"))
        return (clinician, patient)
    }

    func patient(_ context: AppContext, flash: String? = nil, confirm pending: (Override, LoadJump)? = nil) async throws
        -> Response
    {
        let (_, patient) = try await linkedPatient(context)
        guard let (data, prescription) = try await web.cases.prescription(patient.id) else {
            return web.render(patient.name, context, wide: true, "<h1>\(patient.name)</h1><p>The intake is not done yet.</p>")
        }
        let c = data.asCase(asOf: prescription.asOf)
        let questionnaires = try await web.cases.questionnaires(patient.id)
        let csrf = Layout.csrfField(WebSession.csrf(for: context))
        let action = "/patients/\(patient.id)"
        let timeline = timelineRows(data)
        let openFlags = c.openFlags
        let clearForm: HTML =
            openFlags.isEmpty
            ? ""
            : """
            <form method="post" action="\(action)/clear" class="card">\(csrf)
            <h2>Clear a reviewed flag</h2>
            <label>Flag<select name="flag">\(openFlags.html { "<option value=\"\($0.rawValue)\">\($0.rawValue): \($0.meaning)</option>" })</select></label>
            <button>Mark as reviewed and cleared today</button>
            </form>
            """
        let exerciseOptions = Catalog.standard.exercises.html { "<option value=\"\($0.id.rawValue)\">\($0.name)</option>" }
        // Swaps offered for what the plan prescribes now, each along its ladder or among its swaps.
        let swappable = (prescription.exercises + prescription.dailyRoutine).map(\.exercise).filter {
            !Catalog.standard.swapOptions(for: $0).isEmpty
        }
        let swapOptions = swappable.html { id in
            """
            <optgroup label="\(Catalog.standard[id]?.name ?? id.rawValue)">\(Catalog.standard.swapOptions(for: id).html { "<option value=\"\(id.rawValue)>\($0.rawValue)\">\(Catalog.standard[$0]?.name ?? $0.rawValue)</option>" })</optgroup>
            """
        }
        // A load more than one step above what the person last lifted is kept only once confirmed.
        let confirmForm: HTML =
            pending.map { override, jump in
                """
                <form method="post" action="\(action)/override" class="card alert" id="confirm-load">\(csrf)
                <input type="hidden" name="kind" value="load"><input type="hidden" name="exercise" value="\(override.exercise?.rawValue ?? "")">
                <input type="hidden" name="weight" value="\(formatWeight(jump.to))"><input type="hidden" name="confirm" value="1">
                <h2>Check this load</h2><p>\(jump.message)</p>
                <button>Keep \(formatWeight(jump.to)) \(jump.unit.rawValue) for \(Catalog.standard[override.exercise ?? ""]?.name ?? "")</button>
                </form>
                """
            } ?? ""
        return web.render(
            patient.name, context, flash: flash, wide: true,
            """
            <h1>\(patient.name)</h1>
            <p><span class="badge \(CaseStatus(prescription).rawValue)">\(CaseStatus(prescription).rawValue)</span> \(prescription.phase.title) since \(prescription.phaseSince) · policy \(data.settings.policy.rawValue) · \(data.intake.pattern.summary)</p>
            \(confirmForm)
            \(prescription.alerts.html { "<div class=\"alert \($0.id.rawValue)\"><p>\($0.forClinician)</p></div>" })
            <h2>Next session (\(prescription.asOf))</h2>
            <table><thead><tr><th>Exercise</th><th>Dose</th><th>Decision</th><th>Why</th></tr></thead><tbody>
            \(prescription.exercises.html { "<tr><td>\($0.name)</td><td>\(PrescriptionView.dose($0))</td><td><span class=\"badge \($0.decision.rawValue)\">\($0.decision.rawValue)</span> <code>\($0.rule.rawValue)</code></td><td>\($0.reasons.joined(separator: " "))</td></tr>" })
            </tbody></table>
            \(clearForm)
            <h2>Change the plan</h2>
            <div class="cards">
            <form method="post" action="\(action)/override" class="card">\(csrf)<input type="hidden" name="kind" value="policy">
            <label>Progression policy<select name="policy"><option value="pain-monitoring">Pain monitoring (up to \(web.engine.settings.acceptablePainMax)/10, settled next morning)</option><option value="pain-free">Pain-free only</option></select></label>
            <button>Set policy</button></form>
            <form method="post" action="\(action)/override" class="card">\(csrf)<input type="hidden" name="kind" value="phase">
            <label>Phase<select name="phase">\(Phase.allCases.html { "<option value=\"\($0.rawValue)\">\($0.title)</option>" })</select></label>
            \(Layout.field("Note (optional)", name: "note"))
            <button>Set phase from today</button></form>
            \(swappable.isEmpty ? "" : HTML("""
            <form method="post" action="\(action)/override" class="card">\(csrf)<input type="hidden" name="kind" value="swap">
            <label>Swap, along its ladder or for a back-friendly alternative<select name="swap">\(swapOptions)</select></label>
            <button>Swap from today</button></form>
            """))
            \(web.engine.latestSwaps(c).sorted { $0.key.rawValue < $1.key.rawValue }.html { from, to in
                """
                <form method="post" action="\(action)/override" class="card">\(csrf)<input type="hidden" name="kind" value="swap">
                <input type="hidden" name="swap" value="\(from.rawValue)>\(from.rawValue)">
                <p>\(Catalog.standard[to]?.name ?? to.rawValue) stands in for \(Catalog.standard[from]?.name ?? from.rawValue).</p>
                <button>Undo: back to \(Catalog.standard[from]?.name ?? from.rawValue)</button></form>
                """
            })
            <form method="post" action="\(action)/override" class="card">\(csrf)<input type="hidden" name="kind" value="load">
            <label>Exercise<select name="exercise">\(exerciseOptions)</select></label>
            \(Layout.field("Weight (\(data.settings.unit.rawValue))", name: "weight", type: "number", extra: "step=\"any\" min=\"0\" required"))
            <button>Set the next load</button></form>
            <form method="post" action="\(action)/override" class="card">\(csrf)<input type="hidden" name="kind" value="note">
            \(Layout.field("Note for the patient", name: "note", extra: "required maxlength=\"500\""))
            <button>Add note</button></form>
            </div>
            <h2>Progress</h2>
            \(ProgressView.charts(data, questionnaires: questionnaires))
            <h2>Timeline</h2>
            <table><thead><tr><th>Date</th><th>What</th><th>Details</th></tr></thead><tbody>\(timeline)</tbody></table>
            """)
    }

    func timelineRows(_ data: CaseData) -> HTML {
        var rows: [(Day, Int, HTML)] = []
        for stored in data.workouts {
            let w = stored.workout
            let lifts = w.exercises.map { e in
                "\(e.exercise) \(e.sets.compactMap(\.weight).max().map { formatWeight($0) } ?? "")".trimmingCharacters(
                    in: .whitespaces)
            }
            rows.append(
                (
                    w.date, 0,
                    "<tr><td>\(w.date)</td><td>Session</td><td>pain \(w.painDuring.map(String.init) ?? "-")/10 during, \(w.painAfter.map(String.init) ?? "-") after, next day \(w.nextDay?.rawValue ?? "not answered") \(w.flags.isEmpty ? "" : "· flags: " + w.flags.map(\.rawValue).joined(separator: ", ")) · \(lifts.joined(separator: ", "))</td></tr>"
                ))
        }
        for checkIn in data.checkIns {
            rows.append(
                (
                    checkIn.date, 1,
                    "<tr><td>\(checkIn.date)</td><td>Check-in</td><td>pain \(checkIn.pain)/10 \(checkIn.flags.isEmpty ? "" : "· flags: " + checkIn.flags.map(\.rawValue).joined(separator: ", "))</td></tr>"
                ))
        }
        for override in data.overrides {
            rows.append(
                (
                    override.date, 2,
                    "<tr><td>\(override.date)</td><td>Override by \(override.by ?? "clinician")</td><td>\(override.kind.rawValue) \(override.phase?.rawValue ?? "") \(override.exercise?.rawValue ?? "") \(override.replacement?.rawValue ?? "") \(override.weight.map(formatWeight) ?? "") \(override.note ?? "")</td></tr>"
                ))
        }
        for clearance in data.clearances {
            rows.append(
                (
                    clearance.date, 3,
                    "<tr><td>\(clearance.date)</td><td>Flag cleared</td><td>\(clearance.flag.rawValue) by \(clearance.by ?? "clinician")</td></tr>"
                ))
        }
        return rows.sorted { ($0.0, $0.1) > ($1.0, $1.1) }.html(\.2)
    }

    func override(_ request: Request, _ context: AppContext) async throws -> Response {
        let (clinician, patient) = try await linkedPatient(context)
        let form = try await WebSession.checkedForm(request, context)
        let kind = form["kind"] ?? ""
        if kind == "policy" {
            let current = try await web.cases.requireCase(patient.id).settings.policy
            let policy = ProgressionPolicy(rawValue: form["policy"] ?? "") ?? current
            try await web.cases.setPolicy(policy, by: clinician, patientID: patient.id)
            return try await self.patient(context, flash: "Policy set to \(policy.rawValue).")
        }
        guard let overrideKind = Override.Kind(rawValue: kind) else {
            throw APIError(.badRequest, "unknown change", field: "kind")
        }
        // A swap arrives as one choice, "from>to".
        let swap = form.text("swap")?.split(separator: ">").map { ExerciseID(String($0)) }
        let override = Override(
            kind: overrideKind, date: web.today(), phase: form.text("phase").flatMap(Phase.init(rawValue:)),
            exercise: swap?.first ?? form.text("exercise").map { ExerciseID($0) },
            replacement: swap.flatMap { $0.count == 2 ? $0[1] : nil } ?? form.text("replacement").map { ExerciseID($0) },
            weight: form.double("weight"), note: form.text("note").map { String($0.prefix(500)) })
        do {
            try await web.cases.addOverride(override, by: clinician, confirmed: form["confirm"] != nil, patientID: patient.id)
        } catch AppError.loadNeedsConfirmation(let jump) {
            return try await self.patient(
                context, flash: "Not saved yet: please check the load below.", confirm: (override, jump))
        } catch let error as CaseError {
            return try await self.patient(context, flash: "Not saved: \(error.field) \(error.message).")
        }
        return try await self.patient(context, flash: "Saved. The plan now takes this change into account.")
    }

    func clear(_ request: Request, _ context: AppContext) async throws -> Response {
        let (clinician, patient) = try await linkedPatient(context)
        let form = try await WebSession.checkedForm(request, context)
        guard let flag = form.text("flag").flatMap(RedFlag.init(rawValue:)) else {
            throw APIError(.badRequest, "choose a flag", field: "flag")
        }
        try await web.cases.addClearance(Clearance(flag: flag, date: web.today()), by: clinician, patientID: patient.id)
        return try await self.patient(
            context, flash: "\(flag.rawValue) cleared. The plan resumes unless the symptom is reported again.")
    }
}
