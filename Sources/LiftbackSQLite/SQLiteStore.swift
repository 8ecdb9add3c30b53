import Foundation
import GRDB
import LiftbackCore
import LiftbackStore

/// The default store: GRDB on one SQLite file, in WAL mode with full synchronous commits so an
/// acknowledged write survives a crash.
///
/// GRDB's pool sets `synchronous = NORMAL` on its writer when it switches the file to WAL, after
/// `prepareDatabase` has run, so FULL is set again on the writer once the pool is open (readers
/// get it from `prepareDatabase`). With NORMAL, WAL commits are not synced until a checkpoint.
public final class SQLiteStore: Store {
    let pool: DatabasePool
    /// Sessions and check-ins are logged through group commit: one durable commit for the writes
    /// that arrive together (`GroupCommit`).
    let groupCommit: GroupCommit
    /// A connection of its own for checkpoints, so that copying the log into the database and
    /// syncing it happens beside the writer rather than inside a request's commit.
    private let checkpointer: DatabaseQueue

    /// The log's size, in pages, past which a commit checkpoints inline (SQLite's default is 1,000).
    /// `checkpoint()` run often keeps the log below it, so requests do not pay for checkpoints.
    static let inlineCheckpointPages = 4_000

    /// A consistent copy of the Liftback database at `source` in a new file at `path`, taken with
    /// SQLite's online backup while a server keeps running: writes made during it wait, and none is
    /// half copied. The source is opened read-only and is not migrated; a file that is not a Liftback
    /// database is refused. The copy is a plain SQLite file that `liftback serve --database` opens.
    public static func backup(database source: String, to path: String) throws {
        try BackupError.checkTarget(path)
        guard FileManager.default.fileExists(atPath: source) else {
            throw BackupError("\(source): there is no such file")
        }
        var configuration = Configuration()
        configuration.readonly = true
        let reader = try? DatabasePool(path: source, configuration: configuration)
        let applied = try? reader?.read { db in try migrator.appliedIdentifiers(db) }
        guard let reader, applied?.contains(Migrations.all[0].identifier) == true else {
            throw BackupError("\(source): this is not a Liftback database")
        }
        do {
            let target = try DatabaseQueue(path: path)
            // A copy of health records is readable by its owner alone, whatever the umask.
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            try reader.backup(to: target)
            try target.close()
            try reader.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw BackupError("\(path): the copy could not be written (\(error))")
        }
    }

    /// Opens (or creates) the database at `path` and migrates it.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        groupCommit = GroupCommit(pool: pool)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA wal_autocheckpoint = \(Self.inlineCheckpointPages)")
        }
        try Self.migrator.migrate(pool)
        checkpointer = try DatabaseQueue(path: path, configuration: configuration)
        try checkpointer.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
    }

    /// Copies committed pages from the log into the database without waiting for readers or the
    /// writer (a passive checkpoint); the server runs it in the background every fraction of a second.
    /// Returns the pages in the log and how many of them are now in the database.
    @discardableResult
    public func checkpoint() async throws -> (logged: Int, copied: Int) {
        let result = try await checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        return (result.walFrameCount, result.checkpointedFrameCount)
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in Migrations.all {
            migrator.registerMigration(migration.identifier) { db in
                for statement in migration.statements(.sqlite) { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    /// The journal mode and the synchronous level of the writer and of a reader, for tests and diagnostics.
    public func durability() async throws -> (journalMode: String, writer: Int, reader: Int) {
        let synchronous = "PRAGMA synchronous"
        let writer = try await pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: synchronous) ?? -1 }
        return try await pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "", writer, try Int.fetchOne(db, sql: synchronous) ?? -1)
        }
    }

    // MARK: Accounts and tokens

    public func createAccount(email: String, passwordHash: String, name: String, role: Role, at: Date) async throws -> Account {
        let account = Account(id: UUID().uuidString.lowercased(), email: email, name: name, role: role, createdAt: at)
        do {
            try await pool.write { db in
                try db.execute(
                    sql: SharedSQL.insertAccount(SharedSQL.sqlite),
                    arguments: [
                        account.id, email, email.lowercased(), name, role.rawValue, passwordHash, at.timeIntervalSince1970,
                    ])
            }
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
            throw StoreError.emailTaken
        }
        return account
    }

    /// An account from the columns `SharedSQL.accountColumns` names, first in the row.
    static func account(_ row: Row) -> Account {
        Account.from(id: row[0], email: row[1], name: row[2], role: row[3], createdAt: row[4])
    }

    public func credentials(email: String) async throws -> (account: Account, passwordHash: String)? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: SharedSQL.credentials(SharedSQL.sqlite), arguments: [email.lowercased()])
                .map { (Self.account($0), $0[5]) }
        }
    }

    public func account(id: String) async throws -> Account? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: SharedSQL.account(SharedSQL.sqlite), arguments: [id]).map(Self.account)
        }
    }

    public func deleteAccount(id: String) async throws -> Bool {
        // Every other table refers to accounts with ON DELETE CASCADE (foreign keys are on in GRDB).
        try await pool.write { db in
            try !Row.fetchAll(db, sql: SharedSQL.deleteAccount(SharedSQL.sqlite), arguments: [id]).isEmpty
        }
    }

    public func setPasswordHash(_ hash: String, accountID: String, audit: AuditEvent?) async throws {
        try await pool.write { db in
            try db.execute(sql: SharedSQL.setPasswordHash(SharedSQL.sqlite), arguments: [hash, accountID])
            if let audit { try Self.insert(db, audit, accountID) }
        }
    }

    public func saveToken(hash: String, accountID: String, kind: TokenKind, at: Date, expiresAt: Date, audit: AuditEvent?)
        async throws
    {
        try await pool.write { db in
            try db.execute(
                sql: SharedSQL.insertToken(SharedSQL.sqlite),
                arguments: [
                    hash, accountID, at.timeIntervalSince1970, kind.rawValue, expiresAt.timeIntervalSince1970,
                    at.timeIntervalSince1970,
                ])
            if let audit { try Self.insert(db, audit, accountID) }
        }
    }

    public func token(hash: String) async throws -> StoredToken? {
        try await pool.read { db in
            try Row.fetchOne(db, sql: SharedSQL.token(SharedSQL.sqlite), arguments: [hash]).flatMap { row in
                StoredToken.from(
                    account: Self.account(row), kind: row[5], createdAt: row[6], expiresAt: row[7], lastUsedAt: row[8])
            }
        }
    }

    public func touchToken(hash: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: SharedSQL.touchToken(SharedSQL.sqlite), arguments: [at.timeIntervalSince1970, hash])
        }
    }

    @discardableResult public func deleteToken(hash: String) async throws -> Bool {
        try await pool.write { db in
            try !Row.fetchAll(db, sql: SharedSQL.deleteToken(SharedSQL.sqlite), arguments: [hash]).isEmpty
        }
    }

    public func deleteTokens(accountID: String) async throws {
        try await pool.write { db in try db.execute(sql: SharedSQL.deleteTokens(SharedSQL.sqlite), arguments: [accountID]) }
    }

    public func deleteTokens(accountID: String, kind: TokenKind) async throws {
        try await pool.write { db in
            try db.execute(sql: SharedSQL.deleteTokensOfKind(SharedSQL.sqlite), arguments: [accountID, kind.rawValue])
        }
    }

    // MARK: Clinician links

    public func createInvite(code: String, clinicianID: String, at: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: SharedSQL.insertInvite(SharedSQL.sqlite),
                arguments: [code, clinicianID, at.timeIntervalSince1970])
        }
    }

    public func acceptInvite(code: String, patientID: String, createdAfter: Date) async throws -> String? {
        try await pool.write { db in
            guard
                let clinician = try String.fetchOne(
                    db, sql: "SELECT clinician_id FROM invites WHERE code = ? AND created_at > ?",
                    arguments: [code, createdAfter.timeIntervalSince1970])
            else { return nil }
            try db.execute(sql: "DELETE FROM invites WHERE code = ?", arguments: [code])
            try db.execute(
                sql: "INSERT OR IGNORE INTO links (patient_id, clinician_id) VALUES (?, ?)", arguments: [patientID, clinician])
            return clinician
        }
    }

    public func unlink(patientID: String, clinicianID: String) async throws -> Bool {
        try await pool.write { db in
            try !Row.fetchAll(db, sql: SharedSQL.deleteLink(SharedSQL.sqlite), arguments: [patientID, clinicianID]).isEmpty
        }
    }

    public func isLinked(patientID: String, clinicianID: String) async throws -> Bool {
        try await pool.read { db in
            try Bool.fetchOne(
                db, sql: SharedSQL.linkExists(SharedSQL.sqlite),
                arguments: [patientID, clinicianID]) ?? false
        }
    }

    public func patients(ofClinician clinicianID: String) async throws -> [Account] {
        try await linked(clinicians: false, clinicianID)
    }

    public func clinicians(ofPatient patientID: String) async throws -> [Account] {
        try await linked(clinicians: true, patientID)
    }

    private func linked(clinicians: Bool, _ id: String) async throws -> [Account] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: SharedSQL.linkedAccounts(clinicians: clinicians, SharedSQL.sqlite), arguments: [id])
                .map(Self.account)
        }
    }

    // MARK: The case

    public func saveIntake(_ intake: Intake, settings: PatientSettings, patientID: String) async throws {
        _ = try await saveIntake(intake, settings: settings, patientID: patientID, version: nil, audit: nil)
    }

    public func saveIntake(
        _ intake: Intake, settings: PatientSettings, patientID: String, ifVersion version: Int64?, audit: AuditEvent?
    ) async throws -> Bool {
        try await saveIntake(intake, settings: settings, patientID: patientID, version: .some(version), audit: audit)
    }

    /// - Parameter version: `.some(v)` writes only while the case is at `v`; `nil` writes whatever it is at.
    private func saveIntake(
        _ intake: Intake, settings: PatientSettings, patientID: String, version: Int64??, audit: AuditEvent?
    ) async throws -> Bool {
        let (settingsJSON, intakeJSON) = (try StoredJSON.encode(settings), try StoredJSON.encode(intake))
        return try await pool.write { db in
            if let expected = version {
                let current = try Int64.fetchOne(db, sql: SharedSQL.caseVersion(SharedSQL.sqlite), arguments: [patientID])
                guard current == expected else { return false }
            }
            try db.execute(sql: SharedSQL.upsertIntake(SharedSQL.sqlite), arguments: [patientID, settingsJSON, intakeJSON])
            if let audit { try Self.insert(db, audit, patientID) }
            return true
        }
    }

    public func saveSettings(_ settings: PatientSettings, patientID: String) async throws {
        let json = try StoredJSON.encode(settings)
        try await pool.write { db in
            let updated = try Row.fetchAll(db, sql: SharedSQL.updateSettings(SharedSQL.sqlite), arguments: [json, patientID])
            if updated.isEmpty { throw StoreError.noIntake }
        }
    }

    public func addEntry(_ entry: CaseEntry, patientID: String, check: @escaping EntryCheck, audit: AuditEvent?, key: String?)
        async throws -> Int64
    {
        try await groupCommit.write { db in
            try check(try Self.settings(db, patientID))
            let (kind, body) = try StoredJSON.stored(entry)
            if let key,
                let earlier = try Row.fetchOne(db, sql: SharedSQL.entryByKey(SharedSQL.sqlite), arguments: [patientID, key])
            {
                return try StoredJSON.replayed(id: earlier["id"], kind: earlier["kind"], body: earlier["body"], as: (kind, body))
            }
            try db.execute(
                sql: SharedSQL.insertEntry(SharedSQL.sqlite),
                arguments: [patientID, kind.rawValue, entry.date.description, body, key])
            let id = db.lastInsertedRowID
            try Self.changed(db, patientID, audit)
            return id
        }
    }

    /// The case's settings inside a transaction; `StoreError.noIntake` before the intake.
    static func settings(_ db: Database, _ patientID: String) throws -> PatientSettings {
        guard let json = try String.fetchOne(db, sql: SharedSQL.settings(SharedSQL.sqlite), arguments: [patientID])
        else { throw StoreError.noIntake }
        return try StoredJSON.decode(PatientSettings.self, from: json)
    }

    public func replaceWorkout(id: Int64, with workout: Workout, patientID: String, check: EntryCheck, audit: AuditEvent?)
        async throws -> Bool
    {
        try await pool.write { db in
            let key: StatementArguments = [id, patientID, StoredJSON.Kind.workout.rawValue]
            guard
                let stored = try String.fetchOne(
                    db, sql: SharedSQL.entryBody(SharedSQL.sqlite), arguments: key)
            else { return false }
            try check(try Self.settings(db, patientID))
            let json = try StoredJSON.encode(workout)
            try db.execute(
                sql: "UPDATE case_entries SET body = ?, date = ? WHERE id = ? AND patient_id = ? AND kind = ?",
                arguments: [json, workout.date.description] + key)
            let added = StoredJSON.addedFlags(try StoredJSON.decode(Workout.self, from: stored), workout)
            if !added.isEmpty {
                try db.execute(
                    sql: SharedSQL.insertEntry(SharedSQL.sqlite),
                    arguments: [
                        patientID, StoredJSON.Kind.flagReport.rawValue, workout.date.description,
                        try StoredJSON.encode(StoredJSON.FlagReport(date: workout.date, flags: added)), nil,
                    ])
            }
            try Self.changed(db, patientID, audit)
            return true
        }
    }

    public func workout(id: Int64, patientID: String) async throws -> Workout? {
        let body = try await pool.read { db in
            try String.fetchOne(
                db, sql: SharedSQL.entryBody(SharedSQL.sqlite),
                arguments: [id, patientID, StoredJSON.Kind.workout.rawValue])
        }
        return try body.map { try StoredJSON.decode(Workout.self, from: $0) }
    }

    public func addQuestionnaire(_ record: QuestionnaireRecord, patientID: String, audit: AuditEvent?) async throws -> Int64 {
        let json = try StoredJSON.encode(record)
        return try await pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO case_entries (patient_id, kind, date, body) SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM accounts WHERE id = ?)",
                arguments: [patientID, StoredJSON.Kind.questionnaire.rawValue, record.date.description, json, patientID])
            let id = db.lastInsertedRowID
            // The engine reads questionnaires (fear of movement shapes the plan): the case changed.
            guard id > 0, db.changesCount > 0 else { return 0 }
            try Self.changed(db, patientID, audit)
            return id
        }
    }

    public func questionnaires(patientID: String) async throws -> [QuestionnaireRecord] {
        let rows = try await pool.read { db in
            try Row.fetchAll(
                db, sql: SharedSQL.entriesOfKind(SharedSQL.sqlite),
                arguments: [patientID, StoredJSON.Kind.questionnaire.rawValue]
            ).map { (id: $0["id"] as Int64, body: $0["body"] as String) }
        }
        return try rows.map { row in
            var record = try StoredJSON.decode(QuestionnaireRecord.self, from: row.body)
            record.id = row.id
            return record
        }
    }

    public func caseData(patientID: String) async throws -> CaseData? {
        let (patient, entries) = try await pool.read { db in
            let patient = try Row.fetchOne(db, sql: SharedSQL.patient(SharedSQL.sqlite), arguments: [patientID])
                .map { (settings: $0["settings"] as String, intake: $0["intake"] as String) }
            let entries = try Row.fetchAll(
                db, sql: SharedSQL.entries(SharedSQL.sqlite),
                arguments: [patientID]
            ).map { (id: $0["id"] as Int64, kind: $0["kind"] as String, body: $0["body"] as String) }
            return (patient, entries)
        }
        guard let patient else { return nil }
        var builder = try StoredJSON.CaseBuilder(settings: patient.settings, intake: patient.intake)
        for entry in entries { try builder.add(entry.body, kind: entry.kind, id: entry.id) }
        return builder.finished()
    }

    // MARK: Bulk import

    /// Imports many patients in one transaction (load tests, moving from another system), linking
    /// each to `clinicianID` when given. Far faster than one durable write per entry.
    public func importPatients(_ patients: [(account: Account, passwordHash: String, data: CaseData)], clinicianID: String?)
        async throws
    {
        let prepared = try patients.map { patient in
            (
                patient, try StoredJSON.encode(patient.data.settings), try StoredJSON.encode(patient.data.intake),
                try StoredJSON.importRows(patient.data)
            )
        }
        try await pool.write { db in
            for (patient, settings, intake, entries) in prepared {
                let account = patient.account
                try db.execute(
                    sql: SharedSQL.insertAccount(SharedSQL.sqlite),
                    arguments: [
                        account.id, account.email, account.email.lowercased(), account.name, account.role.rawValue,
                        patient.passwordHash,
                        account.createdAt.timeIntervalSince1970,
                    ])
                try db.execute(
                    sql: SharedSQL.insertPatient(SharedSQL.sqlite),
                    arguments: [account.id, settings, intake])
                for entry in entries {
                    try db.execute(
                        sql: SharedSQL.insertEntry(SharedSQL.sqlite),
                        arguments: [account.id, entry.kind.rawValue, entry.date.description, entry.body, nil])
                }
                if let clinicianID {
                    try db.execute(
                        sql: SharedSQL.insertLink(SharedSQL.sqlite), arguments: [account.id, clinicianID])
                }
            }
        }
    }

    // MARK: The caseload

    /// Raises the case version, in the same transaction as the write that changed the case.
    static func markStale(_ db: Database, _ patientID: String) throws {
        try db.execute(sql: "UPDATE patients SET version = version + 1 WHERE id = ?", arguments: [patientID])
    }

    /// Raises the case version and adds the write's line to the audit trail, in the write's transaction.
    static func changed(_ db: Database, _ patientID: String, _ audit: AuditEvent?) throws {
        try markStale(db, patientID)
        if let audit { try insert(db, audit, patientID) }
    }

    static func insert(_ db: Database, _ event: AuditEvent, _ patientID: String) throws {
        try db.execute(sql: SharedSQL.insertAudit(SharedSQL.sqlite), arguments: arguments(event, patientID))
    }

    /// The six values of `SharedSQL.insertAudit`, in its order.
    static func arguments(_ event: AuditEvent, _ patientID: String) -> StatementArguments {
        [
            patientID, event.at.timeIntervalSince1970, event.actorID, event.actorRole.rawValue, event.action.rawValue,
            event.route,
        ]
    }

    // MARK: The audit trail

    public func addView(_ event: AuditEvent, patientID: String, unlessSince since: Date) async throws {
        try await pool.write { db in
            try db.execute(
                sql: SharedSQL.insertAuditUnlessSince(SharedSQL.sqlite),
                arguments: Self.arguments(event, patientID)
                    + [patientID, event.actorID, event.action.rawValue, since.timeIntervalSince1970])
        }
    }

    public func auditTrail(patientID: String, limit: Int) async throws -> [AuditEvent] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: SharedSQL.auditTrail(SharedSQL.sqlite), arguments: [patientID, limit, patientID, limit])
                .compactMap {
                    AuditEvent.from(
                        at: $0["at"], actorID: $0["actor_id"], role: $0["actor_role"], action: $0["action"], route: $0["route"])
                }
        }
    }

    public func settings(patientID: String) async throws -> PatientSettings? {
        let json = try await pool.read { db in
            try String.fetchOne(db, sql: SharedSQL.settings(SharedSQL.sqlite), arguments: [patientID])
        }
        return try json.map { try StoredJSON.decode(PatientSettings.self, from: $0) }
    }

    public func caseVersion(patientID: String) async throws -> Int64? {
        try await pool.read { db in
            try Int64.fetchOne(db, sql: SharedSQL.caseVersion(SharedSQL.sqlite), arguments: [patientID])
        }
    }

    public func saveStatus(_ status: StoredStatus, patientID: String) async throws {
        try await pool.write { db in
            try db.execute(
                sql: SharedSQL.upsertStatus(SharedSQL.sqlite),
                arguments: [
                    patientID, status.asOf.description, status.status.rawValue, status.reason, status.phase?.rawValue,
                    status.disposition.rawValue, status.lastTraining?.description, status.caseVersion,
                ])
        }
    }

    public func patientsWithStaleStatus(limit: Int) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(
                db,
                sql: SharedSQL.staleStatuses(SharedSQL.sqlite), arguments: [limit])
        }
    }

    public func caseload(clinicianID: String) async throws -> [CaseloadRow] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: SharedSQL.caseload(SharedSQL.sqlite), arguments: [clinicianID]
            ).map { row in
                CaseloadRow(
                    account: Self.account(row),
                    status: StoredStatus.from(
                        row["as_of"], row["status"], row["reason"], row["phase"], row["disposition"], row["last_training"],
                        row["case_version"]),
                    stale: (row["case_version"] as Int64?) != (row["current_version"] as Int64?))
            }
        }
    }
}

/// Why `liftback admin backup` could not make its copy; the message names the file.
public struct BackupError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }

    /// The copy goes to a new, ordinary file in a folder that exists: not an SQLite name for a
    /// database in memory (`:memory:`, `file:...`) or a temporary one (an empty name), which
    /// would report a copy and keep nothing.
    static func checkTarget(_ path: String) throws {
        guard !path.isEmpty, path != ":memory:", !path.hasPrefix("file:"), !path.hasSuffix("/") else {
            throw BackupError(
                "\(path.isEmpty ? "--to" : path): name a new file for the copy, such as backups/liftback-2026-12-03.sqlite")
        }
        var isFolder: ObjCBool = false
        let folder = (path as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder), isFolder.boolValue
        else {
            throw BackupError("\(path): the folder \(folder) does not exist")
        }
        guard !FileManager.default.fileExists(atPath: path) else { throw BackupError("\(path): exists already") }
    }
}
