import Foundation
import Hummingbird
import LiftbackCore
import LiftbackStore

/// A patient's case: intake, sessions, check-ins, screens, questionnaires, clearances, overrides,
/// and the next prescription. Every clinical decision comes from `LiftbackCore.Engine`.
struct PatientsController {
    let store: any Store
    let engine: Engine
    let cache: CaseCache
    let config: ServerConfig
    var access: Access { Access(store: store) }

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
    }

    struct Created: Encodable { var id: Int64? = nil }

    /// The intake of contract section 2, with the case's settings beside it.
    struct IntakeBody: Decodable {
        var intake: Intake
        var settings: PatientSettings

        enum Keys: String, CodingKey { case policy, unit, plateIncrement }

        init(from decoder: any Decoder) throws {
            intake = try Intake(from: decoder)
            let c = try decoder.container(keyedBy: Keys.self)
            let unit = try c.decodeIfPresent(WeightUnit.self, forKey: .unit) ?? .kg
            settings = PatientSettings(
                policy: try c.decodeIfPresent(ProgressionPolicy.self, forKey: .policy) ?? .painMonitoring, unit: unit,
                plateIncrement: try c.decodeIfPresent(Double.self, forKey: .plateIncrement))
        }
    }

    func putIntake(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patientSelf(id, context)
        let body = try await JSONResponse.decode(IntakeBody.self, from: request)
        guard InputLimits.plateIncrement.contains(body.settings.plateIncrement) else {
            throw APIError(.badRequest, "must be between 0.1 and 50", field: "plateIncrement")
        }
        var intake = body.intake
        try EntryValidation.notAhead(intake.date, today: config.today())
        try EntryValidation.intake(intake, unit: body.settings.unit)
        // A new intake never drops flags the earlier one reported: only a clinician's clearance does.
        if let earlier = try await store.caseData(patientID: id) {
            let stillOpen = Set(earlier.asCase(asOf: max(intake.date, earlier.intake.date)).openFlags)
            let carried = earlier.intake.flags.filter(stillOpen.contains)
            intake.flags = Array(Set(intake.flags + carried)).sorted { $0.rawValue < $1.rawValue }
        }
        try await store.saveIntake(intake, settings: body.settings, patientID: id)
        return JSONResponse.make(Triage.assess(intake.flags))
    }

    /// What an imported export gave: counts and names for the person to check, and the baseline.
    struct ImportSummary: Encodable {
        var format: String
        var sourceUnit: WeightUnit
        var unit: WeightUnit
        var workouts: Int
        /// Sessions dated on or after the intake, left out of the history from before the back pain.
        var fromIntakeOn: Int
        var unmatched: [UnmatchedExercise]
        var skippedRows: Int
        var baseline: [BaselineLift]
    }

    /// An export from Strong, Hevy or FitNotes becomes the intake's training history (replacing any
    /// earlier import), in the case's unit; previous working weights typed in still win over it.
    func putTrainingHistory(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patientSelf(id, context)
        let sourceUnit = try request.uri.queryParameters.get("sourceUnit").map { text in
            guard let unit = WeightUnit(rawValue: text) else {
                throw APIError(.badRequest, "\"\(text)\" is not kg or lb", field: "sourceUnit")
            }
            return unit
        }
        // The file is read and parsed before the case, so the case is written back moments after it was read.
        let text = String(decoding: try await request.body.collect(upTo: 1_000_000).readableBytesView, as: UTF8.self)
        let unit = try await caseData(id).settings.unit
        let history: ImportedHistory
        do {
            history = try TrainingImport.parse(text, unit: unit, defaultSourceUnit: sourceUnit)
        } catch {
            throw APIError(
                .badRequest, error.description + (error.kind == .unitMissing ? "; send sourceUnit=kg or lb" : ""),
                field: error.kind == .unitMissing ? "sourceUnit" : "body")
        }
        var data = try await caseData(id)
        guard data.settings.unit == history.unit else { throw StoreError.busy }
        // Training from before the back pain: sessions from the intake day on are left out.
        data.intake.trainingHistory = history.workouts.filter { $0.date < data.intake.date }
        try EntryValidation.intake(data.intake, unit: data.settings.unit)
        try await store.saveIntake(data.intake, settings: data.settings, patientID: id)
        return JSONResponse.make(
            ImportSummary(
                format: history.format, sourceUnit: history.sourceUnit, unit: history.unit,
                workouts: data.intake.trainingHistory?.count ?? 0,
                fromIntakeOn: history.workouts.count - (data.intake.trainingHistory?.count ?? 0),
                unmatched: history.unmatched, skippedRows: history.skippedRows,
                baseline: Baseline.lifts(for: data.intake, unit: data.settings.unit)))
    }

    /// The stored case (from the cache when current); 409 before the intake.
    func caseData(_ id: String) async throws -> CaseData {
        guard let data = try await cache.caseData(patientID: id) else { throw StoreError.noIntake }
        return data
    }

    func postWorkout(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patientSelf(id, context)
        let workout = try await JSONResponse.decode(Workout.self, from: request)
        try EntryValidation.notAhead(workout.date, today: config.today())
        // The store checks the workout against the case's unit in the same transaction as the write.
        let workoutID = try await store.addWorkout(workout, patientID: id)
        return JSONResponse.make(Created(id: workoutID), status: .created)
    }

    /// The fields a workout may gain after the fact: the next-day answer, pain after, new flags.
    struct WorkoutPatch: Decodable {
        var nextDay: NextDayResponse?
        var painAfter: Int?
        var flags: [RedFlag]?
        var stoppedEarly: Bool?
        var lockedUp: Bool?
    }

    func patchWorkout(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patientSelf(id, context)
        guard let workoutID = context.parameters.get("workoutId", as: Int64.self),
            var workout = try await store.workout(id: workoutID, patientID: id)
        else { throw APIError.notFound }
        let patch = try await JSONResponse.decode(WorkoutPatch.self, from: request)
        if let nextDay = patch.nextDay { workout.nextDay = nextDay }
        if let painAfter = patch.painAfter { workout.painAfter = painAfter }
        if let flags = patch.flags { workout.flags = Array(Set(workout.flags + flags)).sorted { $0.rawValue < $1.rawValue } }
        if let stopped = patch.stoppedEarly { workout.stoppedEarly = stopped }
        if let locked = patch.lockedUp { workout.lockedUp = locked }
        _ = try await store.replaceWorkout(id: workoutID, with: workout, patientID: id)
        return JSONResponse.make(Created(id: workoutID))
    }

    func postCheckIn(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patientSelf(id, context)
        let checkIn = try await JSONResponse.decode(CheckIn.self, from: request)
        try EntryValidation.notAhead(checkIn.date, today: config.today())
        try EntryValidation.checkIn(checkIn)
        try await store.addCheckIn(checkIn, patientID: id)
        return JSONResponse.make(Created(), status: .created)
    }

    func postScreen(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patient(id, context)
        let screen = try await JSONResponse.decode(MovementScreen.self, from: request)
        try EntryValidation.notAhead(screen.date, today: config.today())
        // Parts that contradict `passed` are refused, naming the part (the engine's rule, in the core).
        try EntryValidation.screen(screen)
        try await store.addScreen(screen, patientID: id)
        return JSONResponse.make(Created(), status: .created)
    }

    struct QuestionnaireBody: Decodable {
        var instrument: Instrument
        var date: Day
        var answers: [Int?]
    }

    func postQuestionnaire(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patient(id, context)
        let body = try await JSONResponse.decode(QuestionnaireBody.self, from: request)
        try EntryValidation.notAhead(body.date, today: config.today())
        let score = try body.instrument.score(body.answers)
        _ = try await store.addQuestionnaire(
            QuestionnaireRecord(date: body.date, answers: body.answers, score: score), patientID: id)
        return JSONResponse.make(score, status: .created)
    }

    func postClearance(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let clinician = try await access.linkedClinician(id, context)
        var clearance = try await JSONResponse.decode(Clearance.self, from: request)
        clearance.by = clinician.name
        // Not later than the server's today (UTC): a clearance dated ahead would clear, on that day,
        // flags reported that day which nobody has reviewed; dated a little early, a flag stays open.
        try EntryValidation.clearance(clearance, intake: try await caseData(id).intake.date, latest: config.today())
        try await store.addClearance(clearance, patientID: id)
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
        let id = try context.parameters.require("id")
        let clinician = try await access.linkedClinician(id, context)
        let body = try await JSONResponse.decode(OverrideBody.self, from: request)
        var override = body.override
        try EntryValidation.notAhead(override.date, today: config.today())
        override.by = clinician.name
        if override.kind == .load, !body.confirm,
            let jump = engine.loadJump(override, in: try await caseData(id).asCase(asOf: override.date))
        {
            throw APIError(.badRequest, jump.message + " To keep it, send it again with \"confirm\": true.", field: "weight")
        }
        try await store.addOverride(override, patientID: id)
        return JSONResponse.make(Created(), status: .created)
    }

    /// `asOf` from the query: required, so history can be back-filled and replayed.
    static func asOf(_ request: Request) throws -> Day {
        guard let text = request.uri.queryParameters.get("asOf") else {
            throw APIError(.badRequest, "give the day to prescribe for, as asOf=YYYY-MM-DD", field: "asOf")
        }
        guard let day = Day(iso: text) else {
            throw APIError(.badRequest, "\"\(text)\" is not a calendar date (expected YYYY-MM-DD)", field: "asOf")
        }
        return day
    }

    func getNext(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patient(id, context)
        let asOf = try Self.asOf(request)
        let engine = engine
        let body = try await cache.prescription(patientID: id, asOf: asOf) { data in
            guard asOf >= data.intake.date else {
                throw APIError(.badRequest, "\(asOf) is before the intake date \(data.intake.date)", field: "asOf")
            }
            return try JSONResponse.encoder.encode(engine.nextPrescription(for: data.asCase(asOf: asOf)))
        }
        guard let body else { throw StoreError.noIntake }
        return JSONResponse.make(raw: body)
    }

    func getHistory(_ request: Request, _ context: AppContext) async throws -> Response {
        let id = try context.parameters.require("id")
        _ = try await access.patient(id, context)
        let data = try await caseData(id)
        let latest = ([data.intake.date] + data.workouts.map(\.workout.date) + data.checkIns.map(\.date)).max()!
        let asOf = try request.uri.queryParameters.get("asOf") == nil ? latest : Self.asOf(request)
        return JSONResponse.make(data.asCase(asOf: max(asOf, data.intake.date)))
    }
}
