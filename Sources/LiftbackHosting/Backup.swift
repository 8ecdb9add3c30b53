import Foundation
import LiftbackSQLite

/// Backups of the embedded database, for `liftback admin backup` (docs/deploy.md). PostgreSQL is
/// backed up with its own tools (`pg_dump`), which see every server's writes.
public enum Backup {
    /// Why a copy could not be made; the message names the file.
    public typealias Failure = BackupError

    /// Copies the SQLite database at `database` to a new file at `path`, online; throws a
    /// `BackupError` naming the file when either end is wrong.
    public static func sqlite(_ database: String, to path: String) throws {
        try SQLiteStore.backup(database: database, to: path)
    }
}
