import Foundation
import LiftbackCore
import LiftbackPostgres
import LiftbackSQLite
import LiftbackStore
import Testing

/// One contract, every backend: what the server relies on from any store.
/// PostgreSQL joins when LIFTBACK_TEST_POSTGRES_URL names a disposable database
/// (e.g. postgres://postgres@localhost:5432/liftback_test); each store gets a fresh schema of its own.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case memory, sqlite, postgres

    static let postgresURL = ProcessInfo.processInfo.environment["LIFTBACK_TEST_POSTGRES_URL"]

    /// The backends to run: PostgreSQL only when a server was named.
    static var allCases: [Backend] { postgresURL == nil ? [.memory, .sqlite] : [.memory, .sqlite, .postgres] }

    var testDescription: String { rawValue }

    func make() async throws -> any Store {
        switch self {
        case .memory:
            return MemoryStore()
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("liftback-\(UUID().uuidString).sqlite").path
            return try SQLiteStore(path: path)
        case .postgres:
            let url = try #require(Self.postgresURL)
            let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            let store = try PostgresStore(url: url, schema: schema)
            Task { await store.run() }
            try await store.migrate()
            return store
        }
    }
}

@Suite("Store contract")
struct StoreContractTests {
    let now = Date(timeIntervalSince1970: 1_790_000_000)
    let intake = Intake(
        date: Day(iso: "2026-11-02")!, pattern: .muscular,
        previousWorkingWeights: [WorkingWeight(exercise: "conventional-deadlift", weight: 140, reps: 5)])

    /// A fresh store with one patient whose intake is done, in the default settings.
    func startedCase(_ backend: Backend) async throws -> (any Store, Account) {
        let store = try await backend.make()
        let pat = try await patient(store)
        try await store.saveIntake(intake, settings: PatientSettings(), patientID: pat.id)
        return (store, pat)
    }

    func patient(_ store: any Store, _ email: String = "pat@example.org") async throws -> Account {
        try await store.createAccount(email: email, passwordHash: "hash", name: "Pat", role: .patient, at: now)
    }

    @Test("Accounts: emails are unique whatever their case, and sign-in finds the hash", arguments: Backend.allCases)
    func accounts(backend: Backend) async throws {
        let store = try await backend.make()
        let account = try await patient(store)
        await #expect(throws: StoreError.emailTaken) {
            _ = try await store.createAccount(
                email: "PAT@example.org", passwordHash: "x", name: "Other", role: .clinician, at: now)
        }
        let found = try #require(try await store.credentials(email: "Pat@Example.org"))
        #expect(found.account == account && found.passwordHash == "hash")
        #expect(try await store.account(id: account.id) == account)
        #expect(try await store.credentials(email: "nobody@example.org") == nil)
    }

    @Test("Tokens resolve to their account until deleted", arguments: Backend.allCases)
    func tokens(backend: Backend) async throws {
        let store = try await backend.make()
        let account = try await patient(store)
        try await store.saveToken(hash: "abc", accountID: account.id, kind: .bearer, at: now, expiresAt: now + 3_600)
        #expect(try await store.token(hash: "abc")?.account.id == account.id)
        try await store.deleteToken(hash: "abc")
        #expect(try await store.token(hash: "abc") == nil)
        // A clinician's reset link goes on the patient's trail with the token, in one write.
        let line = AuditEvent(at: now, actorID: "c1", actorRole: .clinician, action: .resetLinkIssued, route: "POST /x")
        try await store.saveToken(
            hash: "link", accountID: account.id, kind: .setPassword, at: now, expiresAt: now + 60, audit: line)
        #expect(try await store.token(hash: "link")?.kind == .setPassword)
        #expect(try await store.auditTrail(patientID: account.id, limit: 5) == [line])
    }

    @Test("A token keeps its kind, its end and its last use; an account's tokens go together", arguments: Backend.allCases)
    func tokenLifetimes(backend: Backend) async throws {
        let store = try await backend.make()
        let account = try await patient(store)
        let other = try await patient(store, "other@example.org")
        try await store.saveToken(hash: "web", accountID: account.id, kind: .session, at: now, expiresAt: now + 3_600)
        try await store.saveToken(hash: "api", accountID: account.id, kind: .bearer, at: now, expiresAt: now + 7_200)
        try await store.saveToken(hash: "theirs", accountID: other.id, kind: .bearer, at: now, expiresAt: now + 7_200)
        let web = try #require(try await store.token(hash: "web"))
        #expect(web.kind == .session && web.expiresAt == now + 3_600 && web.lastUsedAt == now && web.createdAt == now)
        try await store.touchToken(hash: "web", at: now + 600)
        #expect(try await store.token(hash: "web")?.lastUsedAt == now + 600)
        #expect(try await store.token(hash: "api")?.kind == .bearer)
        try await store.setPasswordHash("new hash", accountID: account.id)
        #expect(try await store.credentials(email: account.email)?.passwordHash == "new hash")
        // The one-time links alone can go, sessions staying; a password set with one goes on the trail.
        try await store.saveToken(hash: "link", accountID: account.id, kind: .setPassword, at: now, expiresAt: now + 60)
        try await store.deleteTokens(accountID: account.id, kind: .setPassword)
        #expect(try await store.token(hash: "link") == nil)
        #expect(try await store.token(hash: "web") != nil)
        let line = AuditEvent(at: now, actorID: account.id, actorRole: .patient, action: .passwordSetWithLink, route: "POST /x")
        try await store.setPasswordHash("newer hash", accountID: account.id, audit: line)
        #expect(try await store.auditTrail(patientID: account.id, limit: 5) == [line])
        try await store.deleteTokens(accountID: account.id)
        #expect(try await store.token(hash: "web") == nil)
        #expect(try await store.token(hash: "api") == nil)
        #expect(try await store.token(hash: "theirs")?.account.id == other.id)
    }

    @Test(
        "An accepted invite links a patient to the clinician, and only that pair; it works once, while fresh; a link can end",
        arguments: Backend.allCases)
    func invites(backend: Backend) async throws {
        let store = try await backend.make()
        let clinician = try await store.createAccount(
            email: "doc@example.org", passwordHash: "h", name: "Dr Ada", role: .clinician, at: now)
        let other = try await store.createAccount(
            email: "doc2@example.org", passwordHash: "h", name: "Dr Bo", role: .clinician, at: now)
        let pat = try await patient(store)
        try await store.createInvite(code: "JOIN-123", clinicianID: clinician.id, at: now)
        let weekAgo = now.addingTimeInterval(-7 * 86_400)
        #expect(try await store.acceptInvite(code: "NOPE", patientID: pat.id, createdAfter: weekAgo) == nil)
        // Too old: refused, and still there for nobody else either (it simply never opens).
        #expect(try await store.acceptInvite(code: "JOIN-123", patientID: pat.id, createdAfter: now) == nil)
        #expect(try await store.acceptInvite(code: "JOIN-123", patientID: pat.id, createdAfter: weekAgo) == clinician.id)
        #expect(try await store.isLinked(patientID: pat.id, clinicianID: clinician.id))
        #expect(try await !store.isLinked(patientID: pat.id, clinicianID: other.id))
        #expect(try await store.patients(ofClinician: clinician.id).map(\.id) == [pat.id])
        #expect(try await store.clinicians(ofPatient: pat.id).map(\.id) == [clinician.id])
        #expect(try await store.patients(ofClinician: other.id).isEmpty)
        // Used once: a second patient with the same code gets nothing.
        let second = try await patient(store, "second@example.org")
        #expect(try await store.acceptInvite(code: "JOIN-123", patientID: second.id, createdAfter: weekAgo) == nil)
        #expect(try await store.patients(ofClinician: clinician.id).map(\.id) == [pat.id])
        // The patient ends the link.
        #expect(try await store.unlink(patientID: pat.id, clinicianID: clinician.id))
        #expect(try await !store.unlink(patientID: pat.id, clinicianID: clinician.id))
        #expect(try await !store.isLinked(patientID: pat.id, clinicianID: clinician.id))
        #expect(try await store.clinicians(ofPatient: pat.id).isEmpty)
    }

    @Test("Nothing is logged against a case before its intake", arguments: Backend.allCases)
    func noIntake(backend: Backend) async throws {
        let store = try await backend.make()
        let pat = try await patient(store)
        #expect(try await store.caseData(patientID: pat.id) == nil)
        await #expect(throws: StoreError.noIntake) {
            try await store.addCheckIn(CheckIn(date: Day(iso: "2026-11-03")!, pain: 3), patientID: pat.id)
        }
    }

    @Test(
        "Entries sent together (group commit on SQLite) are each stored once and answered with their own id; one refused by its check leaves the rest",
        arguments: Backend.allCases)
    func concurrentEntries(backend: Backend) async throws {
        struct Refused: Error {}
        let store = try await backend.make()
        let pat = try await patient(store)
        try await store.saveIntake(
            Intake(date: Day(iso: "2026-11-02")!, pattern: .muscular), settings: PatientSettings(), patientID: pat.id)
        // 40 check-ins at once: the last five repeat the first five (same key, same entry); the 8th is refused.
        let answers = try await withThrowingTaskGroup(of: (Int, Int64?).self) { group in
            for index in 0..<40 {
                let original = index < 35 ? index : index - 35
                group.addTask {
                    let entry = CaseEntry.checkIn(
                        CheckIn(date: Day(iso: "2026-11-03")!.adding(days: original % 20), pain: original % 11))
                    let id = try? await store.addEntry(
                        entry, patientID: pat.id, check: { _ in if original == 7 { throw Refused() } }, audit: nil,
                        key: "k\(original)")
                    return (index, id)
                }
            }
            return try await group.reduce(into: [Int: Int64?]()) { $0[$1.0] = $1.1 }
        }
        #expect(answers[7] == .some(nil))
        for index in 35..<40 { #expect(answers[index] == answers[index - 35], "\(index)") }
        let ids = Set(answers.values.compactMap { $0 })
        #expect(ids.count == 34)
        #expect(try await store.caseData(patientID: pat.id)?.checkIns.count == 34)
    }

    @Test(
        "Background work is done by one instance at a time on a shared database: a second turn taken meanwhile is refused, and the turn is free again after",
        arguments: Backend.allCases)
    func oneInstanceAtATime(backend: Backend) async throws {
        let store = try await backend.make()
        let started = AsyncStream<Void>.makeStream()
        let first = Task {
            try await store.asTheOnlyOne(.statusRefresh) {
                started.continuation.yield()
                try await Task.sleep(for: .milliseconds(400))
                return 1
            }
        }
        for await _ in started.stream { break }
        let second = try await store.asTheOnlyOne(.statusRefresh) { 2 }
        #expect(try await first.value == 1)
        // PostgreSQL is shared by several app servers; the other stores belong to one process.
        #expect(second == (backend == .postgres ? nil : 2))
        #expect(try await store.asTheOnlyOne(.statusRefresh) { 3 } == 3)
        // A turn whose work fails is given back too.
        await #expect(throws: CancellationError.self) {
            try await store.asTheOnlyOne(.statusRefresh) { () async throws -> Int in throw CancellationError() }
        }
        #expect(try await store.asTheOnlyOne(.statusRefresh) { 4 } == 4)
    }

    @Test(
        "An entry sent again with its idempotency key is stored once and answered with the first id; the key with another entry is refused",
        arguments: Backend.allCases)
    func idempotencyKeys(backend: Backend) async throws {
        let store = try await backend.make()
        let pat = try await patient(store)
        let other = try await patient(store, "other@example.org")
        for person in [pat, other] { try await store.saveIntake(intake, settings: PatientSettings(), patientID: person.id) }
        let session = Workout(
            date: Day(iso: "2026-12-01")!,
            exercises: [LoggedExercise(exercise: "glute-bridge", sets: [LoggedSet(reps: 10, pain: 1)])], painDuring: 1)
        let line = AuditEvent(at: now, actorID: pat.id, actorRole: .patient, action: .workoutLogged, route: "POST /x")
        let first = try await store.addEntry(.workout(session), patientID: pat.id, check: { _ in }, audit: line, key: "k-1")
        let version = try await store.caseVersion(patientID: pat.id)
        let again = try await store.addEntry(.workout(session), patientID: pat.id, check: { _ in }, audit: line, key: "k-1")
        #expect(again == first)
        #expect(try await store.caseData(patientID: pat.id)?.workouts.count == 1)
        #expect(try await store.caseVersion(patientID: pat.id) == version)
        #expect(try await store.auditTrail(patientID: pat.id, limit: 10).count == 1)
        var changed = session
        changed.painDuring = 4
        await #expect(throws: StoreError.keyReused) {
            try await store.addEntry(.workout(changed), patientID: pat.id, check: { _ in }, audit: nil, key: "k-1")
        }
        // A key is the sender's own: another person's entry with the same key is theirs, and no key means a new entry.
        #expect(
            try await store.addEntry(.workout(session), patientID: other.id, check: { _ in }, audit: nil, key: "k-1") != first)
        _ = try await store.addEntry(.workout(session), patientID: pat.id, check: { _ in }, audit: nil, key: nil)
        #expect(try await store.caseData(patientID: pat.id)?.workouts.count == 2)
        // Two sends racing with one key (a retry while the first is still on its way) store one entry.
        async let one = store.addEntry(.workout(session), patientID: pat.id, check: { _ in }, audit: line, key: "race")
        async let two = store.addEntry(.workout(session), patientID: pat.id, check: { _ in }, audit: line, key: "race")
        #expect(try await one == two)
        #expect(try await store.caseData(patientID: pat.id)?.workouts.count == 3)
    }

    @Test(
        "The case round-trips: intake, workouts in date order, check-ins, screens, clearances, overrides",
        arguments: Backend.allCases)
    func caseRoundTrip(backend: Backend) async throws {
        let store = try await backend.make()
        let pat = try await patient(store)
        let settings = PatientSettings(policy: .painFree, unit: .lb)
        try await store.saveIntake(intake, settings: settings, patientID: pat.id)
        let later = Workout(
            date: Day(iso: "2026-12-02")!,
            exercises: [LoggedExercise(exercise: "trap-bar-deadlift", sets: [LoggedSet(weight: 155, reps: 8, tempo: "3-1-2")])],
            painDuring: 3, painAfter: 2)
        let earlier = Workout(date: Day(iso: "2026-11-30")!, exercises: [], painDuring: 1)
        let laterID = try await store.addWorkout(later, patientID: pat.id)
        _ = try await store.addWorkout(earlier, patientID: pat.id)
        try await store.addCheckIn(
            CheckIn(date: Day(iso: "2026-12-01")!, pain: 2, stiffnessMinutes: 10, flags: [.ageOver50]), patientID: pat.id)
        try await store.addScreen(MovementScreen(date: Day(iso: "2026-12-01")!, passed: true), patientID: pat.id)
        try await store.addClearance(
            Clearance(flag: .radiatingLegPain, date: Day(iso: "2026-11-09")!, by: "Dr Ada"), patientID: pat.id)
        try await store.addOverride(
            Override(kind: .note, date: Day(iso: "2026-12-01")!, by: "Dr Ada", note: "Easy week"), patientID: pat.id)

        let data = try #require(try await store.caseData(patientID: pat.id))
        #expect(data.settings == settings && data.intake == intake)
        #expect(data.workouts.map(\.workout) == [earlier, later])
        #expect(data.checkIns.first?.flags == [.ageOver50])
        #expect(data.screens.count == 1 && data.clearances.first?.by == "Dr Ada" && data.overrides.first?.note == "Easy week")

        var answered = later
        answered.nextDay = .settled
        #expect(try await store.replaceWorkout(id: laterID, with: answered, patientID: pat.id))
        #expect(try await store.workout(id: laterID, patientID: pat.id)?.nextDay == .settled)
        let stranger = try await patient(store, "other@example.org")
        #expect(try await !store.replaceWorkout(id: laterID, with: answered, patientID: stranger.id))
        #expect(try await store.workout(id: laterID, patientID: stranger.id) == nil)

        let prescription = Engine.standard.nextPrescription(
            for: try #require(try await store.caseData(patientID: pat.id)).asCase(asOf: Day(iso: "2026-12-07")!))
        #expect(prescription.unit == .lb && prescription.policy == .painFree)
    }

    @Test("Questionnaires are kept with their scores in date order", arguments: Backend.allCases)
    func questionnaires(backend: Backend) async throws {
        let store = try await backend.make()
        let pat = try await patient(store)
        let odi = try Instrument.odi.score([1, 2, 3, nil, 2, 2, 1, 0, 1, 2])
        let startBack = try Instrument.startback.score([1, 0, 0, 1, 0, 1, 1, 0, 3])
        _ = try await store.addQuestionnaire(
            QuestionnaireRecord(date: Day(iso: "2026-12-01")!, answers: [1, 2, 3, nil, 2, 2, 1, 0, 1, 2], score: odi),
            patientID: pat.id)
        _ = try await store.addQuestionnaire(
            QuestionnaireRecord(date: Day(iso: "2026-11-02")!, answers: [1, 0, 0, 1, 0, 1, 1, 0, 3], score: startBack),
            patientID: pat.id)
        let records = try await store.questionnaires(patientID: pat.id)
        #expect(records.map(\.score.instrument) == [.startback, .odi])
        #expect(records[1].answers[3] == nil && records[1].score.score == 31.1)
    }

    @Test("Questionnaires are part of the case the engine reads, and a new one makes the case newer", arguments: Backend.allCases)
    func questionnairesInTheCase(backend: Backend) async throws {
        let store = try await backend.make()
        let pat = try await patient(store)
        try await store.saveIntake(
            Intake(date: Day(iso: "2026-11-02")!, pattern: .muscular, avoids: [.twisting]), settings: PatientSettings(),
            patientID: pat.id)
        let before = try await store.caseVersion(patientID: pat.id)
        let answers: [Int?] = Array(repeating: 3, count: 11)
        _ = try await store.addQuestionnaire(
            QuestionnaireRecord(date: Day(iso: "2026-11-03")!, answers: answers, score: try Instrument.tsk11.score(answers)),
            patientID: pat.id)
        #expect(try await store.caseVersion(patientID: pat.id) != before)
        let data = try #require(try await store.caseData(patientID: pat.id))
        #expect(
            data.questionnaires == [QuestionnaireAnswers(instrument: .tsk11, date: Day(iso: "2026-11-03")!, answers: answers)])
        #expect(data.intake.avoids == [.twisting])
        let prescription = Engine.standard.nextPrescription(for: data.asCase(asOf: Day(iso: "2026-11-03")!))
        #expect(prescription.alerts.contains { $0.id == .fearOfMovement && $0.forClinician.contains("TSK-11 33/44") })
    }

    @Test("Caseload statuses are cached per patient and go stale on any write to the case", arguments: Backend.allCases)
    func caseloadCache(backend: Backend) async throws {
        let store = try await backend.make()
        let clinician = try await store.createAccount(
            email: "doc@example.org", passwordHash: "h", name: "Dr Ada", role: .clinician, at: now)
        let pat = try await patient(store)
        try await store.createInvite(code: "C1", clinicianID: clinician.id, at: now)
        _ = try await store.acceptInvite(code: "C1", patientID: pat.id, createdAfter: .distantPast)
        #expect(try await store.caseload(clinicianID: clinician.id) == [CaseloadRow(account: pat, status: nil, stale: false)])
        // No status yet: listed for the background refresher, once there is an intake. Patients on
        // nobody's caseload are never listed.
        #expect(try await store.patientsWithStaleStatus(limit: 10) == [])
        let loner = try await patient(store, "loner@example.org")
        try await store.saveIntake(intake, settings: PatientSettings(), patientID: loner.id)
        try await store.saveIntake(intake, settings: PatientSettings(), patientID: pat.id)
        #expect(try await store.patientsWithStaleStatus(limit: 10) == [pat.id])
        #expect(try await store.patientsWithStaleStatus(limit: 0) == [])
        var status = StoredStatus(
            asOf: Day(iso: "2026-12-01")!, status: .flaring, reason: "Pain rose", phase: .reintroduceLifting,
            disposition: .proceed,
            lastTraining: Day(iso: "2026-11-30")!, caseVersion: try #require(try await store.caseVersion(patientID: pat.id)))
        try await store.saveStatus(status, patientID: pat.id)
        #expect(
            try await store.caseload(clinicianID: clinician.id).first == CaseloadRow(account: pat, status: status, stale: false))
        #expect(try await store.patientsWithStaleStatus(limit: 10) == [])
        try await store.addCheckIn(CheckIn(date: Day(iso: "2026-12-02")!, pain: 2), patientID: pat.id)
        #expect(try await store.caseload(clinicianID: clinician.id).first?.stale == true)
        #expect(try await store.patientsWithStaleStatus(limit: 10) == [pat.id])
        // A status computed from the version before the write stays stale; one from the new version is current.
        try await store.saveStatus(status, patientID: pat.id)
        #expect(try await store.caseload(clinicianID: clinician.id).first?.stale == true)
        status.caseVersion = try #require(try await store.caseVersion(patientID: pat.id))
        try await store.saveStatus(status, patientID: pat.id)
        #expect(try await store.caseload(clinicianID: clinician.id).first?.stale == false)
    }

    struct Refused: Error {}

    @Test(
        "An entry the check refuses is refused with the check's own error, even one that JSON cannot hold, and leaves nothing",
        arguments: Backend.allCases)
    func refusedBeforeEncoding(backend: Backend) async throws {
        let (store, pat) = try await startedCase(backend)
        let day = Day(iso: "2026-12-01")!
        let id = try await store.addWorkout(Workout(date: day, exercises: []), patientID: pat.id)
        let version = try await store.caseVersion(patientID: pat.id)
        for weight in [Double.infinity, -.infinity, .nan] {
            let sets = [LoggedSet(weight: weight, reps: 8)]
            let workout = Workout(date: day, exercises: [LoggedExercise(exercise: "trap-bar-deadlift", sets: sets)])
            let refuse: EntryCheck = { _ in throw Refused() }
            await #expect(throws: Refused.self) { _ = try await store.addWorkout(workout, patientID: pat.id, check: refuse) }
            await #expect(throws: Refused.self) {
                _ = try await store.replaceWorkout(id: id, with: workout, patientID: pat.id, check: refuse)
            }
            let override = Override(kind: .load, date: day, by: "Dr Ada", exercise: "trap-bar-deadlift", weight: weight)
            await #expect(throws: Refused.self) { try await store.addOverride(override, patientID: pat.id, check: refuse) }
        }
        let data = try #require(try await store.caseData(patientID: pat.id))
        #expect(data.workouts.map(\.workout) == [Workout(date: day, exercises: [])] && data.overrides.isEmpty)
        #expect(try await store.caseVersion(patientID: pat.id) == version)
    }

    @Test(
        "A flag reported after a clinician cleared it the same day is open again; one reported before stays cleared",
        arguments: Backend.allCases)
    func sameDayClearance(backend: Backend) async throws {
        let (store, pat) = try await startedCase(backend)
        let day = Day(iso: "2026-12-01")!
        try await store.addCheckIn(CheckIn(date: day, pain: 3, flags: [.numbnessTingling]), patientID: pat.id)
        try await store.addClearance(Clearance(flag: .numbnessTingling, date: day, by: "Dr Ada"), patientID: pat.id)
        #expect(try #require(try await store.caseData(patientID: pat.id)).asCase(asOf: day).openFlags.isEmpty)
        // The same day, after the clearance: the contract's days alone would let this pass unseen.
        _ = try await store.addWorkout(Workout(date: day, exercises: [], flags: [.numbnessTingling]), patientID: pat.id)
        let reopened = try #require(try await store.caseData(patientID: pat.id))
        #expect(reopened.asCase(asOf: day).openFlags == [.numbnessTingling])
        #expect(reopened.asCase(asOf: day.adding(days: 5)).openFlags == [.numbnessTingling])
        // The clinician reviews again and clears: now both reports are covered.
        try await store.addClearance(Clearance(flag: .numbnessTingling, date: day, by: "Dr Ada"), patientID: pat.id)
        #expect(try #require(try await store.caseData(patientID: pat.id)).asCase(asOf: day).openFlags.isEmpty)
        // A flag added afterwards to a workout stored before the clearance counts from when it was added.
        let earlier = try #require(try await store.caseData(patientID: pat.id)?.workouts.first)
        var amended = earlier.workout
        amended.flags.append(.radiatingLegPain)
        try await store.addClearance(Clearance(flag: .radiatingLegPain, date: day, by: "Dr Ada"), patientID: pat.id)
        #expect(try await store.replaceWorkout(id: earlier.id, with: amended, patientID: pat.id))
        let amendedCase = try #require(try await store.caseData(patientID: pat.id))
        #expect(amendedCase.asCase(asOf: day).openFlags == [.radiatingLegPain])
        #expect(amendedCase.workouts.count == 1 && amendedCase.checkIns.count == 1)
    }

    @Test(
        "A flag written after a clearance but dated before it (back-filled, or added to an older workout) opens again",
        arguments: Backend.allCases)
    func laterWrittenReports(backend: Backend) async throws {
        let (store, pat) = try await startedCase(backend)
        let (monday, tuesday) = (Day(iso: "2026-12-07")!, Day(iso: "2026-12-08")!)
        let id = try await store.addWorkout(Workout(date: monday, exercises: []), patientID: pat.id)
        try await store.addCheckIn(CheckIn(date: tuesday, pain: 3, flags: [.numbnessTingling]), patientID: pat.id)
        try await store.addClearance(Clearance(flag: .numbnessTingling, date: tuesday, by: "Dr Ada"), patientID: pat.id)
        func open() async throws -> [RedFlag] {
            try #require(try await store.caseData(patientID: pat.id)).asCase(asOf: tuesday).openFlags
        }
        #expect(try await open() == [])
        // Saving the workout again with nothing new reopens nothing.
        #expect(
            try await store.replaceWorkout(id: id, with: Workout(date: monday, exercises: [], nextDay: .same), patientID: pat.id))
        #expect(try await open() == [])
        // On Tuesday, after the clearance, numbness is added to Monday's session: open again.
        let amended = Workout(date: monday, exercises: [], nextDay: .same, flags: [.numbnessTingling])
        #expect(try await store.replaceWorkout(id: id, with: amended, patientID: pat.id))
        #expect(try await open() == [.numbnessTingling])
        // Reviewed and cleared again, written last: it covers everything before it.
        try await store.addClearance(Clearance(flag: .numbnessTingling, date: tuesday, by: "Dr Ada"), patientID: pat.id)
        #expect(try await open() == [])
        // A check-in back-filled for Monday with the flag, written after that clearance: open again.
        try await store.addCheckIn(CheckIn(date: monday, pain: 4, flags: [.numbnessTingling]), patientID: pat.id)
        #expect(try await open() == [.numbnessTingling])
    }

    @Test("An intake saved at a version the case has moved on from writes nothing", arguments: Backend.allCases)
    func intakeAtVersion(backend: Backend) async throws {
        let store = try await backend.make()
        let pat = try await patient(store)
        #expect(try await store.saveIntake(intake, settings: PatientSettings(unit: .lb), patientID: pat.id, ifVersion: nil))
        #expect(!(try await store.saveIntake(intake, settings: PatientSettings(), patientID: pat.id, ifVersion: nil)))
        let version = try #require(try await store.caseVersion(patientID: pat.id))
        _ = try await store.addWorkout(Workout(date: Day(iso: "2026-11-30")!, exercises: []), patientID: pat.id)
        #expect(!(try await store.saveIntake(intake, settings: PatientSettings(), patientID: pat.id, ifVersion: version)))
        #expect(try await store.settings(patientID: pat.id)?.unit == .lb, "the stale write left nothing")
        let current = try await store.caseVersion(patientID: pat.id)
        #expect(try await store.saveIntake(intake, settings: PatientSettings(), patientID: pat.id, ifVersion: current))
        #expect(try await store.settings(patientID: pat.id)?.unit == .kg)
        #expect(try #require(try await store.caseVersion(patientID: pat.id)) > current!)
    }

    @Test("Every write raises the case version; settings read alone", arguments: Backend.allCases)
    func versions(backend: Backend) async throws {
        let store = try await backend.make()
        let pat = try await patient(store)
        #expect(try await store.caseVersion(patientID: pat.id) == nil)
        #expect(try await store.settings(patientID: pat.id) == nil)
        try await store.saveIntake(intake, settings: PatientSettings(unit: .lb), patientID: pat.id)
        let first = try #require(try await store.caseVersion(patientID: pat.id))
        #expect(try await store.settings(patientID: pat.id)?.unit == .lb)
        let id = try await store.addWorkout(Workout(date: Day(iso: "2026-11-30")!, exercises: []), patientID: pat.id)
        let second = try #require(try await store.caseVersion(patientID: pat.id))
        #expect(second > first)
        _ = try await store.replaceWorkout(
            id: id, with: Workout(date: Day(iso: "2026-11-30")!, exercises: [], nextDay: .settled), patientID: pat.id)
        #expect(try #require(try await store.caseVersion(patientID: pat.id)) > second)
    }

    @Test(
        "Workouts and overrides are checked against the case's unit as they are written; a refused one leaves nothing",
        arguments: Backend.allCases)
    func entriesCheckedOnWrite(backend: Backend) async throws {
        let store = try await backend.make()
        let pat = try await patient(store)
        try await store.saveIntake(intake, settings: PatientSettings(unit: .kg), patientID: pat.id)
        let day = Day(iso: "2026-11-30")!
        func lifting(_ weight: Double, _ exercise: ExerciseID = "trap-bar-deadlift") -> Workout {
            Workout(
                date: day, exercises: [LoggedExercise(exercise: exercise, sets: [LoggedSet(weight: weight, reps: 5, pain: 2)])])
        }
        let id = try await store.addWorkout(lifting(100), patientID: pat.id)
        let version = try await store.caseVersion(patientID: pat.id)
        // 800 kg is past what anyone lifts; an unknown exercise is refused by name.
        for refused in [lifting(800), lifting(80, "moon-press")] {
            await #expect(throws: CaseError.self) { _ = try await store.addWorkout(refused, patientID: pat.id) }
            await #expect(throws: CaseError.self) { _ = try await store.replaceWorkout(id: id, with: refused, patientID: pat.id) }
        }
        await #expect(throws: CaseError.self) {
            try await store.addOverride(
                Override(kind: .load, date: day, exercise: "trap-bar-deadlift", weight: 800), patientID: pat.id)
        }
        // An unknown workout is reported as such, whatever is sent to replace it.
        #expect(try await !store.replaceWorkout(id: id + 1_000, with: lifting(800), patientID: pat.id))
        #expect(try await store.caseVersion(patientID: pat.id) == version)
        let data = try #require(try await store.caseData(patientID: pat.id))
        #expect(data.workouts.map(\.workout) == [lifting(100)])
        #expect(data.overrides.isEmpty)
        // The same number in pounds is an ordinary load.
        try await store.saveSettings(PatientSettings(unit: .lb), patientID: pat.id)
        _ = try await store.addWorkout(lifting(800), patientID: pat.id)
        // Before the intake there is no case to write to.
        let newcomer = try await patient(store, "new@example.org")
        await #expect(throws: StoreError.noIntake) { _ = try await store.addWorkout(lifting(100), patientID: newcomer.id) }
    }

    @Test(
        "PostgreSQL: a prepared statement the server stops taking (a table changed under it) is sent again as a plain query",
        .enabled(if: Backend.postgresURL != nil))
    func preparedStatementFallback() async throws {
        let store = try #require(try await Backend.postgres.make() as? PostgresStore)
        let account = try await patient(store)
        try await store.saveToken(hash: "abc", accountID: account.id, kind: .bearer, at: now, expiresAt: now + 3_600)
        #expect(try await store.token(hash: "abc")?.account.id == account.id)  // prepared on its connection
        // A column's type changed under the prepared statement: the server refuses the cached plan.
        try await store.client.query("ALTER TABLE tokens ALTER COLUMN kind TYPE varchar(40)")
        for _ in 0..<3 { #expect(try await store.token(hash: "abc")?.account.id == account.id) }
    }

    @Test(
        "Two instances on one PostgreSQL: an entry is checked against the settings stored now, whichever instance changed them",
        .enabled(if: Backend.postgresURL != nil))
    func settingsAcrossInstances() async throws {
        let url = try #require(Backend.postgresURL)
        let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let first = try PostgresStore(url: url, schema: schema)
        let second = try PostgresStore(url: url, schema: schema)
        Task { await first.run() }
        Task { await second.run() }
        try await first.migrate()
        let pat = try await patient(first)
        try await first.saveIntake(intake, settings: PatientSettings(), patientID: pat.id)
        func lifting(_ weight: Double) -> Workout {
            Workout(
                date: Day(iso: "2026-11-10")!,
                exercises: [LoggedExercise(exercise: "trap-bar-deadlift", sets: [LoggedSet(weight: weight, reps: 5, pain: 2)])])
        }
        _ = try await first.addWorkout(lifting(100), patientID: pat.id)  // the first instance now knows kg
        try await second.saveSettings(PatientSettings(unit: .lb), patientID: pat.id)
        _ = try await first.addWorkout(lifting(800), patientID: pat.id)  // 800 lb: an ordinary load
        try await second.saveSettings(PatientSettings(unit: .kg), patientID: pat.id)
        await #expect(throws: CaseError.self) { _ = try await first.addWorkout(lifting(800), patientID: pat.id) }
        #expect(try await second.caseData(patientID: pat.id)?.workouts.map(\.workout.exercises[0].sets[0].weight) == [100, 800])
    }

    @Test(
        "The audit trail: a write's line lands with it and a refused write leaves none; repeated reads are one line; newest first, views never crowding out changes; it goes with the patient and outlives the actor",
        arguments: Backend.allCases)
    func auditTrail(backend: Backend) async throws {
        let (store, pat) = try await startedCase(backend)
        let doc = try await store.createAccount(
            email: "doc@example.org", passwordHash: "hash", name: "Dr Doc", role: .clinician, at: now)
        func line(_ action: AuditAction, by account: Account, _ seconds: Double) -> AuditEvent {
            AuditEvent(
                at: now.addingTimeInterval(seconds), actorID: account.id, actorRole: account.role, action: action,
                route: "POST /api/v1/patients/{id}/\(action.rawValue)")
        }
        let session = Workout(
            date: Day(iso: "2026-11-10")!,
            exercises: [LoggedExercise(exercise: "goblet-squat", sets: [LoggedSet(weight: 20, reps: 8)])])
        let id = try await store.addWorkout(session, patientID: pat.id, audit: line(.workoutLogged, by: pat, 1)) { _ in }
        // Refused writes: a check that throws, a workout that is not there, a version moved on.
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            _ = try await store.addWorkout(session, patientID: pat.id, audit: line(.workoutLogged, by: pat, 2)) { _ in
                throw Refused()
            }
        }
        #expect(
            try await store.replaceWorkout(
                id: id + 1000, with: session, patientID: pat.id, check: { _ in }, audit: line(.workoutAmended, by: pat, 3))
                == false)
        let version = try #require(try await store.caseVersion(patientID: pat.id))
        #expect(
            try await store.saveIntake(
                intake, settings: PatientSettings(), patientID: pat.id, ifVersion: version - 1,
                audit: line(.intakeSaved, by: pat, 4)) == false)
        // Writes that land, and a read on its own.
        try await store.addOverride(
            Override(kind: .note, date: Day(iso: "2026-11-11")!, note: "Well done"), patientID: pat.id,
            audit: line(.overrideAdded, by: doc, 5)
        ) { _ in }
        try await store.addView(line(.viewed, by: doc, 6), patientID: pat.id, unlessSince: now)
        _ = try await store.addQuestionnaire(
            QuestionnaireRecord(
                date: Day(iso: "2026-11-12")!, answers: Array(repeating: 0, count: 24),
                score: try Instrument.rmdq.score(Array(repeating: 0, count: 24))), patientID: pat.id,
            audit: line(.questionnaireAdded, by: pat, 7))
        #expect(
            try await store.saveIntake(
                intake, settings: PatientSettings(), patientID: pat.id,
                ifVersion: try await store.caseVersion(patientID: pat.id), audit: line(.intakeSaved, by: pat, 8)))
        let trail = try await store.auditTrail(patientID: pat.id, limit: 10)
        #expect(trail.map(\.action) == [.intakeSaved, .questionnaireAdded, .viewed, .overrideAdded, .workoutLogged])
        #expect(trail.first == line(.intakeSaved, by: pat, 8) && trail[2] == line(.viewed, by: doc, 6))
        // A reader's reads within the window are their first line; a read after it is a new line.
        try await store.addView(line(.viewed, by: doc, 9), patientID: pat.id, unlessSince: now.addingTimeInterval(9 - 3_600))
        #expect(try await store.auditTrail(patientID: pat.id, limit: 10).count == 5)
        try await store.addView(
            line(.viewed, by: doc, 7_200), patientID: pat.id, unlessSince: now.addingTimeInterval(7_200 - 3_600))
        // Changes and views have a limit each, so that views never push a change out of the trail.
        let short = try await store.auditTrail(patientID: pat.id, limit: 2)
        #expect(short.map(\.action) == [.viewed, .intakeSaved, .questionnaireAdded, .viewed])
        #expect(short.first == line(.viewed, by: doc, 7_200))
        // The clinician's account goes; their lines stay on the patient's trail. The patient's goes with them.
        #expect(try await store.deleteAccount(id: doc.id))
        #expect(try await store.auditTrail(patientID: pat.id, limit: 10).filter { $0.actorID == doc.id }.count == 3)
        #expect(try await store.deleteAccount(id: pat.id))
        #expect(try await store.auditTrail(patientID: pat.id, limit: 10).isEmpty)
    }

    @Test("A background checkpoint copies the whole log into the SQLite file, and nothing is lost")
    func checkpoint() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("liftback-\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path)
        let pat = try await patient(store)
        try await store.saveIntake(intake, settings: PatientSettings(), patientID: pat.id)
        for day in 1...20 {
            _ = try await store.addWorkout(
                Workout(date: Day(iso: "2026-11-02")!.adding(days: day), exercises: []), patientID: pat.id)
        }
        let (logged, copied) = try await store.checkpoint()
        #expect(logged > 0 && copied == logged)
        #expect(try #require(try await SQLiteStore(path: path).caseData(patientID: pat.id)).workouts.count == 20)
    }

    @Test("SQLite runs in WAL mode with full synchronous commits")
    func durability() async throws {
        let store = try #require(try await Backend.sqlite.make() as? SQLiteStore)
        let (journal, writer, reader) = try await store.durability()
        #expect(journal == "wal")
        // FULL (2) on the connection that commits, not only on readers: GRDB sets NORMAL on its writer.
        #expect(writer == 2)
        #expect(reader == 2)
    }

    @Test("Data survives closing and reopening the SQLite file")
    func reopen() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("liftback-\(UUID().uuidString).sqlite").path
        let id: String
        do {
            let store = try SQLiteStore(path: path)
            id = try await patient(store).id
            try await store.saveIntake(intake, settings: PatientSettings(), patientID: id)
        }
        let reopened = try SQLiteStore(path: path)
        #expect(try await reopened.caseData(patientID: id)?.intake == intake)
    }
}
