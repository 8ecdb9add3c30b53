import Foundation
import LiftbackCore
import LiftbackPostgres
import LiftbackSQLite
import LiftbackStore
import Logging
import ServiceLifecycle

/// The application layer, in one value: every operation of the product is a method of one of these
/// services, and the JSON API, the pages and the command line are adapters over them. Only this
/// layer holds a `Store`; the adapters never import the store's module (a test keeps it so).
public struct Services: Sendable {
    public let access: AccessService
    public let accounts: AccountService
    public let cases: CaseService
    public let caseload: CaseloadService
    public let privacy: PrivacyService
    /// The one engine, with its settings, that every service runs.
    public var engine: Engine { cases.engine }
    let store: any Store

    /// - Parameters:
    ///   - passwordCost: bcrypt's cost for new passwords (12 in production, lower only in tests).
    ///   - today: today in a time zone; a fixed day for demos and tests, whatever the zone.
    ///   - sessions: how long a sign-in holds.
    ///   - now: the time now (the clock; a test's own to move it).
    public init(
        store: any Store, engine: Engine = Engine(), passwordCost: UInt8 = 12, sessions: SessionPolicy = SessionPolicy(),
        today: @escaping @Sendable (TimeZone) -> Day, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        access = AccessService(store: store)
        accounts = AccountService(
            store: store, limiter: SignInLimiter(), passwordCost: passwordCost, policy: sessions, now: now,
            dummyHash: Passwords.hashSync(Token.generate(), cost: passwordCost))
        cases = CaseService(store: store, cache: CaseCache(store: store), engine: engine, todayIn: today)
        caseload = CaseloadService(store: store, engine: engine)
        privacy = PrivacyService(store: store, cases: cases, now: now)
    }

    /// The background work that keeps caseload statuses fresh.
    public func statusRefresher(logger: Logger) -> StatusRefresher {
        let cases = cases
        return StatusRefresher(caseload: caseload, today: { cases.today() }, logger: logger)
    }

    /// Seeds the demo clinician and patients once; returns how to sign in.
    public func seedDemo() async throws -> [String] {
        try await Demo.seed(store, today: cases.today(), engine: engine)
    }

    /// `true` when `database` names a PostgreSQL server rather than an SQLite file.
    public static func isPostgres(_ database: String) -> Bool {
        database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")
    }

    /// The services over the store `database` names: an SQLite file (the default) or a
    /// `postgres://` URL. Returns the background services the store needs and the steps to run
    /// before the server starts (PostgreSQL's migrations; SQLite migrates on opening).
    public static func open(
        database: String, engine: Engine = Engine(), passwordCost: UInt8, today: @escaping @Sendable (TimeZone) -> Day,
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
        database: String, logger: Logger, _ body: @Sendable @escaping (Services) async throws -> T
    ) async throws -> T {
        let (services, background, setUp) = try open(
            database: database, passwordCost: 12, today: { Day.today(now: Date(), in: $0) }, logger: logger)
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
