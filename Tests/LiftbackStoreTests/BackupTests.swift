import Foundation
import GRDB
import LiftbackSQLite
import LiftbackStore
import Testing

/// `liftback admin backup`: a copy that keeps the data, and names that would keep nothing refused.
@Suite("SQLite backup")
struct BackupTests {
    let folder: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("liftback-backup-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    func failure(_ source: String, _ target: String) -> String? {
        do {
            try SQLiteStore.backup(database: source, to: target)
            return nil
        } catch {
            return (error as? BackupError)?.description ?? "\(error)"
        }
    }

    @Test("The copy holds the accounts, and the server's file can be copied while it is open")
    func copyKeepsData() async throws {
        let source = folder + "/liftback.sqlite"
        let store = try SQLiteStore(path: source)
        _ = try await store.createAccount(email: "a@example.org", passwordHash: "h", name: "A", role: .patient, at: Date())
        try SQLiteStore.backup(database: source, to: folder + "/copy.sqlite")
        let copy = try SQLiteStore(path: folder + "/copy.sqlite")
        #expect(try await copy.credentials(email: "a@example.org")?.account.name == "A")
    }

    @Test(
        "Names that SQLite keeps in memory or throws away are refused, as are missing folders and existing files",
        arguments: [
            "", ":memory:", "file:copy?mode=memory", "file:copy.sqlite", "missing-folder/copy.sqlite", "liftback.sqlite", "sub/",
        ])
    func targetsRefused(_ name: String) async throws {
        let source = folder + "/liftback.sqlite"
        _ = try SQLiteStore(path: source)
        try FileManager.default.createDirectory(atPath: folder + "/sub", withIntermediateDirectories: true)
        let target = name.isEmpty || name.hasPrefix(":") || name.hasPrefix("file:") ? name : folder + "/" + name
        let message = try #require(failure(source, target))
        #expect(!message.isEmpty)
        if !name.isEmpty { #expect(message.contains(target)) }
    }

    @Test("A file that is not a Liftback database is refused by name and left as it was, not migrated")
    func foreignSourceRefused() throws {
        let other = folder + "/other.sqlite"
        let queue = try DatabaseQueue(path: other)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
        try queue.close()
        let message = try #require(failure(other, folder + "/copy.sqlite"))
        #expect(message.contains(other) && message.contains("not a Liftback database"))
        let tables = try DatabaseQueue(path: other).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
        #expect(tables == ["notes"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/copy.sqlite"))
        #expect(failure(folder + "/nothing.sqlite", folder + "/copy2.sqlite")?.contains("no such file") == true)
    }
}
