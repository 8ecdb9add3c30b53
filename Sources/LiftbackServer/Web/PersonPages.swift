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
        return web.render(
            "Today", context, flash: flash, PrescriptionView.today(prescription, patient: patient, awaiting: waiting))
    }

    func logPage(_ context: AppContext, error: String? = nil) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let (data, prescription) = try await web.prescription(patient)
        guard !prescription.disposition.stopsLoading else { return WebController.redirect("/today") }
        let unit = data.settings.unit.rawValue
        let exercises = prescription.exercises.enumerated().html { index, line in
            let sets = (0..<line.sets).html { set in
                """
                <div class="set">
                <div class="setrow">
                \(line.weight != nil || Catalog.standard[line.exercise]?.loaded == true ? Layout.field("Set \(set + 1) weight (\(line.unit?.rawValue ?? unit))", name: "w-\(index)-\(set)", type: "number", value: line.weight.map(formatWeight) ?? "", extra: "inputmode=\"decimal\" step=\"any\" min=\"0\"") : "")
                \(Layout.field("Set \(set + 1) \(line.holdSeconds != nil ? "seconds" : line.minutes != nil ? "minutes" : "reps")", name: "r-\(index)-\(set)", type: "number", value: String(line.reps ?? line.holdSeconds ?? line.minutes ?? line.passes ?? 0), extra: "inputmode=\"numeric\" min=\"0\""))
                </div>
                \(Layout.painScale("Pain during set \(set + 1)", name: "p-\(index)-\(set)", selected: nil))
                </div>
                """
            }
            return """
                <section class="card">
                <h2>\(line.name)</h2>
                <input type="hidden" name="ex-\(index)" value="\(line.exercise.rawValue)">
                <label class="check"><input type="checkbox" name="skip-\(index)" value="1"> I skipped this one</label>
                \(sets)
                </section>
                """
        }
        let symptoms = Layout.flagChoices(RedFlag.reportableLater)
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
            \(Layout.painScale("Pain right after the session", name: "after", selected: nil))
            <label class="check"><input type="checkbox" name="stopped" value="1"> I stopped early because of sharp pain or a new symptom</label>
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
        var exercises: [LoggedExercise] = []
        for index in 0..<max(0, min(form.int("count") ?? 0, 40)) where form["skip-\(index)"] == nil {
            guard let id = form.text("ex-\(index)"), let exercise = Catalog.standard[ExerciseID(id)] else { continue }
            var sets: [LoggedSet] = []
            var set = 0
            while form["r-\(index)-\(set)"] != nil, set < 20 {
                let amount = form.int("r-\(index)-\(set)")
                var logged = LoggedSet(weight: form.double("w-\(index)-\(set)"), pain: form.int("p-\(index)-\(set)"))
                switch exercise.dose.kind {
                case .hold, .minutes: logged.holdSeconds = amount
                case .reps, .passes: logged.reps = amount
                }
                sets.append(logged)
                set += 1
            }
            exercises.append(LoggedExercise(exercise: exercise.id, sets: sets))
        }
        let flags = form.all("flag").compactMap(RedFlag.init(rawValue:))
        let workout = Workout(
            date: web.cases.today(for: data.settings), exercises: exercises, painDuring: Workout.worstSetPain(exercises),
            painAfter: form.int("after"),
            flags: flags,
            stoppedEarly: form["stopped"] == nil ? nil : true)
        do {
            _ = try await web.cases.addWorkout(workout, patientID: patient.id)
        } catch let error as CaseError {
            return try await logPage(
                context, error: "\(error.field): \(error.message). Nothing was saved; please check and save again.")
        }
        return WebController.redirect("/today?logged=1")
    }

    func checkInPage(_ context: AppContext, error: String? = nil) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let waiting = web.cases.awaitingAnswer(try await web.caseData(patient))
        let question: HTML =
            waiting.map { stored in
                """
                <fieldset><legend>After your session on \(stored.workout.date), is your back back to usual?</legend>
                <label class="check"><input type="radio" name="nextDay" value="settled" required> Yes, back to my usual</label>
                <label class="check"><input type="radio" name="nextDay" value="same"> About the same as before the session</label>
                <label class="check"><input type="radio" name="nextDay" value="worse"> Worse than before the session</label>
                <label class="check"><input type="checkbox" name="lockedUp" value="1"> My back felt locked up for hours afterwards</label>
                </fieldset>
                <input type="hidden" name="workout" value="\(stored.id)">
                """
            } ?? ""
        let symptoms = Layout.flagChoices(RedFlag.reportableLater)
        return web.render(
            "Check in", context, status: error == nil ? .ok : .badRequest,
            """
            <h1>How is your back today?</h1>
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            <form method="post" action="/check-in">
            \(Layout.csrfField(WebSession.csrf(for: context)))
            \(question)
            \(Layout.painScale("Your pain today", name: "pain", selected: nil))
            \(Layout.field("Morning stiffness, in minutes", name: "stiffness", type: "number", extra: "inputmode=\"numeric\" min=\"0\""))
            <fieldset><legend>Anything new? (tick only if it is new)</legend>\(symptoms)</fieldset>
            <button>Save</button>
            </form>
            """)
    }

    func checkIn(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        guard let pain = form.int("pain"), InputLimits.pain.contains(pain) else {
            return try await checkInPage(context, error: "Choose your pain today, from 0 to 10.")
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
            return try await checkInPage(context, error: "\(error.field): \(error.message)")
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
