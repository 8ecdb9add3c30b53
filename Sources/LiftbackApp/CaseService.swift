import Foundation
import LiftbackCore
import LiftbackStore

/// A person's case, the one path for every read and write of it: the JSON API and the pages call
/// these methods and nothing else. Each write is checked by the core (`EntryValidation`): an entry's
/// check is passed to the store, which runs it inside the write transaction against the settings
/// read there, so nothing is stored (or encoded) unless it passes.
/// Whether the caller may do it is the adapter's question, answered by `AccessService` first.
public struct CaseService: Sendable {
    let store: any Store
    let cache: CaseCache
    public let engine: Engine
    /// The engine's catalogue: entries are checked against the exercises it prescribes from.
    var catalog: Catalog { engine.catalog }
    /// Today in a time zone (or a fixed day for demos and tests, whatever the zone).
    let todayIn: @Sendable (TimeZone) -> Day
    /// The server's clock, for the audit trail.
    let now: @Sendable () -> Date

    /// Today where the server is (UTC): entries may be dated at most a day after it.
    public func today() -> Day { todayIn(.utc) }

    /// Today where the person is, from the time zone their settings keep; the server's otherwise.
    public func today(for settings: PatientSettings?) -> Day {
        settings?.timeZone.flatMap(TimeZone.init(identifier:)).map(todayIn) ?? today()
    }

    /// `name` when it is a time zone the intake would keep; a page's hidden field may hold anything.
    public func knownTimeZone(_ name: String?) -> String? {
        name.flatMap { EntryValidation.isTimeZone($0) ? $0 : nil }
    }

    // MARK: Reading

    /// The stored case, from the cache when current, or `nil` before the intake.
    public func caseData(_ patientID: String) async throws -> CaseData? {
        try await cache.caseData(patientID: patientID)
    }

    /// The stored case; `AppError.noIntake` before the intake.
    public func requireCase(_ patientID: String) async throws -> CaseData {
        guard let data = try await caseData(patientID) else { throw AppError.noIntake }
        return data
    }

    /// Whether the intake is done, with one cheap read.
    public func hasIntake(_ patientID: String) async throws -> Bool {
        try await store.settings(patientID: patientID) != nil
    }

    public func questionnaires(_ patientID: String) async throws -> [QuestionnaireRecord] {
        try await store.questionnaires(patientID: patientID)
    }

    /// The person's progress in `data`, their stored case, as the progress page and the clinician's view draw it.
    public func progress(of data: CaseData, patientID: String) async throws -> ProgressSummary {
        let scored = try await questionnaires(patientID).map { (date: $0.date, score: $0.score) }
        return ProgressSummary(
            data.asCase(asOf: max(today(for: data.settings), data.intake.date)), questionnaires: scored,
            catalog: engine.catalog)
    }

    /// A reader's views within this many seconds of their last listed one are that one line: a
    /// clinician reading a record all afternoon leaves a line an hour, and cannot bury its changes.
    public static let viewLineSeconds: TimeInterval = 3_600

    /// A read of the record by anyone but the patient goes on the patient's trail.
    func viewed(_ patientID: String, by caller: Caller) async throws {
        guard caller.account.id != patientID else { return }
        let at = now()
        try await store.addView(
            caller.audit(.viewed, at: at), patientID: patientID, unlessSince: at.addingTimeInterval(-Self.viewLineSeconds))
    }

    /// The next prescription for `asOf` (today, or the intake's day if that is later, when `nil`),
    /// with the case it came from; cached per case version and day. `nil` before the intake.
    public func prescription(_ patientID: String, asOf: Day? = nil, by caller: Caller) async throws -> (
        data: CaseData, prescription: Prescription
    )? {
        let made = try await prescribed(patientID, asOf: asOf, encode: nil).map { ($0.data, $0.prescription) }
        if made != nil { try await viewed(patientID, by: caller) }
        return made
    }

    /// The next prescription as JSON, encoded by `encode` once per case version and day.
    public func encodedPrescription(
        _ patientID: String, asOf: Day, by caller: Caller, encode: @escaping @Sendable (Prescription) throws -> Data
    ) async throws -> Data? {
        let body = try await prescribed(patientID, asOf: asOf, encode: encode)?.body
        if body != nil { try await viewed(patientID, by: caller) }
        return body
    }

    private func prescribed(_ patientID: String, asOf: Day?, encode: (@Sendable (Prescription) throws -> Data)?) async throws -> (
        data: CaseData, prescription: Prescription, body: Data?
    )? {
        let engine = engine
        let todayIn = todayIn
        return try await cache.prescription(
            patientID: patientID,
            day: { data throws(CaseError) in
                guard let asOf else {
                    let today = data.settings.timeZone.flatMap(TimeZone.init(identifier:)).map(todayIn) ?? todayIn(.utc)
                    return max(today, data.intake.date)
                }
                guard asOf >= data.intake.date else {
                    throw CaseError(field: "asOf", message: "\(asOf) is before the intake date \(data.intake.date)")
                }
                return asOf
            },
            make: { data, day in engine.nextPrescription(for: data.asCase(asOf: day)) }, encode: encode)
    }

    /// The person's planned sessions of the next `days` days from their today, as an iCalendar (what
    /// their calendar feed gives, as `liftback export ics` does for a case file); `nil` before the intake.
    public func calendar(_ patientID: String, days: Int = 14, by caller: Caller) async throws -> String? {
        guard let (data, prescription) = try await prescription(patientID, by: caller) else { return nil }
        let c = data.asCase(asOf: prescription.asOf)
        return ICalendar.document(
            engine.plannedSessions(c, days: days), calendarID: String(Token.hash("calendar " + patientID).prefix(16)),
            stamp: prescription.asOf)
    }

    /// The person's record as one FHIR R4 `Bundle` (what `liftback export fhir` gives for a case file),
    /// with the plan of their today; `nil` before the intake. A read by their clinician goes on the trail.
    public func fhir(_ patientID: String, by caller: Caller) async throws -> JSONValue? {
        guard let (data, prescription) = try await prescription(patientID, by: caller) else { return nil }
        let name = try await store.account(id: patientID)?.name
        return FHIRExport.bundle(
            data.asCase(asOf: prescription.asOf), prescription: prescription,
            subject: .init(key: Token.hash("fhir " + patientID), name: name), catalog: catalog)
    }

    /// A person's record on one page, for a referral letter or the clinical record: the plan of
    /// their today, their progress, and the decisions of the last `weeks` weeks.
    public struct Report: Sendable {
        public var patient: Account
        public var data: CaseData
        public var prescription: Prescription
        public var progress: ProgressSummary
        public var decisions: [PlanDay]
        /// The clinician's changes to the plan in the same weeks, newest first.
        public var clinicianChanges: [PlanVersion] = []
        public var weeks: Int
    }

    /// How many weeks of plan versions the clinician's patient page shows.
    public static let versionWeeks = 6

    /// The plan's versions of the last `versionWeeks` weeks, newest first, for the clinician's page
    /// (the page's read of the record is on the trail already).
    public func planVersions(of data: CaseData, asOf: Day) -> [PlanVersion] {
        engine.planVersions(data.asCase(asOf: asOf), days: 7 * Self.versionWeeks)
    }

    /// The report of `patient` (whom `AccessService` let the caller reach); `nil` before the intake.
    /// A clinician's read goes on the person's trail, as any read of the record does.
    public func report(of patient: Account, weeks: Int = 4, by caller: Caller) async throws -> Report? {
        guard let (data, prescription) = try await prescription(patient.id, by: caller) else { return nil }
        let c = data.asCase(asOf: prescription.asOf)
        return Report(
            patient: patient, data: data, prescription: prescription,
            progress: try await progress(of: data, patientID: patient.id),
            decisions: engine.recentDecisions(c, days: 7 * weeks),
            clinicianChanges: engine.planVersions(c, days: 7 * weeks).filter {
                if case .clinician = $0.author { true } else { false }
            }, weeks: weeks)
    }

    /// The person's logged sessions as a Strong export (what `liftback export strong` gives for a case
    /// file); `nil` before the intake.
    public func strongExport(_ patientID: String, by caller: Caller) async throws -> String? {
        guard let data = try await caseData(patientID) else { return nil }
        try await viewed(patientID, by: caller)
        return StrongCSV.export(data.workouts.map(\.workout), unit: data.settings.unit, catalog: catalog).csv
    }

    /// The whole case as of `asOf`, or as of its latest entry when `nil` (never before the intake).
    public func history(_ patientID: String, asOf: Day?, by caller: Caller) async throws -> Case {
        let data = try await requireCase(patientID)
        try await viewed(patientID, by: caller)
        let latest = ([data.intake.date] + data.workouts.map(\.workout.date) + data.checkIns.map(\.date)).max()!
        return data.asCase(asOf: max(asOf ?? latest, data.intake.date))
    }

    /// What the person's day shows: the plan, the session still waiting for its next-day answer, and,
    /// when the plan pauses for a review, whether a clinician is linked to do it.
    public struct PersonDay: Sendable {
        public var data: CaseData
        public var prescription: Prescription
        public var awaiting: StoredWorkout?
        /// `true` unless the plan pauses and nobody is linked to review it.
        public var reviewerLinked: Bool
        /// A session is logged on the person's today: the day's work is done.
        public var doneToday: Bool
        /// A training day since the last session that went by with nothing logged.
        public var missed: (day: Day, kind: SessionKind)?
    }

    /// The person's day, or `nil` before the intake.
    public func day(of patient: Account, by caller: Caller) async throws -> PersonDay? {
        guard let (data, prescription) = try await prescription(patient.id, by: caller) else { return nil }
        var linked = true
        if prescription.disposition.stopsLoading { linked = !(try await store.clinicians(ofPatient: patient.id)).isEmpty }
        let today = today(for: data.settings)
        let logged = data.workouts.map(\.workout.date)
        return PersonDay(
            data: data, prescription: prescription, awaiting: awaitingAnswer(data), reviewerLinked: linked,
            doneToday: logged.contains(today),
            missed: SessionPlan.missed(
                phase: prescription.phase, since: prescription.phaseSince, logged: logged, asOf: today))
    }

    /// The session that still waits for its next-day answer on the person's today, if any.
    public func awaitingAnswer(_ data: CaseData) -> StoredWorkout? {
        let today = today(for: data.settings)
        return data.workouts.last { $0.workout.awaitsNextDayAnswer(today: today, settings: engine.settings) }
    }

    // MARK: The person's entries

    /// Saves the intake (replacing an earlier one, whose open flags it keeps) and returns its triage.
    @discardableResult
    public func saveIntake(_ intake: Intake, settings: PatientSettings, patientID: String, by caller: Caller) async throws
        -> TriageResult
    {
        try EntryValidation.plateIncrement(settings.plateIncrement, unit: settings.unit)
        if let zone = settings.timeZone { try EntryValidation.timeZone(zone) }
        if let equipment = settings.equipment { try EntryValidation.equipment(equipment, unit: settings.unit) }
        try EntryValidation.notAhead(intake.date, today: today())
        try EntryValidation.intake(intake, unit: settings.unit, catalog: catalog)
        return try await rewrite(patientID, caller.audit(.intakeSaved, at: now())) { data in
            let earlier = data.map { $0.asCase(asOf: $0.intake.date) }
            try earlier?.checkUnitChange(to: settings.unit)
            let kept = intake.keepingOpenFlags(of: earlier)
            return (kept, settings, Triage.assess(kept.flags))
        }
    }

    /// Reads the case at one version, lets `change` decide its new intake and settings from it, and
    /// writes them only at that version. A write that lands in between (a session logged, a unit
    /// changed) sends it round again with the newer case, so nothing decided on a stale read is
    /// saved and nothing written meanwhile is lost; `AppError.busy` after `rewriteAttempts` rounds.
    private func rewrite<Result>(
        _ patientID: String, _ audit: AuditEvent,
        _ change: (CaseData?) throws -> (intake: Intake, settings: PatientSettings, result: Result)
    ) async throws -> Result {
        for _ in 0..<Self.rewriteAttempts {
            let version = try await store.caseVersion(patientID: patientID)
            let (intake, settings, result) = try change(try await store.caseData(patientID: patientID))
            if try await store.saveIntake(intake, settings: settings, patientID: patientID, ifVersion: version, audit: audit) {
                return result
            }
        }
        throw AppError.busy
    }

    /// The person's own settings: unit (only until a weight is logged), plate increment, time
    /// zone and the equipment at hand. The progression policy stays the clinician's.
    public func saveSettings(
        unit: WeightUnit, plateIncrement: Double, timeZone: String?, equipment: EquipmentAtHand?, patientID: String,
        by caller: Caller
    ) async throws {
        try EntryValidation.plateIncrement(plateIncrement, unit: unit)
        if let timeZone { try EntryValidation.timeZone(timeZone) }
        if let equipment { try EntryValidation.equipment(equipment, unit: unit) }
        try await rewrite(patientID, caller.audit(.settingsChanged, at: now())) { data in
            guard var data else { throw AppError.noIntake }
            try data.asCase(asOf: data.intake.date).checkUnitChange(to: unit)
            data.settings.unit = unit
            data.settings.plateIncrement = plateIncrement
            data.settings.timeZone = timeZone
            data.settings.equipment = equipment
            return (data.intake, data.settings, ())
        }
    }

    /// How often `rewrite` reads and decides again when the case moved on while it decided.
    static let rewriteAttempts = 5

    /// What an imported export gave: counts and names for the person to check, and the baseline.
    public struct ImportSummary: Encodable, Sendable {
        public var format: String
        public var sourceUnit: WeightUnit
        public var unit: WeightUnit
        public var workouts: Int
        /// Sessions dated on or after the intake, left out of the history from before the back pain.
        public var fromIntakeOn: Int
        public var unmatched: [UnmatchedExercise]
        public var skippedRows: Int
        public var baseline: [BaselineLift]
    }

    /// An export from Strong, Hevy or FitNotes becomes the intake's training history (replacing any
    /// earlier import), in the case's unit; previous working weights typed in still win over it.
    public func importTrainingHistory(_ text: String, sourceUnit: WeightUnit?, patientID: String, by caller: Caller)
        async throws -> ImportSummary
    {
        guard let unit = try await store.settings(patientID: patientID)?.unit else { throw AppError.noIntake }
        let history: ImportedHistory
        do {
            history = try TrainingImport.parse(text, unit: unit, catalog: catalog, defaultSourceUnit: sourceUnit)
        } catch {
            let unitMissing = error.kind == .unitMissing
            throw AppError.invalid(
                field: unitMissing ? "sourceUnit" : "body",
                message: error.description + (unitMissing ? "; send sourceUnit=kg or lb" : ""))
        }
        let catalog = catalog
        return try await rewrite(patientID, caller.audit(.trainingHistoryImported, at: now())) { data in
            guard var data else { throw AppError.noIntake }
            // The file was parsed in the case's unit as it was read first: a change of unit since saves nothing.
            guard data.settings.unit == history.unit else { throw AppError.busy }
            // Training from before the back pain: sessions from the intake day on are left out.
            data.intake.trainingHistory = history.workouts.filter { $0.date < data.intake.date }
            try EntryValidation.intake(data.intake, unit: data.settings.unit, catalog: catalog)
            let kept = data.intake.trainingHistory?.count ?? 0
            let summary = ImportSummary(
                format: history.format, sourceUnit: history.sourceUnit, unit: history.unit, workouts: kept,
                fromIntakeOn: history.workouts.count - kept, unmatched: history.unmatched, skippedRows: history.skippedRows,
                baseline: Baseline.lifts(for: data.intake, unit: data.settings.unit))
            return (data.intake, data.settings, summary)
        }
    }

    /// A clinician's note for the person reads as written: characters that reorder or hide the text
    /// around them could make it say something else on the person's screen.
    static func checkNote(_ note: String?) throws {
        guard let note, PlainText.hasReordering(note) else { return }
        throw AppError.invalid(field: "note", message: "holds characters that reorder or hide text; please type it plainly")
    }

    /// The longest idempotency key taken.
    public static let keyLength = 128

    /// A sender's idempotency key as stored: plain text of at most `keyLength` characters.
    static func checkedKey(_ key: String?) throws -> String? {
        guard let key else { return nil }
        guard !key.isEmpty, key.count <= keyLength, PlainText.isPlain(key) else {
            throw AppError.invalid(
                field: "Idempotency-Key", message: "should be 1 to \(keyLength) characters of plain text, such as a UUID")
        }
        return key
    }

    /// Adds a logged session; returns its id, for the next-day answer later. With `key` (the
    /// sender's idempotency key), the same session sent again is stored once and answered with
    /// the first one's id.
    public func addWorkout(_ workout: Workout, patientID: String, by caller: Caller, key: String? = nil) async throws
        -> Int64
    {
        try EntryValidation.notAhead(workout.date, today: today())
        let key = try Self.checkedKey(key)
        var distinct = workout
        distinct.flags = workout.flags.distinctFlags
        return try await AppError.translating {
            try await store.addEntry(
                .workout(distinct), patientID: patientID,
                check: { [distinct] settings in
                    try EntryValidation.workout(distinct, unit: settings.unit, catalog: catalog)
                    try EntryValidation.recordsSomething(distinct)
                }, audit: caller.audit(.workoutLogged, at: now()), key: key)
        }
    }

    /// Every field of `workout` the check of `addWorkout` would refuse, for a page that marks them
    /// all once a save was refused; empty before the intake.
    public func workoutProblems(_ workout: Workout, patientID: String) async throws -> [CaseError] {
        guard let settings = try await store.settings(patientID: patientID) else { return [] }
        return EntryValidation.workoutProblems(workout, unit: settings.unit, catalog: catalog)
    }

    /// What a session may gain after the fact: the next-day answer, pain after, new flags, and
    /// whether it was stopped early or left the back locked up. Flags are only ever added.
    public struct WorkoutAmendment: Decodable, Sendable {
        public var nextDay: NextDayResponse?
        public var painAfter: Int?
        public var flags: [RedFlag]?
        public var stoppedEarly: Bool?
        public var lockedUp: Bool?

        public init(
            nextDay: NextDayResponse? = nil, painAfter: Int? = nil, flags: [RedFlag]? = nil, stoppedEarly: Bool? = nil,
            lockedUp: Bool? = nil
        ) {
            self.nextDay = nextDay
            self.painAfter = painAfter
            self.flags = flags
            self.stoppedEarly = stoppedEarly
            self.lockedUp = lockedUp
        }

        func applied(to workout: Workout) -> Workout {
            var workout = workout
            if let nextDay { workout.nextDay = nextDay }
            if let painAfter { workout.painAfter = painAfter }
            if let flags { workout.flags = (workout.flags + flags).distinctFlags }
            if let stoppedEarly { workout.stoppedEarly = stoppedEarly }
            if let lockedUp { workout.lockedUp = lockedUp }
            return workout
        }
    }

    /// Amends a stored session; `AppError.notFound` when the patient has no session with that id.
    public func amendWorkout(id: Int64, _ amendment: WorkoutAmendment, patientID: String, by caller: Caller) async throws {
        guard let stored = try await store.workout(id: id, patientID: patientID) else { throw AppError.notFound }
        let workout = amendment.applied(to: stored)
        guard
            try await AppError.translating({
                try await store.replaceWorkout(
                    id: id, with: workout, patientID: patientID,
                    check: { settings in try EntryValidation.workout(workout, unit: settings.unit, catalog: catalog) },
                    audit: caller.audit(.workoutAmended, at: now()))
            })
        else { throw AppError.notFound }
    }

    /// Adds a check-in, and with it the next-day answer to an earlier session when one is given (a
    /// session that is not the patient's is passed over). The check-in is checked first, so a
    /// refused one changes nothing. With `key`, the same check-in sent again is stored once.
    public func addCheckIn(
        _ checkIn: CheckIn, patientID: String, by caller: Caller,
        answering session: (id: Int64, amendment: WorkoutAmendment)? = nil, key: String? = nil
    ) async throws {
        try EntryValidation.notAhead(checkIn.date, today: today())
        try EntryValidation.checkIn(checkIn)
        let key = try Self.checkedKey(key)
        var checkIn = checkIn
        checkIn.flags = checkIn.flags.distinctFlags
        if let session, try await store.workout(id: session.id, patientID: patientID) != nil {
            try await amendWorkout(id: session.id, session.amendment, patientID: patientID, by: caller)
        }
        _ = try await AppError.translating {
            try await store.addEntry(
                .checkIn(checkIn), patientID: patientID, check: { _ in }, audit: caller.audit(.checkInAdded, at: now()),
                key: key)
        }
    }

    /// Adds a movement screen; parts that contradict `passed` are refused, naming the part.
    public func addScreen(_ screen: MovementScreen, patientID: String, by caller: Caller) async throws {
        try EntryValidation.notAhead(screen.date, today: today())
        try EntryValidation.screen(screen)
        try await AppError.translating {
            try await store.addScreen(screen, patientID: patientID, audit: caller.audit(.screenAdded, at: now()))
        }
    }

    /// Scores and keeps a questionnaire; returns its score.
    @discardableResult
    public func addQuestionnaire(_ instrument: Instrument, date: Day, answers: [Int?], patientID: String, by caller: Caller)
        async throws -> InstrumentScore
    {
        try EntryValidation.notAhead(date, today: today())
        let score = try instrument.score(answers)
        _ = try await store.addQuestionnaire(
            QuestionnaireRecord(date: date, answers: answers, score: score), patientID: patientID,
            audit: caller.audit(.questionnaireAdded, at: now()))
        return score
    }

    // MARK: The clinician's entries

    /// Clears a reviewed flag in the clinician's name. Not later than today: a clearance dated ahead
    /// would clear, on that day, flags reported that day which nobody has reviewed.
    public func addClearance(_ clearance: Clearance, by caller: Caller, patientID: String) async throws {
        var clearance = clearance
        clearance.by = caller.account.name
        clearance.byAccount = caller.account.id
        try Self.checkNote(clearance.note)
        let data = try await requireCase(patientID)
        let today = today()
        try EntryValidation.clearance(clearance, intake: data.intake.date, latest: today)
        if clearance.date == today { clearance.date = data.asCase(asOf: today).clearanceDay(for: clearance.flag) }
        try await AppError.translating {
            try await store.addClearance(clearance, patientID: patientID, audit: caller.audit(.flagCleared, at: now()))
        }
    }

    /// Adds an override in the clinician's name. It is checked first; then a load more than one step
    /// above what the person last lifted is kept only when `confirmed`, and otherwise refused with
    /// `AppError.loadNeedsConfirmation` saying why.
    public func addOverride(_ override: Override, by caller: Caller, confirmed: Bool, patientID: String) async throws {
        var override = override
        override.by = caller.account.name
        override.byAccount = caller.account.id
        try Self.checkNote(override.note)
        try EntryValidation.notAhead(override.date, today: today())
        let data = try await requireCase(patientID)
        try EntryValidation.override(override, unit: data.settings.unit, catalog: catalog)
        if override.kind == .load, !confirmed, let jump = engine.loadJump(override, in: data.asCase(asOf: override.date)) {
            throw AppError.loadNeedsConfirmation(jump)
        }
        let checked = override
        try await AppError.translating {
            try await store.addOverride(checked, patientID: patientID, audit: caller.audit(.overrideAdded, at: now())) {
                settings in
                try EntryValidation.override(checked, unit: settings.unit, catalog: catalog)
            }
        }
    }

    /// Sets the progression policy.
    public func setPolicy(_ policy: ProgressionPolicy, by caller: Caller, patientID: String) async throws {
        // No note is added: the three notes a person sees are their clinician's own words, and the
        // prescription already says which policy it follows.
        try await rewrite(patientID, caller.audit(.policyChanged, at: now())) { data in
            guard var data else { throw AppError.noIntake }
            data.settings.policy = policy
            return (data.intake, data.settings, ())
        }
    }
}
