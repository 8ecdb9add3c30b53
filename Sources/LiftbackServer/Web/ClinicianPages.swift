import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// The clinician's pages: the caseload (most urgent first), a patient's page with timeline, charts
/// and questionnaires, and the overrides the engine then takes as input.
struct ClinicianPages {
    let web: WebController

    func register(_ router: RouterGroup<AppContext>) {
        router.get("caseload") { _, context in try await caseload(context) }
        router.post("caseload/invite") { request, context in try await invite(request, context) }
        router.get("patients/:id") { request, context in
            try await patient(context, flash: Self.done(request.uri.queryParameters.get("done"), settings: web.engine.settings))
        }
        router.post("patients/:id/override") { request, context in try await override(request, context) }
        router.post("patients/:id/clear") { request, context in try await clear(request, context) }
        router.post("patients/:id/reset-link") { request, context in try await resetLink(request, context) }
        router.post("patients/:id/screen") { request, context in try await screen(request, context) }
        router.get("patients/:id/report") { _, context in try await report(context) }
        router.get("caseload/report") { _, context in try await caseloadReport(context) }
    }

    /// One patient's record on one printable page.
    func report(_ context: AppContext) async throws -> Response {
        let (clinician, patient) = try await linkedPatient(context)
        guard let report = try await web.cases.report(of: patient, by: clinician) else {
            return web.render(patient.name, context, wide: true, "<h1>\(patient.name)</h1><p>The intake is not done yet.</p>")
        }
        return web.render(
            "Report: \(patient.name)", context, wide: true,
            ReportView.page([report], printedOn: web.today(), settings: web.engine.settings))
    }

    /// Every linked patient's report, in the caseload's order (most urgent first), one to a printed page.
    func caseloadReport(_ context: AppContext) async throws -> Response {
        let clinician = try web.signedIn(context, role: .clinician)
        let caller = context.caller(clinician)
        var reports: [CaseService.Report] = []
        for entry in try await web.services.caseload.entries(clinicianID: clinician.id, asOf: web.today()) {
            if let report = try await web.cases.report(of: entry.account, by: caller) { reports.append(report) }
        }
        let body: HTML =
            reports.isEmpty
            ? "<h1>Reports</h1><p>Nobody with an intake is linked with you yet.</p>"
            : ReportView.page(reports, printedOn: web.today(), settings: web.engine.settings)
        return web.render("Reports", context, wide: true, body)
    }

    func caseload(_ context: AppContext, code: String? = nil) async throws -> Response {
        let clinician = try web.signedIn(context, role: .clinician)
        let entries = try await web.services.caseload.entries(clinicianID: clinician.id, asOf: web.today())
        return web.render(
            "Caseload", context, wide: true,
            CaseloadView.page(entries, code: code, csrf: Layout.csrfField(WebSession.csrf(for: context))))
    }

    func invite(_ request: Request, _ context: AppContext) async throws -> Response {
        let clinician = try web.signedIn(context, role: .clinician)
        _ = try await WebSession.checkedForm(request, context)
        return try await caseload(context, code: try await web.services.accounts.createInvite(clinician: clinician))
    }

    /// The patient, if linked to this clinician; 404 otherwise.
    func linkedPatient(_ context: AppContext) async throws -> (clinician: Caller, patient: Account) {
        let clinician = try web.signedIn(context, role: .clinician)
        let patient = try await web.services.access.linkedPatient(clinician, try context.parameters.require("id"))
        return (context.caller(clinician), patient)
    }

    /// - Parameter refusedLoad: a load form that was refused, shown again as typed with its message.
    func patient(
        _ context: AppContext, flash: String? = nil, problem: String? = nil, confirm pending: (Override, LoadJump)? = nil,
        resetLink: (url: String, until: String)? = nil, refusedLoad: PatientView.RefusedLoad? = nil
    ) async throws -> Response {
        let (clinician, patient) = try await linkedPatient(context)
        guard let (data, prescription) = try await web.cases.prescription(patient.id, by: clinician) else {
            return web.render(patient.name, context, wide: true, "<h1>\(patient.name)</h1><p>The intake is not done yet.</p>")
        }
        let view = PatientView(
            patient: patient, data: data, prescription: prescription,
            progress: try await web.cases.progress(of: data, patientID: patient.id),
            csrf: Layout.csrfField(WebSession.csrf(for: context)),
            engine: web.engine, pending: pending, resetLink: resetLink, resetLinkHours: web.services.accounts.resetLinkHours,
            plan: web.engine.planExercises(data.asCase(asOf: prescription.asOf)),
            versions: web.cases.planVersions(of: data, asOf: prescription.asOf), refusedLoad: refusedLoad)
        // A refused change is a 400; a load waiting for confirmation is a question, not an error.
        return web.render(
            patient.name, context, flash: flash, problem: problem, wide: true,
            status: problem == nil || pending != nil ? .ok : .badRequest, view.page)
    }

    func override(_ request: Request, _ context: AppContext) async throws -> Response {
        let (clinician, patient) = try await linkedPatient(context)
        let form = try await WebSession.checkedForm(request, context)
        let kind = form["kind"] ?? ""
        if kind == "policy" {
            guard let policy = ProgressionPolicy(rawValue: form["policy"] ?? "") else {
                return try await self.patient(context, problem: "Not saved: please choose one of the policies.")
            }
            try await web.cases.setPolicy(policy, by: clinician, patientID: patient.id)
            return done("policy", patient)
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
            weight: form.double("weight"), note: form.text("note"))
        do {
            let refused = try await refusal("Not saved", context, load: overrideKind == .load ? form : nil) {
                try await web.cases.addOverride(override, by: clinician, confirmed: form["confirm"] != nil, patientID: patient.id)
            }
            if let refused { return refused }
        } catch AppError.loadNeedsConfirmation(let jump) {
            return try await self.patient(
                context, problem: "Not saved yet: please check the load below.", confirm: (override, jump))
        }
        return done("saved", patient)
    }

    /// Runs a change; a refusal naming a field comes back as the page with the problem in words.
    /// - Parameter load: the load form as sent, when the change is a load: shown again as typed.
    func refusal(
        _ verdict: String, _ context: AppContext, load: Form? = nil, _ change: () async throws -> Void
    ) async throws -> Response? {
        func kept(_ message: String) -> PatientView.RefusedLoad? {
            load.map { .init(exercise: $0.text("exercise"), weight: $0["weight"] ?? "", message: message) }
        }
        do {
            try await change()
            return nil
        } catch let error as CaseError {
            let words = FieldWords.sentence(error)
            return try await patient(context, problem: "\(verdict): \(words)", refusedLoad: kept(words))
        } catch AppError.invalid(_, let message) {
            return try await patient(
                context, problem: "\(verdict): \(Layout.sentence(message))", refusedLoad: kept(Layout.sentence(message)))
        }
    }

    func clear(_ request: Request, _ context: AppContext) async throws -> Response {
        let (clinician, patient) = try await linkedPatient(context)
        let form = try await WebSession.checkedForm(request, context)
        guard let flag = form.text("flag").flatMap(RedFlag.init(rawValue:)) else {
            throw APIError(.badRequest, "choose a flag", field: "flag")
        }
        guard let note = form.text("note"), form["reviewed"] == "1" else {
            return try await self.patient(
                context,
                problem: "Not cleared: please write the outcome of the review and tick that you have reviewed it with the person."
            )
        }
        let refused = try await refusal("Not cleared", context) {
            try await web.cases.addClearance(
                Clearance(flag: flag, date: web.today(), note: note), by: clinician, patientID: patient.id)
        }
        return refused ?? done("cleared", patient)
    }

    /// The movement screen the clinician watched today, part by part.
    func screen(_ request: Request, _ context: AppContext) async throws -> Response {
        let (clinician, patient) = try await linkedPatient(context)
        let form = try await WebSession.checkedForm(request, context)
        let passed = Set(MovementScreen.parts.map(\.field).filter { form[$0] != nil })
        let screen = MovementScreen(date: web.today(), passedParts: passed)
        try await web.cases.addScreen(screen, patientID: patient.id, by: clinician)
        return done(screen.passed ? "screen-passed" : "screen-not-passed", patient)
    }

    /// A one-time link for the patient to set a new password, shown once on the page (a reload
    /// asks the browser to send the form again, and makes another).
    func resetLink(_ request: Request, _ context: AppContext) async throws -> Response {
        let (clinician, patient) = try await linkedPatient(context)
        _ = try await WebSession.checkedForm(request, context)
        let link = try await web.services.accounts.resetLink(for: patient, by: clinician)
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_GB")
        format.timeZone = .gmt
        format.dateFormat = "d MMM yyyy, HH:mm 'UTC'"
        let until = format.string(from: link.expiresAt)
        return try await self.patient(
            context, flash: "The link is below. It is shown only this once.",
            resetLink: (web.address(request, path: "/set-password?token=" + link.setPasswordToken), until))
    }

    /// After a change is saved, the patient page is loaded afresh (post, redirect, get), so that a
    /// reload shows the page again instead of sending the change twice.
    func done(_ what: String, _ patient: Account) -> Response {
        WebController.redirect("/patients/\(patient.id)?done=\(what)")
    }

    /// The message for a change just saved; `nil` for anything else in the query.
    static func done(_ what: String?, settings: EngineSettings) -> String? {
        switch what {
        case "policy": "The progression policy is set. The plan now follows it."
        case "saved": "Saved. The plan now takes this change into account."
        case "cleared": "Cleared. The plan resumes unless the symptom is reported again."
        case "screen-passed":
            "The movement screen is recorded as passed. Loads may now go past \(settings.screenPercent) of the previous working weight."
        case "screen-not-passed":
            "The movement screen is recorded, not yet passed. Loads stay below \(settings.screenPercent) of the previous working weight."
        default: nil
        }
    }
}
