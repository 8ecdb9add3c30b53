import Foundation
import LiftbackCore

/// An in-memory store for tests and previews; the same contract as the database stores.
public actor MemoryStore: Store {
    private var accounts: [String: (account: Account, hash: String)] = [:]
    private var tokens: [String: (accountID: String, kind: TokenKind, createdAt: Date, expiresAt: Date, lastUsedAt: Date)] = [:]
    private var invites: [String: (clinician: String, at: Date)] = [:]
    private var links: Set<[String]> = []
    private var cases: [String: CaseData] = [:]
    private var questionnaireRecords: [String: [QuestionnaireRecord]] = [:]
    private var nextID: Int64 = 1
    private var statuses: [String: StoredStatus] = [:]
    private var versions: [String: Int64] = [:]
    /// When each clearance and each report of flags was written, by patient (`Clearance.reopened`).
    private var clearanceOrder: [String: [Int64]] = [:]
    private var reports: [String: [FlagReport]] = [:]
    private var trails: [String: [AuditEvent]] = [:]
    /// Entries stored with an idempotency key, per patient: id, kind and body.
    private var keyed: [String: [String: (id: Int64, kind: String, body: String)]] = [:]

    public init() {}

    private func newID() -> Int64 {
        defer { nextID += 1 }
        return nextID
    }

    public func createAccount(email: String, passwordHash: String, name: String, role: Role, at: Date) throws -> Account {
        let key = email.lowercased()
        guard !accounts.values.contains(where: { $0.account.email.lowercased() == key }) else { throw StoreError.emailTaken }
        let account = Account(id: UUID().uuidString.lowercased(), email: email, name: name, role: role, createdAt: at)
        accounts[account.id] = (account, passwordHash)
        return account
    }

    public func credentials(email: String) -> (account: Account, passwordHash: String)? {
        accounts.values.first { $0.account.email.lowercased() == email.lowercased() }.map { ($0.account, $0.hash) }
    }

    public func account(id: String) -> Account? { accounts[id]?.account }
    public func setPasswordHash(_ hash: String, accountID: String, audit: AuditEvent?) {
        accounts[accountID]?.hash = hash
        audited(audit, accountID)
    }

    public func deleteAccount(id: String) -> Bool {
        guard accounts.removeValue(forKey: id) != nil else { return false }
        tokens = tokens.filter { $0.value.accountID != id }
        invites = invites.filter { $0.value.clinician != id }
        links = links.filter { !$0.contains(id) }
        cases[id] = nil
        questionnaireRecords[id] = nil
        statuses[id] = nil
        versions[id] = nil
        clearanceOrder[id] = nil
        reports[id] = nil
        trails[id] = nil
        keyed[id] = nil
        return true
    }
    public func saveToken(hash: String, accountID: String, kind: TokenKind, at: Date, expiresAt: Date, audit: AuditEvent?) {
        tokens[hash] = (accountID, kind, at, expiresAt, at)
        audited(audit, accountID)
    }
    public func token(hash: String) -> StoredToken? {
        guard let token = tokens[hash], let account = accounts[token.accountID]?.account else { return nil }
        return StoredToken(
            account: account, kind: token.kind, createdAt: token.createdAt, expiresAt: token.expiresAt,
            lastUsedAt: token.lastUsedAt)
    }
    public func touchToken(hash: String, at: Date) { tokens[hash]?.lastUsedAt = at }
    @discardableResult public func deleteToken(hash: String) -> Bool { tokens.removeValue(forKey: hash) != nil }
    public func deleteTokens(accountID: String) { tokens = tokens.filter { $0.value.accountID != accountID } }
    public func deleteTokens(accountID: String, kind: TokenKind) {
        tokens = tokens.filter { $0.value.accountID != accountID || $0.value.kind != kind }
    }

    public func createInvite(code: String, clinicianID: String, at: Date) { invites[code] = (clinicianID, at) }

    public func acceptInvite(code: String, patientID: String, createdAfter: Date) -> String? {
        guard let invite = invites[code], invite.at > createdAfter else { return nil }
        invites[code] = nil
        links.insert([patientID, invite.clinician])
        return invite.clinician
    }

    public func clinicians(ofPatient patientID: String) -> [Account] {
        links.filter { $0[0] == patientID }.compactMap { accounts[$0[1]]?.account }.sorted { $0.name < $1.name }
    }

    public func unlink(patientID: String, clinicianID: String) -> Bool { links.remove([patientID, clinicianID]) != nil }

    public func isLinked(patientID: String, clinicianID: String) -> Bool { links.contains([patientID, clinicianID]) }

    public func patients(ofClinician clinicianID: String) -> [Account] {
        links.filter { $0[1] == clinicianID }.compactMap { accounts[$0[0]]?.account }.sorted { $0.name < $1.name }
    }

    public func saveIntake(_ intake: Intake, settings: PatientSettings, patientID: String) {
        if var existing = cases[patientID] {
            existing.intake = intake
            existing.settings = settings
            cases[patientID] = existing
        } else {
            cases[patientID] = CaseData(settings: settings, intake: intake)
        }
        markStale(patientID)
    }

    public func saveIntake(
        _ intake: Intake, settings: PatientSettings, patientID: String, ifVersion version: Int64?, audit: AuditEvent?
    ) -> Bool {
        guard caseVersion(patientID: patientID) == version else { return false }
        saveIntake(intake, settings: settings, patientID: patientID)
        audited(audit, patientID)
        return true
    }

    private func audited(_ event: AuditEvent?, _ patientID: String) {
        if let event { trails[patientID, default: []].append(event) }
    }

    public func addView(_ event: AuditEvent, patientID: String, unlessSince since: Date) {
        let seen = (trails[patientID] ?? []).contains {
            $0.actorID == event.actorID && $0.action == event.action && $0.at >= since
        }
        if !seen { audited(event, patientID) }
    }

    public func auditTrail(patientID: String, limit: Int) -> [AuditEvent] {
        let newest = (trails[patientID] ?? []).reversed()
        let changes = Set(newest.indices.filter { newest[$0].action != .viewed }.prefix(limit))
        let views = Set(newest.indices.filter { newest[$0].action == .viewed }.prefix(limit))
        return newest.indices.filter { changes.contains($0) || views.contains($0) }.map { newest[$0] }
    }

    public func saveSettings(_ settings: PatientSettings, patientID: String) throws {
        try update(patientID) { $0.settings = settings }
    }

    private func update(_ patientID: String, _ change: (inout CaseData) -> Void) throws {
        guard cases[patientID] != nil else { throw StoreError.noIntake }
        change(&cases[patientID]!)
        markStale(patientID)
    }

    private func requireSettings(_ patientID: String) throws -> PatientSettings {
        guard let settings = cases[patientID]?.settings else { throw StoreError.noIntake }
        return settings
    }

    private func markStale(_ patientID: String) { versions[patientID, default: 0] += 1 }

    public func settings(patientID: String) -> PatientSettings? { cases[patientID]?.settings }
    public func caseVersion(patientID: String) -> Int64? { cases[patientID] == nil ? nil : versions[patientID, default: 0] }

    public func saveStatus(_ status: StoredStatus, patientID: String) { statuses[patientID] = status }

    public func patientsWithStaleStatus(limit: Int) -> [String] {
        let linked = Set(links.map { $0[0] })
        return cases.keys.filter { id in linked.contains(id) && statuses[id]?.caseVersion != caseVersion(patientID: id) }
            .sorted().prefix(limit).map { $0 }
    }

    public func caseload(clinicianID: String) -> [CaseloadRow] {
        patients(ofClinician: clinicianID).map { account in
            CaseloadRow(
                account: account, status: statuses[account.id],
                stale: statuses[account.id].map { $0.caseVersion != caseVersion(patientID: account.id) } ?? false)
        }
    }

    public func addEntry(_ entry: CaseEntry, patientID: String, check: @escaping EntryCheck, audit: AuditEvent?, key: String?)
        throws
        -> Int64
    {
        try check(try requireSettings(patientID))
        let (kind, body) = try StoredJSON.stored(entry)
        if let key, let earlier = keyed[patientID]?[key] {
            return try StoredJSON.replayed(id: earlier.id, kind: earlier.kind, body: earlier.body, as: (kind, body))
        }
        audited(audit, patientID)
        let id = newID()
        if let key { keyed[patientID, default: [:]][key] = (id, kind.rawValue, body) }
        try update(patientID) { data in
            switch entry {
            case .workout(let workout): data.workouts.append(StoredWorkout(id: id, workout: workout))
            case .checkIn(let checkIn): data.checkIns.append(checkIn)
            case .screen(let screen): data.screens.append(screen)
            case .clearance(let clearance): data.clearances.append(clearance)
            case .override(let override): data.overrides.append(override)
            }
        }
        switch entry {
        case .workout(let workout):
            reports[patientID, default: []].append(FlagReport(written: id, date: workout.date, flags: workout.flags))
        case .checkIn(let checkIn):
            reports[patientID, default: []].append(FlagReport(written: id, date: checkIn.date, flags: checkIn.flags))
        case .clearance: clearanceOrder[patientID, default: []].append(id)
        case .screen, .override: break
        }
        return id
    }

    public func replaceWorkout(id: Int64, with workout: Workout, patientID: String, check: EntryCheck, audit: AuditEvent?)
        throws -> Bool
    {
        guard let index = cases[patientID]?.workouts.firstIndex(where: { $0.id == id }) else { return false }
        try check(cases[patientID]!.settings)
        audited(audit, patientID)
        let added = StoredJSON.addedFlags(cases[patientID]!.workouts[index].workout, workout)
        reports[patientID, default: []].append(FlagReport(written: newID(), date: workout.date, flags: added))
        cases[patientID]!.workouts[index].workout = workout
        markStale(patientID)
        return true
    }

    public func workout(id: Int64, patientID: String) -> Workout? {
        cases[patientID]?.workouts.first { $0.id == id }?.workout
    }

    public func addQuestionnaire(_ record: QuestionnaireRecord, patientID: String, audit: AuditEvent?) -> Int64 {
        audited(audit, patientID)
        var stored = record
        stored.id = newID()
        questionnaireRecords[patientID, default: []].append(stored)
        markStale(patientID)
        return stored.id
    }

    public func questionnaires(patientID: String) -> [QuestionnaireRecord] {
        (questionnaireRecords[patientID] ?? []).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    /// For tests of read-then-write races: `change` runs once, on the store, right after the next case
    /// read, as another request's write landing between a service's read and its write would.
    package func interleave(afterNextCaseRead change: @escaping @Sendable (isolated MemoryStore) throws -> Void) {
        afterNextCaseRead = change
    }

    private var afterNextCaseRead: (@Sendable (isolated MemoryStore) throws -> Void)?

    public func caseData(patientID: String) -> CaseData? {
        defer {
            if let change = afterNextCaseRead {
                afterNextCaseRead = nil
                try? change(self)
            }
        }
        guard var data = cases[patientID] else { return nil }
        data.workouts.sort { ($0.workout.date, $0.id) < ($1.workout.date, $1.id) }
        data.questionnaires = questionnaires(patientID: patientID).map {
            QuestionnaireAnswers(instrument: $0.score.instrument, date: $0.date, answers: $0.answers)
        }
        data.reopenClearances(clearanceOrder: clearanceOrder[patientID] ?? [], reports: reports[patientID] ?? [])
        return data
    }
}
