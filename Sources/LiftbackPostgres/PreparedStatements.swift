import LiftbackStore
import PostgresNIO

// The statements every request or every session log runs, prepared once on each pooled connection
// rather than parsed and planned on every call (docs/performance.md, "SQLite and PostgreSQL under
// concurrency"). Their text is the same `SharedSQL` the other statements use.

/// The bearer token or session behind a request, with its account.
struct TokenByHash: PostgresPreparedStatement {
    static let sql = SharedSQL.token(SharedSQL.postgres)
    typealias Row = (String, String, String, String, Double, String, Double, Double, Double)
    var hash: String

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(hash)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}

/// A patient's settings, which every entry is checked against.
struct SettingsOfPatient: PostgresPreparedStatement {
    static let sql = SharedSQL.settings(SharedSQL.postgres)
    typealias Row = String
    var patientID: String

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(patientID)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(String.self) }
}

/// An entry, its audit line and the case version's raise in one statement, only while the settings
/// are those it was checked against: its id, or no row when they changed in between.
struct AuditedEntry: PostgresPreparedStatement {
    static let sql = """
        WITH bumped AS (
            UPDATE patients SET version = version + 1 WHERE id = $1 AND settings = $2 RETURNING id
        ), added AS (
            INSERT INTO case_entries (patient_id, kind, date, body, idempotency_key)
            SELECT id, $3, $4, $5, $6 FROM bumped
            RETURNING id
        ), audited AS (
            INSERT INTO audit_events (patient_id, at, actor_id, actor_role, action, route)
            SELECT $1, $7, $8, $9, $10, $11 FROM added
        )
        SELECT id FROM added
        """
    typealias Row = Int64
    var patientID: String
    var settings: String
    var kind: String
    var date: String
    var body: String
    var key: String?
    var audit: AuditEvent

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings()
        for text in [patientID, settings, kind, date, body] { bindings.append(text) }
        bindings.append(key)
        bindings.append(audit.at.timeIntervalSince1970)
        for text in [audit.actorID, audit.actorRole.rawValue, audit.action.rawValue, audit.route] { bindings.append(text) }
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Int64.self) }
}

extension PostgresStore {
    /// The rows of a prepared statement, on a pooled connection. A connection keeps a failed
    /// preparation (a timeout while a migration held a lock, a table changed under it) and returns
    /// that error on every later use, so a statement the server refused is sent once more as an
    /// ordinary query: a refused statement changed nothing, so sending it again is safe, and a
    /// second refusal is the answer. A lost connection (no answer from the server) is not retried;
    /// nor is a key already used, which the caller reads as such.
    func rows<Statement: PostgresPreparedStatement>(_ statement: Statement) async throws -> [Statement.Row] {
        do {
            var rows: [Statement.Row] = []
            for try await row in try await client.execute(statement, logger: logger) { rows.append(row) }
            return rows
        } catch let error as PSQLError where error.serverInfo != nil && !Self.isUniqueViolation(error) {
            return try await fetch(PostgresQuery(unsafeSQL: Statement.sql, binds: try statement.makeBindings()))
                .map(statement.decodeRow)
        }
    }
}
