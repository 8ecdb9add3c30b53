import Foundation
import LiftbackSQLite

/// Backups of the embedded database, for `liftback admin backup` (docs/deploy.md). PostgreSQL is
/// backed up with its own tools (`pg_dump`), which see every server's writes.
public enum Backup {
    /// Copies the SQLite database at `database` to a new file at `path`, online.
    public static func sqlite(_ database: String, to path: String) throws {
        try SQLiteStore(path: database).backup(to: path)
    }
}
