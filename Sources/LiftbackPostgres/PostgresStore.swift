import Foundation
import LiftbackCore
import LiftbackStore
import PostgresNIO
import Synchronization

/// The store for PostgreSQL at scale, on PostgresNIO's connection pool: the same tables, JSON bodies and
/// answers as `SQLiteStore`, every value a bound parameter.
///
/// The pool lends connections only while `run()` runs: start it in a task (or run `client` in a `ServiceGroup`),
/// then call `migrate()` before the first request.
public final class PostgresStore: Store {
    /// The connection pool, for a `ServiceGroup` that runs it in place of `run()`.
    public let client: PostgresClient
    let logger: Logger
    let schema: String?
    /// The settings each patient's last entry was checked against on this instance, as stored and
    /// read: the next entry is checked against them without a trip to the database (see `checked`).
    private let lastSettings = Mutex<[String: (stored: String, settings: PatientSettings)]>([:])

    /// Connects to `postgres://user[:password]@host[:port]/database[?sslmode=...]` (or `postgresql://`).
    ///
    /// - Parameters:
    ///   - url: The database URL. The port defaults to 5432; TLS follows `sslmode` as libpq reads it and is
    ///     off by default on loopback hosts (`prefer` elsewhere).
    ///   - schema: A schema to keep the tables in instead of `public` (the tests use one each); `migrate()` creates it.
    ///   - logger: Where the pool and the migrations log.
    public init(url: String, schema: String? = nil, logger: Logger = Logger(label: "liftback.postgres")) throws {
        var configuration = try Self.configuration(url: url)
        if let schema {
            let allowed = schema.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            guard allowed, let first = schema.first, !first.isNumber else {
                throw PostgresURLError(reason: "a schema name is lowercase letters, digits and underscores")
            }
            configuration.options.additionalStartupParameters = [("search_path", schema)]
        }
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.schema = schema
    }

    /// The client configuration a database URL names.
    static func configuration(url: String) throws -> PostgresClient.Configuration {
        guard let parts = URLComponents(string: url), parts.scheme == "postgres" || parts.scheme == "postgresql",
            let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty
        else { throw PostgresURLError(reason: "expected postgres://user[:password]@host[:port]/database") }
        let database = String(parts.path.drop { $0 == "/" })
        let sslmode = parts.queryItems?.last { $0.name == "sslmode" }?.value
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
        let tls: PostgresClient.Configuration.TLS
        switch sslmode ?? (loopback ? "disable" : "prefer") {
        case "disable": tls = .disable
        case "allow", "prefer": tls = .prefer(Self.tls(verifying: CertificateVerification.none))
        case "require": tls = .require(Self.tls(verifying: CertificateVerification.none))
        case "verify-ca": tls = .require(Self.tls(verifying: .noHostnameVerification))
        case "verify-full": tls = .require(Self.tls(verifying: .fullVerification))
        case let mode: throw PostgresURLError(reason: "unknown sslmode \(mode)")
        }
        return PostgresClient.Configuration(
            host: host, port: parts.port ?? 5432, username: user, password: parts.password,
            database: database.isEmpty ? nil : database, tls: tls)
    }

    private static func tls(verifying verification: CertificateVerification) -> TLSConfiguration {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = verification
        return tls
    }

    /// Runs the connection pool until the task is cancelled; queries wait for it.
    public func run() async {
        await client.run()
    }

    /// An arbitrary key for the advisory lock that makes concurrent `migrate()` calls take turns.
    static let migrationLock: Int64 = 0x4C69_6674_6261_636B  // "Liftback"

    /// Creates the schema if one was named, then applies the migrations `schema_migrations` lacks, in one transaction.
    public func migrate() async throws {
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await fetch("SELECT pg_advisory_xact_lock(\(Self.migrationLock))", on: connection)
                if let schema { try await fetch("CREATE SCHEMA IF NOT EXISTS \"\(unescaped: schema)\"", on: connection) }
                try await fetch("CREATE TABLE IF NOT EXISTS schema_migrations (identifier TEXT PRIMARY KEY)", on: connection)
                for migration in Migrations.all {
                    let identifier = migration.identifier
                    let applied = try await fetch(
                        "SELECT identifier FROM schema_migrations WHERE identifier = \(identifier)", on: connection)
                    guard applied.isEmpty else { continue }
                    for statement in migration.statements(.postgres) {
                        try await fetch(PostgresQuery(unsafeSQL: statement), on: connection)
                    }
                    try await fetch("INSERT INTO schema_migrations (identifier) VALUES (\(identifier))", on: connection)
                }
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error.beginError ?? error.commitError ?? error
        }
    }

    /// Runs one of `SharedSQL`'s texts with its parameters in order.
    @discardableResult
    func fetch(shared sql: String, _ values: any PostgresThrowingDynamicTypeEncodable...) async throws -> [PostgresRow] {
        var binds = PostgresBindings()
        for value in values { try binds.append(value) }
        return try await fetch(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    /// Runs one statement on `connection`, or on a pooled one, and reads all of its rows.
    @discardableResult
    func fetch(_ query: PostgresQuery, on connection: PostgresConnection? = nil) async throws -> [PostgresRow] {
        if let connection { return try await connection.query(query, logger: logger).collect() }
        return try await client.query(query, logger: logger).collect()
    }

    // MARK: Accounts and tokens

    public func createAccount(email: String, passwordHash: String, name: String, role: Role, at: Date) async throws -> Account {
        let account = Account(id: UUID().uuidString.lowercased(), email: email, name: name, role: role, createdAt: at)
        do {
            var binds = PostgresBindings()
            for text in [account.id, email, email.lowercased(), name, role.rawValue, passwordHash] { binds.append(text) }
            binds.append(at.timeIntervalSince1970)
            try await fetch(PostgresQuery(unsafeSQL: SharedSQL.insertAccount(SharedSQL.postgres), binds: binds))
        } catch  where Self.isUniqueViolation(error) {
            throw StoreError.emailTaken
        }
        return account
    }

    /// An account from the columns `SharedSQL.accountColumns` names, first in the row.
    static func account(_ row: PostgresRow) throws -> Account {
        let (id, email, name, role, createdAt) = try row.decode((String, String, String, String, Double).self)
        return Account.from(id: id, email: email, name: name, role: role, createdAt: createdAt)
    }

    public func credentials(email: String) async throws -> (account: Account, passwordHash: String)? {
        guard
            let row = try await fetch(shared: SharedSQL.credentials(SharedSQL.postgres), email.lowercased()).first
        else { return nil }
        let (_, _, _, _, _, passwordHash) = try row.decode((String, String, String, String, Double, String).self)
        return (try Self.account(row), passwordHash)
    }

    public func account(id: String) async throws -> Account? {
        try await fetch(shared: SharedSQL.account(SharedSQL.postgres), id).first.map(Self.account)
    }

    public func deleteAccount(id: String) async throws -> Bool {
        // Every other table refers to accounts with ON DELETE CASCADE.
        try await !fetch(shared: SharedSQL.deleteAccount(SharedSQL.postgres), id).isEmpty
    }

    public func setPasswordHash(_ hash: String, accountID: String, audit: AuditEvent?) async throws {
        var binds = PostgresBindings()
        binds.append(hash)
        binds.append(accountID)
        _ = try await auditing(
            audit, accountID, wrote: { _ in true },
            write: { connection in
                try await fetch(
                    PostgresQuery(unsafeSQL: SharedSQL.setPasswordHash(SharedSQL.postgres), binds: binds), on: connection)
            })
    }

    public func saveToken(hash: String, accountID: String, kind: TokenKind, at: Date, expiresAt: Date, audit: AuditEvent?)
        async throws
    {
        var binds = PostgresBindings()
        binds.append(hash)
        binds.append(accountID)
        binds.append(at.timeIntervalSince1970)
        binds.append(kind.rawValue)
        binds.append(expiresAt.timeIntervalSince1970)
        binds.append(at.timeIntervalSince1970)
        _ = try await auditing(
            audit, accountID, wrote: { _ in true },
            write: { connection in
                try await fetch(PostgresQuery(unsafeSQL: SharedSQL.insertToken(SharedSQL.postgres), binds: binds), on: connection)
            })
    }

    public func token(hash: String) async throws -> StoredToken? {
        guard
            let (id, email, name, role, accountCreatedAt, kind, createdAt, expiresAt, lastUsedAt) = try await rows(
                TokenByHash(hash: hash)
            ).first
        else { return nil }
        let account = Account.from(id: id, email: email, name: name, role: role, createdAt: accountCreatedAt)
        return StoredToken.from(
            account: account, kind: kind, createdAt: createdAt, expiresAt: expiresAt, lastUsedAt: lastUsedAt)
    }

    public func touchToken(hash: String, at: Date) async throws {
        try await fetch(shared: SharedSQL.touchToken(SharedSQL.postgres), at.timeIntervalSince1970, hash)
    }

    @discardableResult public func deleteToken(hash: String) async throws -> Bool {
        try await !fetch(shared: SharedSQL.deleteToken(SharedSQL.postgres), hash).isEmpty
    }

    public func deleteTokens(accountID: String) async throws {
        try await fetch(shared: SharedSQL.deleteTokens(SharedSQL.postgres), accountID)
    }

    public func deleteTokens(accountID: String, kind: TokenKind) async throws {
        try await fetch(shared: SharedSQL.deleteTokensOfKind(SharedSQL.postgres), accountID, kind.rawValue)
    }

    // MARK: Clinician links

    public func createInvite(code: String, clinicianID: String, at: Date) async throws {
        try await fetch(shared: SharedSQL.insertInvite(SharedSQL.postgres), code, clinicianID, at.timeIntervalSince1970)
    }

    public func acceptInvite(code: String, patientID: String, createdAfter: Date) async throws -> String? {
        // One statement: the invite is used up and the link made together, so two patients racing
        // for one code cannot both have it.
        try await fetch(
            """
            WITH invite AS (
                DELETE FROM invites WHERE code = \(code) AND created_at > \(createdAfter.timeIntervalSince1970)
                RETURNING clinician_id
            ),
            linked AS (
                INSERT INTO links (patient_id, clinician_id) SELECT \(patientID), clinician_id FROM invite
                ON CONFLICT DO NOTHING
            )
            SELECT clinician_id FROM invite
            """
        ).first?.decode(String.self)
    }

    public func unlink(patientID: String, clinicianID: String) async throws -> Bool {
        try await !fetch(shared: SharedSQL.deleteLink(SharedSQL.postgres), patientID, clinicianID).isEmpty
    }

    public func isLinked(patientID: String, clinicianID: String) async throws -> Bool {
        try await fetch(shared: SharedSQL.linkExists(SharedSQL.postgres), patientID, clinicianID).first?.decode(Bool.self)
            ?? false
    }

    public func patients(ofClinician clinicianID: String) async throws -> [Account] {
        try await fetch(shared: SharedSQL.linkedAccounts(clinicians: false, SharedSQL.postgres), clinicianID).map(Self.account)
    }

    public func clinicians(ofPatient patientID: String) async throws -> [Account] {
        try await fetch(shared: SharedSQL.linkedAccounts(clinicians: true, SharedSQL.postgres), patientID).map(Self.account)
    }

    // MARK: The case

    public func saveIntake(
        _ intake: Intake, settings: PatientSettings, patientID: String, ifVersion version: Int64?, audit: AuditEvent?
    ) async throws -> Bool {
        let (settingsJSON, intakeJSON) = (try StoredJSON.encode(settings), try StoredJSON.encode(intake))
        // One statement each: a new case only where none exists, an existing one only at its version.
        return try await auditing(
            audit, patientID, wrote: { $0 },
            write: { connection in
                guard let version else {
                    return try await !fetch(
                        """
                        INSERT INTO patients (id, settings, intake) VALUES (\(patientID), \(settingsJSON), \(intakeJSON))
                        ON CONFLICT (id) DO NOTHING RETURNING id
                        """, on: connection
                    ).isEmpty
                }
                return try await !fetch(
                    """
                    UPDATE patients SET settings = \(settingsJSON), intake = \(intakeJSON), version = version + 1
                    WHERE id = \(patientID) AND version = \(version) RETURNING id
                    """, on: connection
                ).isEmpty
            })
    }

    /// Runs `write` and, when `wrote` says it wrote, adds `audit` to the trail in the same
    /// transaction. Without an audit line the write is its one statement, on any connection.
    private func auditing<T: Sendable>(
        _ audit: AuditEvent?, _ patientID: String, wrote: (T) -> Bool, write: (PostgresConnection?) async throws -> T
    ) async throws -> T {
        guard let audit else { return try await write(nil) }
        return try await client.withTransaction(logger: logger) { connection in
            let result = try await write(connection)
            if wrote(result) { try await insert(audit, patientID, on: connection) }
            return result
        }
    }

    private func insert(_ event: AuditEvent, _ patientID: String, on connection: PostgresConnection?) async throws {
        try await fetch(
            PostgresQuery(unsafeSQL: SharedSQL.insertAudit(SharedSQL.postgres), binds: Self.binds(event, patientID)),
            on: connection)
    }

    /// The six values of `SharedSQL.insertAudit`, in its order.
    private static func binds(_ event: AuditEvent, _ patientID: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(patientID)
        binds.append(event.at.timeIntervalSince1970)
        for text in [event.actorID, event.actorRole.rawValue, event.action.rawValue, event.route] { binds.append(text) }
        return binds
    }

    // MARK: The audit trail

    public func addView(_ event: AuditEvent, patientID: String, unlessSince since: Date) async throws {
        var binds = Self.binds(event, patientID)
        for text in [patientID, event.actorID, event.action.rawValue] { binds.append(text) }
        binds.append(since.timeIntervalSince1970)
        try await fetch(PostgresQuery(unsafeSQL: SharedSQL.insertAuditUnlessSince(SharedSQL.postgres), binds: binds), on: nil)
    }

    public func auditTrail(patientID: String, limit: Int) async throws -> [AuditEvent] {
        try await fetch(shared: SharedSQL.auditTrail(SharedSQL.postgres), patientID, limit, patientID, limit).compactMap { row in
            let (at, actor, role, action, route) = try row.decode((Double, String, String, String, String).self)
            return AuditEvent.from(at: at, actorID: actor, role: role, action: action, route: route)
        }
    }

    public func saveIntake(_ intake: Intake, settings: PatientSettings, patientID: String) async throws {
        let (settingsJSON, intakeJSON) = (try StoredJSON.encode(settings), try StoredJSON.encode(intake))
        try await fetch(shared: SharedSQL.upsertIntake(SharedSQL.postgres), patientID, settingsJSON, intakeJSON)
    }

    public func saveSettings(_ settings: PatientSettings, patientID: String) async throws {
        let json = try StoredJSON.encode(settings)
        let updated = try await fetch(shared: SharedSQL.updateSettings(SharedSQL.postgres), json, patientID)
        if updated.isEmpty { throw StoreError.noIntake }
    }

    public func settings(patientID: String) async throws -> PatientSettings? {
        let json = try await fetch(shared: SharedSQL.settings(SharedSQL.postgres), patientID).first?.decode(String.self)
        return try json.map { try StoredJSON.decode(PatientSettings.self, from: $0) }
    }

    public func caseVersion(patientID: String) async throws -> Int64? {
        try await fetch(shared: SharedSQL.caseVersion(SharedSQL.postgres), patientID).first?.decode(Int64.self)
    }

    /// Runs `write` with the settings it was checked against, as stored (JSON): a write conditions
    /// itself on them in its statement and returns `nil` when they changed in between, and the entry
    /// is checked again. `StoreError.noIntake` before the intake.
    ///
    /// The settings the patient's last entry was checked against here are used again without a read:
    /// the write's condition holds them to what is stored, so a change made meanwhile (on any
    /// instance) shows as no row, and they are read again. A check that refuses against them is
    /// made again on fresh ones before it counts.
    private func checked<T>(
        _ patientID: String, check: (PatientSettings) throws -> Void, write: (String) async throws -> T?
    ) async throws -> T {
        var known = lastSettings.withLock { $0[patientID] }
        for _ in 0..<5 {
            let remembered = known != nil
            if known == nil {
                guard let stored = try await rows(SettingsOfPatient(patientID: patientID)).first else {
                    lastSettings.withLock { $0[patientID] = nil }
                    throw StoreError.noIntake
                }
                known = (stored, try StoredJSON.decode(PatientSettings.self, from: stored))
            }
            let current = known!
            do {
                try check(current.settings)
            } catch  where remembered {
                known = nil
                continue
            }
            if let written = try await write(current.stored) {
                lastSettings.withLock { last in
                    if last.count >= 10_000 { last.removeAll(keepingCapacity: true) }
                    last[patientID] = current
                }
                return written
            }
            known = nil
        }
        throw StoreError.busy
    }

    /// Adds the entry in one statement with the version raise, and only while the settings are
    /// those it was checked against. Of two requests racing with one idempotency key, the unique
    /// index lets one insert; the other finds its entry and answers with it.
    public func addEntry(_ entry: CaseEntry, patientID: String, check: @escaping EntryCheck, audit: AuditEvent?, key: String?)
        async throws -> Int64
    {
        /// The entry stored before with `key`, when it is this one (encoded only once checked).
        func earlier(_ new: (kind: StoredJSON.Kind, body: String)) async throws -> Int64? {
            guard let key, let row = try await fetch(shared: SharedSQL.entryByKey(SharedSQL.postgres), patientID, key).first
            else { return nil }
            let (id, kind, body) = try row.decode((Int64, String, String).self)
            return try StoredJSON.replayed(id: id, kind: kind, body: body, as: new)
        }
        var checkedEntry: (kind: StoredJSON.Kind, body: String)?
        do {
            return try await checked(patientID, check: check) { settings in
                let (kind, body) = try StoredJSON.stored(entry)
                checkedEntry = (kind, body)
                if let id = try await earlier((kind, body)) { return id }
                // One statement, so one trip to the database and no transaction around it: the
                // patients row stays locked for the statement and its commit only, and sessions of
                // one busy person follow each other as fast as the log syncs.
                guard let audit else {
                    return try await fetch(
                        """
                        WITH bumped AS (
                            UPDATE patients SET version = version + 1 WHERE id = \(patientID) AND settings = \(settings) RETURNING id
                        )
                        INSERT INTO case_entries (patient_id, kind, date, body, idempotency_key)
                        SELECT id, \(kind.rawValue), \(entry.date.description), \(body), \(key) FROM bumped
                        RETURNING id
                        """
                    ).first?.decode(Int64.self)
                }
                return try await rows(
                    AuditedEntry(
                        patientID: patientID, settings: settings, kind: kind.rawValue, date: entry.date.description, body: body,
                        key: key, audit: audit)
                ).first
            }
        } catch  where Self.isUniqueViolation(error) {
            guard let checkedEntry, let id = try await earlier(checkedEntry) else { throw error }
            return id
        }
    }

    /// Whether a write failed on a unique index, alone or inside a transaction.
    static func isUniqueViolation(_ error: any Error) -> Bool {
        switch error {
        case let error as PSQLError: error.serverInfo?[.sqlState] == "23505"
        case let error as PostgresTransactionError: error.closureError.map(isUniqueViolation) ?? false
        default: false
        }
    }

    public func replaceWorkout(id: Int64, with workout: Workout, patientID: String, check: EntryCheck, audit: AuditEvent?)
        async throws -> Bool
    {
        guard let stored = try await self.workout(id: id, patientID: patientID) else { return false }
        // Flags it adds are kept as a report in write order (see `Clearance.reopened`).
        let added = StoredJSON.addedFlags(stored, workout)
        // One statement: the update, the report and the version raise land together, while the settings
        // hold (the row locked, so a change committed meanwhile is seen).
        return try await checked(patientID, check: check) { settings in
            let json = try StoredJSON.encode(workout)
            let report = try StoredJSON.encode(StoredJSON.FlagReport(date: workout.date, flags: added))
            return try await auditing(
                audit, patientID, wrote: { $0 != nil },
                write: { connection in
                    try await fetch(
                        """
                        WITH checked AS (SELECT id FROM patients WHERE id = \(patientID) AND settings = \(settings) FOR UPDATE),
                        updated AS (
                            UPDATE case_entries SET body = \(json), date = \(workout.date.description)
                            WHERE id = \(id) AND patient_id IN (SELECT id FROM checked) AND kind = \(StoredJSON.Kind.workout.rawValue)
                            RETURNING patient_id
                        ),
                        reported AS (
                            INSERT INTO case_entries (patient_id, kind, date, body)
                            SELECT patient_id, \(StoredJSON.Kind.flagReport.rawValue), \(workout.date.description), \(report)
                            FROM updated WHERE \(!added.isEmpty)
                        )
                        UPDATE patients SET version = version + 1 WHERE id IN (SELECT patient_id FROM updated) RETURNING id
                        """, on: connection
                    ).isEmpty ? nil : true
                })
        }
    }

    public func workout(id: Int64, patientID: String) async throws -> Workout? {
        let body = try await fetch(
            shared: SharedSQL.entryBody(SharedSQL.postgres), id, patientID, StoredJSON.Kind.workout.rawValue
        ).first?.decode(String.self)
        return try body.map { try StoredJSON.decode(Workout.self, from: $0) }
    }

    /// Stores a questionnaire for an existing account, as `SQLiteStore` does; 0 when the account is unknown.
    public func addQuestionnaire(_ record: QuestionnaireRecord, patientID: String, audit: AuditEvent?) async throws -> Int64 {
        // The engine reads questionnaires, so the case version rises in the same statement.
        let json = try StoredJSON.encode(record)
        return try await auditing(
            audit, patientID, wrote: { $0 != 0 },
            write: { connection in
                try await fetch(
                    """
                    WITH bumped AS (UPDATE patients SET version = version + 1 WHERE id = \(patientID) RETURNING id)
                    INSERT INTO case_entries (patient_id, kind, date, body)
                    SELECT \(patientID), \(StoredJSON.Kind.questionnaire.rawValue), \(record.date.description), \(json)
                    WHERE EXISTS (SELECT 1 FROM accounts WHERE id = \(patientID))
                    RETURNING id
                    """, on: connection
                ).first?.decode(Int64.self) ?? 0
            })
    }

    public func questionnaires(patientID: String) async throws -> [QuestionnaireRecord] {
        let rows = try await fetch(
            shared: SharedSQL.entriesOfKind(SharedSQL.postgres), patientID, StoredJSON.Kind.questionnaire.rawValue)
        return try rows.map { row in
            let (id, body) = try row.decode((Int64, String).self)
            var record = try StoredJSON.decode(QuestionnaireRecord.self, from: body)
            record.id = id
            return record
        }
    }

    public func caseData(patientID: String) async throws -> CaseData? {
        guard let patient = try await fetch(shared: SharedSQL.patient(SharedSQL.postgres), patientID).first else {
            return nil
        }
        let (settings, intake) = try patient.decode((String, String).self)
        var builder = try StoredJSON.CaseBuilder(settings: settings, intake: intake)
        let entries = try await fetch(shared: SharedSQL.entries(SharedSQL.postgres), patientID)
        for entry in entries {
            let (id, kind, body) = try entry.decode((Int64, String, String).self)
            try builder.add(body, kind: kind, id: id)
        }
        return builder.finished()
    }
}

/// A database URL or schema name that `PostgresStore` cannot use, and why (never quoting the password).
public struct PostgresURLError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String

    public var description: String { reason }
}

extension PostgresStore {
    // MARK: The caseload

    public func saveStatus(_ status: StoredStatus, patientID: String) async throws {
        var binds = PostgresBindings()
        for text in [patientID, status.asOf.description, status.status.rawValue, status.reason] { binds.append(text) }
        binds.append(status.phase?.rawValue)
        binds.append(status.disposition.rawValue)
        binds.append(status.lastTraining?.description)
        binds.append(status.caseVersion)
        try await fetch(PostgresQuery(unsafeSQL: SharedSQL.upsertStatus(SharedSQL.postgres), binds: binds))
    }

    /// Imports many patients in one transaction (load tests, moving from another system), linking
    /// each to `clinicianID` when given: one statement a table, the rows as arrays (`unnest`).
    public func importPatients(_ patients: [(account: Account, passwordHash: String, data: CaseData)], clinicianID: String?)
        async throws
    {
        var (ids, emails, keys, names, roles, hashes) = ([String](), [String](), [String](), [String](), [String](), [String]())
        var created: [Double] = []
        var (settings, intakes) = ([String](), [String]())
        var (owners, kinds, dates, bodies) = ([String](), [String](), [String](), [String]())
        for patient in patients {
            let account = patient.account
            ids.append(account.id)
            emails.append(account.email)
            keys.append(account.email.lowercased())
            names.append(account.name)
            roles.append(account.role.rawValue)
            hashes.append(patient.passwordHash)
            created.append(account.createdAt.timeIntervalSince1970)
            settings.append(try StoredJSON.encode(patient.data.settings))
            intakes.append(try StoredJSON.encode(patient.data.intake))
            for row in try StoredJSON.importRows(patient.data) {
                owners.append(account.id)
                kinds.append(row.kind.rawValue)
                dates.append(row.date.description)
                bodies.append(row.body)
            }
        }
        try await client.withTransaction(logger: logger) { connection in
            try await fetch(
                """
                INSERT INTO accounts (id, email, email_key, name, role, password_hash, created_at)
                SELECT * FROM unnest(\(ids)::text[], \(emails)::text[], \(keys)::text[], \(names)::text[], \(roles)::text[], \(hashes)::text[], \(created)::float8[])
                """, on: connection)
            try await fetch(
                "INSERT INTO patients (id, settings, intake) SELECT * FROM unnest(\(ids)::text[], \(settings)::text[], \(intakes)::text[])",
                on: connection)
            try await fetch(
                """
                INSERT INTO case_entries (patient_id, kind, date, body)
                SELECT * FROM unnest(\(owners)::text[], \(kinds)::text[], \(dates)::text[], \(bodies)::text[])
                """, on: connection)
            if let clinicianID {
                try await fetch(
                    "INSERT INTO links (patient_id, clinician_id) SELECT id, \(clinicianID) FROM unnest(\(ids)::text[]) AS id",
                    on: connection)
            }
        }
    }

    /// The advisory lock of `job` in this store's schema: a 64-bit FNV-1a hash of its name, so that
    /// stores in other schemas of one database (the tests') never take each other's turn.
    func lockKey(_ job: BackgroundJob) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "liftback:\(schema ?? "public"):\(job.rawValue)".utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int64(bitPattern: hash)
    }

    public func asTheOnlyOne<T: Sendable>(_ job: BackgroundJob, _ work: @Sendable () async throws -> T) async throws -> T? {
        // A transaction's advisory lock: released when the transaction ends, whatever happens in
        // `work`, and with the connection if the instance dies.
        var binds = PostgresBindings()
        binds.append(lockKey(job))
        let query = PostgresQuery(unsafeSQL: "SELECT pg_try_advisory_xact_lock($1)", binds: binds)
        do {
            return try await client.withTransaction(logger: logger) { connection in
                guard try await fetch(query, on: connection).first?.decode(Bool.self) == true else { return nil }
                return try await work()
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error  // the work's own error, as the other stores give it
        }
    }

    public func patientsWithStaleStatus(limit: Int) async throws -> [String] {
        var binds = PostgresBindings()
        binds.append(limit)
        return try await fetch(PostgresQuery(unsafeSQL: SharedSQL.staleStatuses(SharedSQL.postgres), binds: binds)).map {
            try $0.decode(String.self)
        }
    }

    public func caseload(clinicianID: String) async throws -> [CaseloadRow] {
        let rows = try await fetch(shared: SharedSQL.caseload(SharedSQL.postgres), clinicianID)
        return try rows.map { row in
            let (id, email, name, role, createdAt, asOf, status, reason, phase, disposition, lastTraining, caseVersion, version) =
                try row.decode(
                    (String, String, String, String, Double, String?, String?, String?, String?, String?, String?, Int64?, Int64?)
                        .self)
            return CaseloadRow(
                account: Account.from(id: id, email: email, name: name, role: role, createdAt: createdAt),
                status: StoredStatus.from(asOf, status, reason, phase, disposition, lastTraining, caseVersion),
                stale: caseVersion != version)
        }
    }
}
