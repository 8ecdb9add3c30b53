import Foundation
import LiftbackCore

/// Liftback's persistence, one protocol for every backend (in-memory for tests, SQLite, PostgreSQL).
///
/// Identifiers of patients are their account ids. Methods that take a patient never check who is
/// asking: authorisation belongs to the application layer (`AccessService`), which asks first.
public protocol Store: Sendable {
    // MARK: Accounts and tokens

    /// Creates an account. Throws `StoreError.emailTaken` when the (case-insensitive) email exists.
    func createAccount(email: String, passwordHash: String, name: String, role: Role, at: Date) async throws -> Account
    /// The account and its password hash, for sign-in.
    func credentials(email: String) async throws -> (account: Account, passwordHash: String)?
    func account(id: String) async throws -> Account?
    /// Deletes the account and everything held about it: tokens, invites, links, the case, its
    /// entries, questionnaires and status. `false` when there was no such account.
    func deleteAccount(id: String) async throws -> Bool
    /// Replaces the account's password hash.
    /// With `audit`, the line goes on the account's trail (a patient's) in the same transaction.
    func setPasswordHash(_ hash: String, accountID: String, audit: AuditEvent?) async throws
    /// Keeps a bearer or session token by its hash; the token itself is never stored. With `audit`,
    /// the line goes on the trail of the token's account, a patient, in the same transaction (a
    /// clinician's reset link for their patient).
    func saveToken(hash: String, accountID: String, kind: TokenKind, at: Date, expiresAt: Date, audit: AuditEvent?)
        async throws
    /// The token with this hash, whatever its state: the caller decides whether it still holds.
    func token(hash: String) async throws -> StoredToken?
    /// Records that the token was used at `at`, for its idle limit.
    func touchToken(hash: String, at: Date) async throws
    /// Deletes the token; `true` when it existed, so that of two requests racing to use a one-time
    /// token only one can have it.
    @discardableResult func deleteToken(hash: String) async throws -> Bool
    /// Deletes every token of the account: signing out everywhere, or after a new password.
    func deleteTokens(accountID: String) async throws
    /// Deletes the account's tokens of one kind (its one-time links, when a clinician is unlinked).
    func deleteTokens(accountID: String, kind: TokenKind) async throws

    // MARK: Clinician links

    /// Keeps an invite by `code` as the caller gives it: the services give the code's hash, never
    /// the code itself.
    func createInvite(code: String, clinicianID: String, at: Date) async throws
    /// Links the patient to the invite's clinician and uses the invite up; returns the clinician's
    /// id, or `nil` for a code unknown, used, or created before `createdAfter`.
    func acceptInvite(code: String, patientID: String, createdAfter: Date) async throws -> String?
    /// Ends the link between the patient and the clinician; `false` when there was none.
    func unlink(patientID: String, clinicianID: String) async throws -> Bool
    func isLinked(patientID: String, clinicianID: String) async throws -> Bool
    /// The clinician's patients, by name.
    func patients(ofClinician clinicianID: String) async throws -> [Account]
    /// The patient's clinicians, by name: who can see their record.
    func clinicians(ofPatient patientID: String) async throws -> [Account]

    // MARK: The case

    func saveIntake(_ intake: Intake, settings: PatientSettings, patientID: String) async throws
    /// Saves the intake only while the case is still at `version` (`nil`: no case yet), as one write;
    /// `false`, with nothing written, when it has moved on. The caller's checks read the case at that
    /// version, so what they found still holds for what is written. `audit`, when given, is added
    /// to the patient's trail in the same write (so with each write below).
    func saveIntake(
        _ intake: Intake, settings: PatientSettings, patientID: String, ifVersion version: Int64?, audit: AuditEvent?
    ) async throws -> Bool
    func saveSettings(_ settings: PatientSettings, patientID: String) async throws
    /// Adds an entry to the case once `check` accepts it against the case's settings as they are
    /// when the write lands (read in the write's transaction, or remembered from an earlier write
    /// and held to the stored ones by the write itself): whatever `check` throws leaves nothing stored, and nothing is
    /// encoded before it passes. The store decides nothing about the entry; the caller's check (the
    /// core's `EntryValidation`) does. `StoreError.noIntake` before the intake.
    ///
    /// With a `key` (the sender's idempotency key), an entry already stored with that key for the
    /// patient is not stored again: its id is returned, and nothing changes (no version raise, no
    /// audit line); `StoreError.keyReused` when that entry differs from this one.
    func addEntry(_ entry: CaseEntry, patientID: String, check: @escaping EntryCheck, audit: AuditEvent?, key: String?)
        async throws
        -> Int64
    /// Replaces a stored workout, checked as `addEntry` checks; `false` when the patient has no workout with that id.
    func replaceWorkout(id: Int64, with workout: Workout, patientID: String, check: EntryCheck, audit: AuditEvent?)
        async throws -> Bool
    func workout(id: Int64, patientID: String) async throws -> Workout?
    func addQuestionnaire(_ record: QuestionnaireRecord, patientID: String, audit: AuditEvent?) async throws -> Int64
    func questionnaires(patientID: String) async throws -> [QuestionnaireRecord]
    /// Everything stored for the patient, or `nil` before the intake.
    func caseData(patientID: String) async throws -> CaseData?
    /// The case's settings alone, cheaply, or `nil` before the intake.
    func settings(patientID: String) async throws -> PatientSettings?
    /// A number that every write to the case raises, or `nil` before the intake.
    func caseVersion(patientID: String) async throws -> Int64?

    // MARK: The audit trail

    /// Adds a read's line to the patient's trail on its own (a read has no write to go with), unless
    /// the same reader already has a `viewed` line at or after `since`: a reader's repeated reads
    /// are one line, the first.
    func addView(_ event: AuditEvent, patientID: String, unlessSince since: Date) async throws
    /// The patient's trail, newest first: at most `limit` changes and, beside them, at most `limit`
    /// views, so that reads never push a change out of sight.
    func auditTrail(patientID: String, limit: Int) async throws -> [AuditEvent]

    // MARK: The caseload

    /// Keeps the patient's latest status and clears its stale mark. Every write to the case marks it stale.
    func saveStatus(_ status: StoredStatus, patientID: String) async throws
    /// The clinician's patients with their cached statuses, in one read whatever the histories' length.
    func caseload(clinicianID: String) async throws -> [CaseloadRow]
    /// Patients on some clinician's caseload, with an intake, whose status is missing or older than
    /// their case: the ones to recompute in the background.
    func patientsWithStaleStatus(limit: Int) async throws -> [String]

    /// Runs `work` as the one server instance doing `job` right now, or returns `nil` at once
    /// without running it while another instance does. On PostgreSQL, where several app servers
    /// share the database, a transaction's advisory lock held for the length of `work` (released
    /// when the transaction ends, whatever `work` does, or with the connection if the instance
    /// dies); a store that one process owns runs `work` as it is.
    func asTheOnlyOne<T: Sendable>(_ job: BackgroundJob, _ work: @Sendable () async throws -> T) async throws -> T?
}

/// Background work that one server instance at a time does for all of them.
public enum BackgroundJob: String, Sendable {
    /// Recomputing stale caseload statuses (`StatusRefresher`).
    case statusRefresh = "status-refresh"
}

extension Store {
    public func asTheOnlyOne<T: Sendable>(_ job: BackgroundJob, _ work: @Sendable () async throws -> T) async throws -> T? {
        try await work()
    }
}

/// A check of an entry against the case's settings, run by a store inside the write's transaction.
public typealias EntryCheck = @Sendable (PatientSettings) throws -> Void

/// A dated entry of a case, as the stores add it.
public enum CaseEntry: Sendable {
    case workout(Workout)
    case checkIn(CheckIn)
    case screen(MovementScreen)
    case clearance(Clearance)
    case override(Override)

    public var date: Day {
        switch self {
        case .workout(let workout): workout.date
        case .checkIn(let checkIn): checkIn.date
        case .screen(let screen): screen.date
        case .clearance(let clearance): clearance.date
        case .override(let override): override.date
        }
    }
}

/// Each kind of entry is one `addEntry`, whatever the backend. Without `audit` (seeding, tests),
/// a write adds no line to the trail; the services always give one.
extension Store {
    public func addWorkout(_ workout: Workout, patientID: String, audit: AuditEvent? = nil, check: @escaping EntryCheck)
        async throws -> Int64
    {
        try await addEntry(.workout(workout), patientID: patientID, check: check, audit: audit)
    }

    public func addCheckIn(_ checkIn: CheckIn, patientID: String, audit: AuditEvent? = nil) async throws {
        _ = try await addEntry(.checkIn(checkIn), patientID: patientID, check: { _ in }, audit: audit)
    }

    public func addScreen(_ screen: MovementScreen, patientID: String, audit: AuditEvent? = nil) async throws {
        _ = try await addEntry(.screen(screen), patientID: patientID, check: { _ in }, audit: audit)
    }

    public func addClearance(_ clearance: Clearance, patientID: String, audit: AuditEvent? = nil) async throws {
        _ = try await addEntry(.clearance(clearance), patientID: patientID, check: { _ in }, audit: audit)
    }

    public func addOverride(_ override: Override, patientID: String, audit: AuditEvent? = nil, check: @escaping EntryCheck)
        async throws
    {
        _ = try await addEntry(.override(override), patientID: patientID, check: check, audit: audit)
    }

    public func addEntry(_ entry: CaseEntry, patientID: String, check: @escaping EntryCheck) async throws -> Int64 {
        try await addEntry(entry, patientID: patientID, check: check, audit: nil, key: nil)
    }

    public func addEntry(_ entry: CaseEntry, patientID: String, check: @escaping EntryCheck, audit: AuditEvent?) async throws
        -> Int64
    {
        try await addEntry(entry, patientID: patientID, check: check, audit: audit, key: nil)
    }

    public func saveIntake(_ intake: Intake, settings: PatientSettings, patientID: String, ifVersion version: Int64?)
        async throws -> Bool
    {
        try await saveIntake(intake, settings: settings, patientID: patientID, ifVersion: version, audit: nil)
    }

    public func replaceWorkout(id: Int64, with workout: Workout, patientID: String, check: EntryCheck) async throws
        -> Bool
    {
        try await replaceWorkout(id: id, with: workout, patientID: patientID, check: check, audit: nil)
    }

    public func addQuestionnaire(_ record: QuestionnaireRecord, patientID: String) async throws -> Int64 {
        try await addQuestionnaire(record, patientID: patientID, audit: nil)
    }

    public func setPasswordHash(_ hash: String, accountID: String) async throws {
        try await setPasswordHash(hash, accountID: accountID, audit: nil)
    }

    public func saveToken(hash: String, accountID: String, kind: TokenKind, at: Date, expiresAt: Date) async throws {
        try await saveToken(hash: hash, accountID: accountID, kind: kind, at: at, expiresAt: expiresAt, audit: nil)
    }
}
