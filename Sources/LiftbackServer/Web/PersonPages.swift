import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// The person's pages: today's plan, logging a session, the next-day check-in and progress.
struct PersonPages {
    let web: WebController

    func register(_ router: RouterGroup<AppContext>) {
        router.get("today") { request, context in try await today(request, context) }
        router.get("log") { _, context in try await logPage(context) }
        router.post("log") { request, context in try await log(request, context) }
        router.get("check-in") { _, context in try await checkInPage(context) }
        router.post("check-in") { request, context in try await checkIn(request, context) }
        router.get("progress") { _, context in try await progress(context) }
    }

    func today(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let (data, prescription) = try await web.prescription(patient)
        let flash: String? =
            request.uri.queryParameters.get("logged") != nil
            ? "Session saved. Tomorrow we will ask how your back feels."
            : request.uri.queryParameters.get("joined") != nil ? "You are now linked with your clinician." : nil
        let waiting = web.cases.awaitingAnswer(data)
        // A pause waits for a clinician's review: say where to find one when nobody is linked.
        var linked = true
        if prescription.disposition.stopsLoading { linked = !(try await web.services.accounts.clinicians(of: patient)).isEmpty }
        return web.render(
            "Today", context, flash: flash,
            PrescriptionView.today(prescription, engine: web.engine, patient: patient, awaiting: waiting, linked: linked)
        )
    }

    /// The session form, filled from the plan, or with what was typed when `kept` is the refused form.
    func logPage(_ context: AppContext, error: String? = nil, kept: Form? = nil) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let (data, prescription) = try await web.prescription(patient)
        guard !prescription.disposition.stopsLoading else { return WebController.redirect("/today") }
        let unit = data.settings.unit.rawValue
        let exercises = prescription.exercises.enumerated().html { index, line in
            let sets = (0..<line.sets).html { set in
                let (weight, amount, pain) = ("w-\(index)-\(set)", "r-\(index)-\(set)", "p-\(index)-\(set)")
                let planned = String(line.amount ?? 0)
                return """
                    <div class="set">
                    <div class="setrow">
                    \(line.weight != nil || web.engine.catalog[line.exercise]?.loaded == true ? Layout.field("Set \(set + 1) weight (\(line.unit?.rawValue ?? unit))", name: weight, type: "number", value: kept.map { $0[weight] ?? "" } ?? line.weight.map(formatWeight) ?? "", extra: "inputmode=\"decimal\" step=\"any\" min=\"0\"") : "")
                    \(Layout.field("Set \(set + 1) \(line.holdSeconds != nil ? "seconds" : line.minutes != nil ? "minutes" : "reps")", name: amount, type: "number", value: kept.map { $0[amount] ?? "" } ?? planned, extra: "inputmode=\"numeric\" min=\"0\""))
                    </div>
                    \(Layout.painScale("Pain during set \(set + 1)", name: pain, selected: kept?.int(pain), required: false))
                    </div>
                    """
            }
            return """
                <section class="card">
                <h2>\(line.name)</h2>
                <input type="hidden" name="ex-\(index)" value="\(line.exercise.rawValue)">
                <label class="check"><input type="checkbox" name="skip-\(index)" value="1"\(Layout.checked(kept?["skip-\(index)"] != nil))> I skipped this one</label>
                \(sets)
                </section>
                """
        }
        let symptoms = Layout.flagChoices(RedFlag.reportableLater, ticked: Set(kept?.all("flag") ?? []))
        return web.render(
            "Log a session", context, status: error == nil ? .ok : .badRequest,
            """
            <h1>Log today's session</h1>
            <p>Weights and reps are filled in from your plan: change them if you did something else, and tap your pain for each set.</p>
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            <form method="post" action="/log">
            \(Layout.csrfField(WebSession.csrf(for: context)))
            <input type="hidden" name="count" value="\(prescription.exercises.count)">
            \(exercises)
            <section class="card">
            <h2>After the session</h2>
            \(Layout.painScale("Pain right after the session", name: "after", selected: kept?.int("after")))
            <label class="check"><input type="checkbox" name="stopped" value="1"\(Layout.checked(kept?["stopped"] != nil))> I stopped early because of sharp pain or a new symptom</label>
            <fieldset><legend>Anything new? (tick only if it is new)</legend>\(symptoms)</fieldset>
            </section>
            <button>Save session</button>
            </form>
            """)
    }

    func log(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        let data = try await web.caseData(patient)  // before the intake, this sends them to it
        func refused(_ message: String) async throws -> Response {
            try await logPage(context, error: message + " Nothing was saved yet; please check and save again.", kept: form)
        }
        var exercises: [LoggedExercise] = []
        for index in 0..<max(0, min(form.int("count") ?? 0, 40)) where form["skip-\(index)"] == nil {
            guard let id = form.text("ex-\(index)"), let exercise = web.engine.catalog[ExerciseID(id)] else { continue }
            var sets: [LoggedSet] = []
            var set = 0
            while form["r-\(index)-\(set)"] != nil, set < 20 {
                let (weight, amount) = ("w-\(index)-\(set)", "r-\(index)-\(set)")
                // A value typed but not readable as a number is said so, never dropped.
                if form.text(weight) != nil, form.double(weight) == nil {
                    return try await refused("\(exercise.name), set \(set + 1) weight: please type a number, like 42.5.")
                }
                if form.text(amount) != nil, form.int(amount) == nil {
                    return try await refused("\(exercise.name), set \(set + 1): please type a whole number.")
                }
                sets.append(
                    LoggedSet(
                        exercise.dose.kind, amount: form.int(amount), weight: form.double(weight),
                        pain: form.int("p-\(index)-\(set)")))
                set += 1
            }
            exercises.append(LoggedExercise(exercise: exercise.id, sets: sets))
        }
        let workout = Workout(
            // Pain stays with each set, as the API keeps it: the engine reads every exercise's own.
            date: web.cases.today(for: data.settings), exercises: exercises, painAfter: form.int("after"),
            flags: form.all("flag").compactMap(RedFlag.init(rawValue:)),
            stoppedEarly: form["stopped"] == nil ? nil : true)
        do {
            _ = try await web.cases.addWorkout(workout, patientID: patient.id)
        } catch let error as CaseError {
            return try await refused(
                FieldWords.sentence(error, exercises: exercises.map { web.engine.catalog[$0.exercise]?.name }))
        }
        return WebController.redirect("/today?logged=1")
    }

    /// The check-in form, empty, or with what was chosen when `kept` is the refused form.
    func checkInPage(_ context: AppContext, error: String? = nil, kept: Form? = nil) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let waiting = web.cases.awaitingAnswer(try await web.caseData(patient))
        let answer = kept?["nextDay"]
        func choice(_ value: NextDayResponse, _ text: String, required: Bool = false) -> HTML {
            """
            <label class="check"><input type="radio" name="nextDay" value="\(value.rawValue)"\(required ? " required" : "")\(Layout.checked(answer == value.rawValue))> \(text)</label>
            """
        }
        let question: HTML =
            waiting.map { stored in
                """
                <fieldset><legend>After your session on \(stored.workout.date), is your back back to usual?</legend>
                \(choice(.settled, "Yes, back to my usual", required: true))
                \(choice(.same, "About the same as before the session"))
                \(choice(.worse, "Worse than before the session"))
                <label class="check"><input type="checkbox" name="lockedUp" value="1"\(Layout.checked(kept?["lockedUp"] != nil))> My back felt locked up for hours afterwards</label>
                </fieldset>
                <input type="hidden" name="workout" value="\(stored.id)">
                """
            } ?? ""
        let symptoms = Layout.flagChoices(RedFlag.reportableLater, ticked: Set(kept?.all("flag") ?? []))
        return web.render(
            "Check in", context, status: error == nil ? .ok : .badRequest,
            """
            <h1>How is your back today?</h1>
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0) Nothing was saved yet; please check and save again.</p>") })
            <form method="post" action="/check-in">
            \(Layout.csrfField(WebSession.csrf(for: context)))
            \(question)
            \(Layout.painScale("Your pain today", name: "pain", selected: kept?.int("pain")))
            \(Layout.field("Morning stiffness, in minutes", name: "stiffness", type: "number", value: kept?["stiffness"] ?? "", extra: "inputmode=\"numeric\" min=\"0\" max=\"\(InputLimits.stiffnessMinutes.upperBound)\""))
            <fieldset><legend>Anything new? (tick only if it is new)</legend>\(symptoms)</fieldset>
            <button>Save</button>
            </form>
            """)
    }

    func checkIn(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        guard let pain = form.int("pain"), InputLimits.pain.contains(pain) else {
            return try await checkInPage(context, error: "Choose your pain today, from 0 to 10.", kept: form)
        }
        if form.text("stiffness") != nil, form.int("stiffness") == nil {
            return try await checkInPage(context, error: "Morning stiffness: please type whole minutes, like 20.", kept: form)
        }
        let checkIn = CheckIn(
            date: web.cases.today(for: try await web.caseData(patient).settings), pain: pain,
            stiffnessMinutes: form.int("stiffness"),
            flags: form.all("flag").compactMap(RedFlag.init(rawValue:)))
        var answer: (id: Int64, amendment: CaseService.WorkoutAmendment)?
        if let id = form.text("workout").flatMap(Int64.init),
            let nextDay = form.text("nextDay").flatMap(NextDayResponse.init(rawValue:))
        {
            answer = (id, CaseService.WorkoutAmendment(nextDay: nextDay, lockedUp: form["lockedUp"] == nil ? nil : true))
        }
        do {
            try await web.cases.addCheckIn(checkIn, patientID: patient.id, answering: answer)
        } catch let error as CaseError {
            return try await checkInPage(context, error: FieldWords.sentence(error), kept: form)
        }
        return WebController.redirect("/today")
    }

    func progress(_ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let data = try await web.caseData(patient)
        let questionnaires = try await web.cases.questionnaires(patient.id)
        return web.render(
            "Progress", context,
            ProgressView.page(
                data, questionnaires: questionnaires, engine: web.engine, today: web.cases.today(for: data.settings)))
    }
}
