import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// A patient's case: intake, sessions, check-ins, screens, questionnaires, clearances, overrides,
/// and the next prescription. Each handler checks who is asking (`AccessService`), decodes the
/// body, calls one `CaseService` method and encodes its answer.
struct PatientsController {
    let services: Services
    var access: AccessService { services.access }
    var cases: CaseService { services.cases }

    func register(_ api: RouterGroup<AppContext>) {
        let patients = api.group("patients/:id")
        patients.put("intake") { request, context in try await putIntake(request, context) }
        patients.put("training-history") { request, context in try await putTrainingHistory(request, context) }
        patients.post("workouts") { request, context in try await postWorkout(request, context) }
        patients.patch("workouts/:workoutId") { request, context in try await patchWorkout(request, context) }
        patients.post("check-ins") { request, context in try await postCheckIn(request, context) }
        patients.post("screens") { request, context in try await postScreen(request, context) }
        patients.post("questionnaires") { request, context in try await postQuestionnaire(request, context) }
        patients.post("clearances") { request, context in try await postClearance(request, context) }
        patients.post("overrides") { request, context in try await postOverride(request, context) }
        patients.get("next") { request, context in try await getNext(request, context) }
        patients.get("history") { request, context in try await getHistory(request, context) }
        patients.get("fhir") { _, context in try await getFHIR(context) }
        patients.get("export") { _, context in try await export(context) }
        patients.get("audit") { _, context in try await auditTrail(context) }
        patients.delete("clinicians/:clinicianId") { _, context in try await unlinkClinician(context) }
        patients.post("calendar-feed") { _, context in try await newCalendarFeed(context) }
        patients.delete("calendar-feed") { _, context in try await stopCalendarFeed(context) }
    }

    struct CalendarFeed: Encodable {
        /// The feed's path on this server (`/calendar/{secret}.ics`), shown once.
        var path: String
        var expiresAt: Date
    }

    /// A new secret calendar feed address for the person; any earlier one stops.
    func newCalendarFeed(_ context: AppContext) async throws -> Response {
        let (_, caller) = try await patientSelf(context)
        let feed = try await services.accounts.newCalendarFeed(by: caller)
        var response = JSONResponse.make(
            CalendarFeed(path: CalendarFeedRoute.path(feed.token), expiresAt: feed.expiresAt), status: .created)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// Stops the person's calendar feed.
    func stopCalendarFeed(_ context: AppContext) async throws -> Response {
        let (_, caller) = try await patientSelf(context)
        try await services.accounts.stopCalendarFeed(for: caller.account)
        return Response(status: .noContent)
    }

    /// Everything held about the person, for the person.
    func export(_ context: AppContext) async throws -> Response {
        let patient = try await access.patientSelf(context.identity, try context.parameters.require("id"))
        var response = JSONResponse.make(try await services.privacy.export(patient))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    struct AuditTrail: Encodable { var events: [PrivacyService.TrailLine] }

    /// Who read or changed the record, for the person.
    func auditTrail(_ context: AppContext) async throws -> Response {
        let patient = try await access.patientSelf(context.identity, try context.parameters.require("id"))
        var response = JSONResponse.make(AuditTrail(events: try await services.privacy.auditTrail(patient)))
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The patient ends a clinician's link; from then on the clinician gets 404 on the record.
    func unlinkClinician(_ context: AppContext) async throws -> Response {
        let patient = try await access.patientSelf(context.identity, try context.parameters.require("id"))
        try await services.accounts.unlink(patient: patient, clinicianID: try context.parameters.require("clinicianId"))
        return Response(status: .noContent)
    }

    struct Created: Encodable { var id: Int64? = nil }

    /// The intake of a case file (docs/case-format.md), with the case's settings beside it.
    struct IntakeBody: Decodable {
        var intake: Intake
        var settings: PatientSettings

        enum Keys: String, CodingKey { case policy, unit, plateIncrement, timeZone, equipment }

        init(from decoder: any Decoder) throws {
            intake = try Intake(from: decoder)
            let c = try decoder.container(keyedBy: Keys.self)
            let unit = try c.decodeIfPresent(WeightUnit.self, forKey: .unit) ?? .kg
            settings = PatientSettings(
                policy: try c.decodeIfPresent(ProgressionPolicy.self, forKey: .policy) ?? .painMonitoring, unit: unit,
                plateIncrement: try c.decodeIfPresent(Double.self, forKey: .plateIncrement),
                timeZone: try c.decodeIfPresent(String.self, forKey: .timeZone),
                equipment: try c.decodeIfPresent(EquipmentAtHand.self, forKey: .equipment))
        }
    }

    /// The patient named by the path, when the caller may write as that patient.
    func patientSelf(_ context: AppContext) async throws -> (String, Caller) {
        let id = try context.parameters.require("id")
        return (id, context.caller(try await access.patientSelf(context.identity, id)))
    }

    /// The patient named by the path, when the caller may reach them (themselves or their clinician).
    func reachable(_ context: AppContext) async throws -> (String, Caller) {
        let id = try context.parameters.require("id")
        return (id, context.caller(try await access.relation(context.identity, to: id).caller))
    }

    /// The patient named by the path, when the caller is their linked clinician.
    func asClinician(_ context: AppContext) async throws -> (String, Caller) {
        let id = try context.parameters.require("id")
        return (id, context.caller(try await access.linkedClinician(context.identity, id)))
    }

    func putIntake(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await patientSelf(context)
        let body = try await JSONResponse.decode(IntakeBody.self, from: request, entry: .intake)
        return JSONResponse.make(try await cases.saveIntake(body.intake, settings: body.settings, patientID: id, by: caller))
    }

    /// An export from Strong, Hevy or FitNotes becomes the intake's training history.
    func putTrainingHistory(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await patientSelf(context)
        let sourceUnit = try request.uri.queryParameters.get("sourceUnit").map { text in
            guard let unit = WeightUnit(rawValue: text) else {
                throw APIError(.badRequest, "\(Words.quoted(text)) is not kg or lb", field: "sourceUnit")
            }
            return unit
        }
        let text = String(decoding: try await request.body(upTo: JSONResponse.bodyLimit).readableBytesView, as: UTF8.self)
        return JSONResponse.make(try await cases.importTrainingHistory(text, sourceUnit: sourceUnit, patientID: id, by: caller))
    }

    func postWorkout(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await patientSelf(context)
        let workout = try await JSONResponse.decode(Workout.self, from: request, entry: .workout)
        let created = try await cases.addWorkout(workout, patientID: id, by: caller, key: request.headers[.idempotencyKey])
        return JSONResponse.make(Created(id: created), status: .created)
    }

    func patchWorkout(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await patientSelf(context)
        guard let workoutID = context.parameters.get("workoutId", as: Int64.self) else { throw APIError.notFound }
        let amendment = try await JSONResponse.decode(CaseService.WorkoutAmendment.self, from: request, entry: .workoutAmendment)
        try await cases.amendWorkout(id: workoutID, amendment, patientID: id, by: caller)
        return JSONResponse.make(Created(id: workoutID))
    }

    func postCheckIn(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await patientSelf(context)
        try await cases.addCheckIn(
            try await JSONResponse.decode(CheckIn.self, from: request, entry: .checkIn), patientID: id, by: caller,
            key: request.headers[.idempotencyKey])
        return JSONResponse.make(Created(), status: .created)
    }

    func postScreen(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await reachable(context)
        try await cases.addScreen(
            try await JSONResponse.decode(MovementScreen.self, from: request, entry: .screen), patientID: id, by: caller)
        return JSONResponse.make(Created(), status: .created)
    }

    struct QuestionnaireBody: Decodable {
        var instrument: Instrument
        var date: Day
        var answers: [Int?]
    }

    func postQuestionnaire(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await reachable(context)
        let body = try await JSONResponse.decode(QuestionnaireBody.self, from: request, entry: .questionnaire)
        let score = try await cases.addQuestionnaire(
            body.instrument, date: body.date, answers: body.answers, patientID: id, by: caller)
        return JSONResponse.make(score, status: .created)
    }

    func postClearance(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, clinician) = try await asClinician(context)
        let clearance = try await JSONResponse.decode(Clearance.self, from: request, entry: .clearance)
        try await cases.addClearance(clearance, by: clinician, patientID: id)
        return JSONResponse.make(Created(), status: .created)
    }

    /// An override, with `confirm` to keep a load more than one step above what the person last lifted.
    struct OverrideBody: Decodable {
        var override: Override
        var confirm: Bool

        enum Keys: String, CodingKey { case confirm }

        init(from decoder: any Decoder) throws {
            override = try Override(from: decoder)
            confirm = try decoder.container(keyedBy: Keys.self).decodeIfPresent(Bool.self, forKey: .confirm) ?? false
        }
    }

    func postOverride(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, clinician) = try await asClinician(context)
        let body = try await JSONResponse.decode(OverrideBody.self, from: request, entry: .override)
        try await cases.addOverride(body.override, by: clinician, confirmed: body.confirm, patientID: id)
        return JSONResponse.make(Created(), status: .created)
    }

    /// `asOf` from the query: required, so history can be back-filled and replayed.
    static func asOf(_ request: Request) throws -> Day {
        guard let text = request.uri.queryParameters.get("asOf") else {
            throw APIError(.badRequest, "give the day to prescribe for, as asOf=YYYY-MM-DD", field: "asOf")
        }
        guard let day = Day(iso: text) else {
            throw APIError(.badRequest, "\(Words.quoted(text)) is not a calendar date (expected YYYY-MM-DD)", field: "asOf")
        }
        return day
    }

    func getNext(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await reachable(context)
        let asOf = try Self.asOf(request)
        guard let body = try await cases.encodedPrescription(id, asOf: asOf, by: caller, encode: JSONResponse.encoder.encode)
        else {
            throw AppError.noIntake
        }
        return JSONResponse.make(raw: body)
    }

    /// The record as one FHIR R4 Bundle, for the patient and their linked clinician.
    func getFHIR(_ context: AppContext) async throws -> Response {
        let (id, caller) = try await reachable(context)
        guard let bundle = try await cases.fhir(id, by: caller) else { throw AppError.noIntake }
        var response = JSONResponse.make(bundle)
        response.headers[.contentType] = "application/fhir+json; charset=utf-8"
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func getHistory(_ request: Request, _ context: AppContext) async throws -> Response {
        let (id, caller) = try await reachable(context)
        let asOf = try request.uri.queryParameters.get("asOf") == nil ? nil : Self.asOf(request)
        return JSONResponse.make(try await cases.history(id, asOf: asOf, by: caller))
    }
}
