import Foundation
import LiftbackApp
import LiftbackCore
import LiftbackPostgres
import LiftbackSQLite
import LiftbackStore
import Logging
import ServiceLifecycle

/// Opening the services over a real database: an SQLite file (the default) or a PostgreSQL URL.
/// Kept out of `LiftbackApp` so that an app embedding the services with SQLite alone does not pull
/// in PostgresNIO; the server and the command line take this.
extension Services {
    /// `true` when `database` names a PostgreSQL server rather than an SQLite file.
    public static func isPostgres(_ database: String) -> Bool {
        database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
    }

    /// The services over the store `database` names: an SQLite file (the default) or a
    /// `postgres://` URL. Returns the background services the store needs and the steps to run
    /// before the server starts (PostgreSQL's migrations; SQLite migrates on opening).
    public static func open(
        database: String, engine: Engine, passwordCost: UInt8, today: @escaping @Sendable (TimeZone) -> Day,
        logger: Logger
    ) throws -> (services: Services, background: [any Service], setUp: [@Sendable () async throws -> Void]) {
        let store: any Store
        var background: [any Service] = []
        var setUp: [@Sendable () async throws -> Void] = []
        if isPostgres(database) {
            let postgres = try PostgresStore(url: database, logger: logger)
            background.append(postgres.client)
            setUp.append(postgres.migrate)
            store = postgres
        } else {
            let sqlite = try SQLiteStore(path: database)
            background.append(CheckpointService(store: sqlite, logger: logger))
            store = sqlite
        }
        let services = Services(store: store, engine: engine, passwordCost: passwordCost, today: today)
        background.append(services.statusRefresher(logger: logger))
        return (services, background, setUp)
    }
}

extension Services {
    /// Runs `body` over the services `database` names, for a one-off command: the store's
    /// background work (PostgreSQL's connections) runs meanwhile, and stops once `body` is done.
    public static func withOpened<T: Sendable>(
        database: String, engine: Engine, logger: Logger, _ body: @Sendable @escaping (Services) async throws -> T
    ) async throws -> T {
        let (services, background, setUp) = try open(
            database: database, engine: engine, passwordCost: 12, today: { Day.today(now: Date(), in: $0) }, logger: logger)
        return try await withThrowingTaskGroup(of: T?.self) { group in
            for service in background {
                group.addTask {
                    try await service.run()
                    return nil
                }
            }
            for step in setUp { try await step() }
            let result = try await body(services)
            group.cancelAll()
            return result
        }
    }
}

/// Keeps SQLite's write-ahead log short from the background, so that a request's commit never has
/// to copy the log into the database and sync it (which took 4-5 ms here, the tail of logging).
struct CheckpointService: Service {
    let store: SQLiteStore
    let logger: Logger
    var interval: Duration = .milliseconds(250)

    func run() async {
        await cancelWhenGracefulShutdown {
            while (try? await Task.sleep(for: interval)) != nil {
                do {
                    try await store.checkpoint()
                } catch {
                    // Not fatal: the next round tries again, and commits checkpoint inline past a limit.
                    logger.warning("background checkpoint failed: \(error)")
                }
            }
        }
    }
}
