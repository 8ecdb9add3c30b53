/// Every migration in order, each spelled for both databases. Both stores apply the ones they lack.
package enum Migrations {
    package static let all: [(identifier: String, statements: @Sendable (SQLDialect) -> [String])] = [
        (Migration001Initial.identifier, Migration001Initial.statements(for:)),
        (Migration002CaseStatus.identifier, Migration002CaseStatus.statements(for:)),
        (Migration003Tokens.identifier, Migration003Tokens.statements(for:)),
        (Migration004Audit.identifier, Migration004Audit.statements(for:)),
        (Migration005InviteHashes.identifier, Migration005InviteHashes.statements(for:)),
        (Migration006IdempotencyKeys.identifier, Migration006IdempotencyKeys.statements(for:)),
    ]
}

/// The SQL dialects a migration is spelled for.
package enum SQLDialect: Sendable {
    case sqlite, postgres

    /// A 64-bit integer primary key that the database assigns in increasing order.
    package var autoIncrementingKey: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: "BIGSERIAL PRIMARY KEY"
        }
    }
}
