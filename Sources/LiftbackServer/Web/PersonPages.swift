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
        router.get("settings") { request, context in
            let query = request.uri.queryParameters
            return try await settingsPage(
                context,
                flash: query.get("saved") != nil
                    ? "Settings saved." : query.get("calendar") == "stopped" ? "Your calendar address is stopped." : nil)
        }
        router.post("settings") { request, context in try await saveSettings(request, context) }
        router.post("settings/calendar") { request, context in try await calendarFeed(request, context) }
    }

    /// Makes (shown this once) or stops the person's calendar feed address.
    func calendarFeed(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        if form["do"] == "stop" {
            try await web.services.accounts.stopCalendarFeed(for: patient)
            return WebController.redirect("/settings?calendar=stopped")
        }
        let feed = try await web.services.accounts.newCalendarFeed(by: context.caller(patient))
        return try await settingsPage(
            context, flash: "Your calendar address is below.",
            calendarAddress: web.address(request, path: CalendarFeedRoute.path(feed.token)))
    }

    func settingsPage(
        _ context: AppContext, values: SettingsView.Values? = nil, error: (field: String, message: String)? = nil,
        flash: String? = nil, calendarAddress: String? = nil
    ) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let data = try await web.caseData(patient)
        return web.render(
            "Settings", context, flash: flash, status: error == nil ? .ok : .badRequest,
            SettingsView.page(
                values ?? SettingsView.Values(data.settings), unitLocked: data.asCase(asOf: data.intake.date).recordsWeights,
                csrf: WebSession.csrf(for: context), error: error, calendarAddress: calendarAddress))
    }

    func saveSettings(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        let data = try await web.caseData(patient)
        let values = SettingsView.Values(form, unit: data.settings.unit)
        func refused(_ field: String, _ message: String) async throws -> Response {
            try await settingsPage(context, values: values, error: (field, Layout.sentence(message)))
        }
        guard let increment = form.double("plateIncrement") else {
            return try await refused("plateIncrement", "the smallest step should be a number, like 2.5")
        }
        /// A list typed as "16, 20, 24" (spaces or semicolons work too); `nil` when empty.
        func weights(_ typed: String) -> [Double]?? {
            let parts = typed.split(whereSeparator: { "; ".contains($0) || $0 == "," }).map(String.init)
            if parts.isEmpty { return .some(nil) }
            let numbers = parts.prefix(InputLimits.equipmentItems + 1).compactMap { Form.number($0) }
            return numbers.count == min(parts.count, InputLimits.equipmentItems + 1) ? .some(numbers) : nil
        }
        guard let kettlebells = weights(values.kettlebells) else {
            return try await refused("kettlebells", "please type the kettlebells as numbers separated by commas, like 8, 12, 16")
        }
        guard let dumbbells = weights(values.dumbbells) else {
            return try await refused("dumbbells", "please type the dumbbells as numbers separated by commas, like 5, 7.5, 10")
        }
        guard let plates = weights(values.plates) else {
            return try await refused("plates", "please type the plates as numbers separated by commas, like 20, 10, 5, 2.5")
        }
        var bars: [String: Double] = [:]
        for name in ["bar", "trapBar"] where form.text(name) != nil {
            guard let weight = form.double(name) else {
                return try await refused(name, "\(FieldWords.describe(name)) should be a number, like 20")
            }
            bars[name] = weight
        }
        let at = EquipmentAtHand(
            kettlebells: kettlebells, dumbbells: dumbbells, bar: bars["bar"], trapBar: bars["trapBar"], plates: plates)
        let equipment = at.isEmpty ? nil : at
        do {
            try await web.cases.saveSettings(
                unit: values.unit, plateIncrement: increment, timeZone: values.timeZone.isEmpty ? nil : values.timeZone,
                equipment: equipment, patientID: patient.id, by: context.caller(patient))
        } catch let error as CaseError {
            let field = error.field.hasPrefix("equipment.") ? String(error.field.dropFirst(10).prefix { $0 != "[" }) : error.field
            return try await refused(field, "\(FieldWords.describe(field)) \(error.message)")
        }
        return WebController.redirect("/settings?saved=1")
    }

    func today(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        guard let day = try await web.cases.day(of: patient, by: context.caller(patient)) else {
            throw PageRedirect(location: "/intake")
        }
        let query = request.uri.queryParameters
        // A paused plan speaks for itself: no green "saved" above the calm words on what to do now.
        let flash: String? =
            switch (day.prescription.disposition.stopsLoading, query.get("logged")) {
            case (true, _): nil
            case (false, "again"): "This session was saved already, as first sent; saving it again added nothing."
            case (false, .some): "Session saved. Tomorrow we will ask how your back feels."
            case (false, nil):
                query.get("checked") != nil
                    ? "Check-in saved. Thank you." : query.get("joined") != nil ? "You are now linked with your clinician." : nil
            }
        return web.render(
            "Today", context, flash: flash,
            PrescriptionView.today(day, engine: web.engine, emergencyNumber: web.config.emergencyNumber))
    }

    /// The session form, filled from the plan, or with what was typed when `kept` is the refused form
    /// (`faults`: each field refused, by its name in the form, with what to change beside it).
    func logPage(_ context: AppContext, error: String? = nil, kept: Form? = nil, faults: [String: String] = [:])
        async throws -> Response
    {
        let patient = try web.signedIn(context, role: .patient)
        let (data, prescription) = try await web.prescription(patient, context)
        guard !prescription.disposition.stopsLoading else { return WebController.redirect("/today") }
        return web.render(
            "Log a session", context, status: error == nil ? .ok : .badRequest,
            SessionForms.log(
                prescription, unit: data.settings.unit, catalog: web.engine.catalog, csrf: WebSession.csrf(for: context),
                error: error, kept: kept, faults: faults))
    }

    func log(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        let data = try await web.caseData(patient)  // before the intake, this sends them to it
        // Every refusal found: each with a field of its own is marked beside it, the others are said
        // in the summary, which starts with the first.
        func refused(_ faults: [(field: String?, message: String)]) async throws -> Response {
            let marked = Dictionary(faults.compactMap { fault in fault.field.map { ($0, fault.message) } }) { first, _ in first }
            let unmarked = faults.dropFirst().filter { $0.field == nil }.map(\.message)
            let left = marked.count - (faults[0].field == nil ? 0 : 1)
            let more =
                left == 0 ? "" : " \(left == 1 ? "One more field" : "\(left) more fields") to check, each marked beside it."
            let summary = ([faults[0].message] + unmarked).joined(separator: " ")
            return try await logPage(
                context, error: summary + more + " Nothing was saved yet; please check and save again.", kept: form,
                faults: marked)
        }
        func refused(_ message: String, field: String? = nil) async throws -> Response { try await refused([(field, message)]) }
        var faults: [(field: String?, message: String)] = []
        var exercises: [LoggedExercise] = []
        var formIndices: [Int] = []  // the form's number of each exercise kept, skipped ones left out
        // One past the limit is read, so the core's check says what the limit is.
        let count = max(0, min(form.int("count") ?? 0, InputLimits.exercisesPerWorkout + 1))
        for index in 0..<count where form["skip-\(index)"] == nil {
            guard let id = form.text("ex-\(index)"), let exercise = web.engine.catalog[ExerciseID(id)] else {
                return try await refused("This form no longer matches the plan: please reload the page.")
            }
            var sets: [LoggedSet] = []
            var set = 0
            // The form's size bounds this loop; the core's check says the limit on sets.
            while form["r-\(index)-\(set)"] != nil {
                let (weight, amount) = ("w-\(index)-\(set)", "r-\(index)-\(set)")
                // A value typed but not readable as a number is said so, never dropped.
                if form.text(weight) != nil, form.double(weight) == nil {
                    faults.append((weight, "\(exercise.name), set \(set + 1) weight: please type a number, like 42.5."))
                }
                if form.text(amount) != nil, form.int(amount) == nil {
                    faults.append((amount, "\(exercise.name), set \(set + 1): please type a whole number."))
                }
                sets.append(
                    LoggedSet(
                        exercise.dose.kind, amount: form.int(amount), weight: form.double(weight),
                        pain: form.int("p-\(index)-\(set)")))
                set += 1
            }
            exercises.append(LoggedExercise(exercise: exercise.id, painDuring: form.int("pe-\(index)"), sets: sets))
            formIndices.append(index)
        }
        guard !exercises.isEmpty || !form.all("flag").isEmpty || form["stopped"] != nil || form.int("after") != nil else {
            return try await logPage(
                context, error: "Every exercise is marked as skipped, so there is nothing to save. Untick one you did.",
                kept: form)
        }
        // A session is logged with how the back felt: one tap, 0 when there was no pain at all.
        if !exercises.isEmpty, form.int("after") == nil {
            faults.append(("after", "Tap your pain right after the session, from 0 to 10 (0 if there was none)."))
        }
        guard faults.isEmpty else { return try await refused(faults) }
        guard let day = Self.entryDay(form, today: web.cases.today(for: data.settings)) else {
            return try await refused(Self.keptTooLong)
        }
        let workout = Workout(
            // Pain stays with each set, as the API keeps it: the engine reads every exercise's own.
            // A session forgotten yesterday can still be logged on its own day.
            date: day,
            exercises: exercises, painAfter: form.int("after"),
            flags: form.all("flag").compactMap(RedFlag.init(rawValue:)),
            stoppedEarly: form["stopped"] == nil ? nil : true)
        do {
            _ = try await web.cases.addWorkout(
                workout, patientID: patient.id, by: context.caller(patient), key: form.text("submission"))
        } catch let error as CaseError {
            // Every field the check refuses, not only the first it met.
            let names = exercises.map { web.engine.catalog[$0.exercise]?.name }
            let all = (try? await web.cases.workoutProblems(workout, patientID: patient.id)) ?? []
            return try await refused(
                (all.contains(error) ? all : [error]).map {
                    (SessionForms.formField($0.field, formIndices: formIndices), FieldWords.sentence($0, exercises: names))
                })
        } catch AppError.keyReused {
            // The same form sent again after a change (the back button): the first save stands.
            return WebController.redirect("/today?logged=again")
        }
        return WebController.redirect("/today?logged=1")
    }

    /// The day an entry is for: the day a phone kept it with while it waited for a signal
    /// (`InputLimits.keptDay`), otherwise today or, for a session forgotten, yesterday. `nil` for
    /// a kept day the core does not take.
    static func entryDay(_ form: Form, today: Day) -> Day? {
        guard let kept = form.text("date") else { return today.adding(days: form["day"] == "yesterday" ? -1 : 0) }
        return Day(iso: kept).flatMap { InputLimits.keptDay($0, today: today) }
    }

    static let keptTooLong =
        "This entry waited on your phone for more than \(InputLimits.keptEntryDays) days, so it cannot be saved on its own day. Please check it and save it for today."

    /// The check-in form, empty, or with what was chosen when `kept` is the refused form.
    func checkInPage(_ context: AppContext, error: String? = nil, kept: Form? = nil) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let waiting = web.cases.awaitingAnswer(try await web.caseData(patient))
        return web.render(
            "Check in", context, status: error == nil ? .ok : .badRequest,
            SessionForms.checkIn(awaiting: waiting, csrf: WebSession.csrf(for: context), error: error, kept: kept))
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
        guard let day = Self.entryDay(form, today: web.cases.today(for: try await web.caseData(patient).settings)) else {
            return try await checkInPage(context, error: Self.keptTooLong, kept: form)
        }
        let checkIn = CheckIn(
            date: day, pain: pain,
            stiffnessMinutes: form.int("stiffness"),
            flags: form.all("flag").compactMap(RedFlag.init(rawValue:)))
        var answer: (id: Int64, amendment: CaseService.WorkoutAmendment)?
        if let id = form.text("workout").flatMap(Int64.init),
            let nextDay = form.text("nextDay").flatMap(NextDayResponse.init(rawValue:))
        {
            answer = (id, CaseService.WorkoutAmendment(nextDay: nextDay, lockedUp: form["lockedUp"] == nil ? nil : true))
        }
        do {
            try await web.cases.addCheckIn(
                checkIn, patientID: patient.id, by: context.caller(patient), answering: answer, key: form.text("submission"))
        } catch let error as CaseError {
            return try await checkInPage(context, error: FieldWords.sentence(error), kept: form)
        } catch AppError.keyReused {
            return WebController.redirect("/today?checked=again")
        }
        return WebController.redirect("/today?checked=1")
    }

    func progress(_ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let progress = try await web.cases.progress(of: try await web.caseData(patient), patientID: patient.id)
        return web.render("Progress", context, ProgressView.page(progress, settings: web.engine.settings))
    }
}
