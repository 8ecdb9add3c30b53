import Foundation
import Hummingbird
import LiftbackCore
import LiftbackStore
import Logging
import ServiceLifecycle

extension ServerConfig {
    /// `true` when `database` names a PostgreSQL server rather than an SQLite file.
    public var usesPostgres: Bool { database.hasPrefix("postgres://") || database.hasPrefix("postgresql://") }
}

/// The router with every route mounted; tests and `buildApplication` share it.
public func buildRouter(store: any Store, config: ServerConfig, engine: Engine = Engine()) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: PageErrorMiddleware())
    router.add(middleware: PlainPathMiddleware())
    let tokens = TokenCache(store: store)
    router.add(middleware: BearerAuthenticator(tokens: tokens))
    router.add(middleware: CookieAuthenticator(tokens: tokens, config: config))
    router.get("health") { _, _ in "ok" }
    router.get("openapi.json") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.json)))
    }
    let api = router.group("api/v1")
    let limiter = SignInLimiter()
    AccountsController(store: store, config: config, limiter: limiter).register(api)
    let cache = CaseCache(store: store)
    PatientsController(store: store, engine: engine, cache: cache, config: config).register(api)
    CaseloadController(store: store, engine: engine, config: config).register(api)
    WebController(store: store, config: config, engine: engine, limiter: limiter, cache: cache, tokens: tokens).register(router)
    return router
}

/// Wiring in one place: the store (SQLite by default, PostgreSQL for a `postgres://` URL, both
/// migrated on start), the router, the server's address and, when asked, the demo data.
public func buildApplication(config: ServerConfig, store: (any Store)? = nil, seedDemo: Bool = false) throws
    -> some ApplicationProtocol
{
    var logger = Logger(label: "liftback")
    logger.logLevel = .info
    var services: [any Service] = []
    var setUp: [@Sendable () async throws -> Void] = []
    let chosen: any Store
    if let store {
        chosen = store
    } else if config.usesPostgres {
        let postgres = try PostgresStore(url: config.database, logger: logger)
        services.append(postgres.client)
        setUp.append(postgres.migrate)
        chosen = postgres
    } else {
        let sqlite = try SQLiteStore(path: config.database)
        services.append(CheckpointService(store: sqlite, logger: logger))
        chosen = sqlite
    }
    services.append(
        StatusRefresher(caseload: CaseloadService(store: chosen, engine: Engine()), today: { config.today() }, logger: logger))
    if seedDemo {
        setUp.append {
            let lines = try await Demo.seed(chosen, today: config.today())
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
    var app = Application(
        router: buildRouter(store: chosen, config: config),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Liftback"),
        services: services, logger: logger)
    for step in setUp { app.beforeServerStarts(perform: step) }
    return app
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
