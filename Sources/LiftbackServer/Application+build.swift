import Foundation
import Hummingbird
import LiftbackCore
import LiftbackStore
import Logging

/// Opens the store a configuration names: an SQLite file by default.
public func openStore(_ config: ServerConfig) throws -> any Store {
    if config.database.hasPrefix("postgres://") || config.database.hasPrefix("postgresql://") {
        throw APIError(.internalServerError, "PostgreSQL support is not built yet; use an SQLite file path")
    }
    return try SQLiteStore(path: config.database)
}

/// The router with every route mounted; tests and `buildApplication` share it.
public func buildRouter(store: any Store, config: ServerConfig, engine: Engine = Engine()) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: BearerAuthenticator(store: store))
    router.get("health") { _, _ in "ok" }
    router.get("openapi.json") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: OpenAPIDocument.json)))
    }
    let api = router.group("api/v1")
    AccountsController(store: store, config: config, limiter: SignInLimiter()).register(api)
    PatientsController(store: store, engine: engine).register(api)
    CaseloadController(store: store, engine: engine).register(api)
    return router
}

/// Wiring in one place: the store, the router and the server's address.
public func buildApplication(config: ServerConfig, store: (any Store)? = nil) throws -> some ApplicationProtocol {
    var logger = Logger(label: "liftback")
    logger.logLevel = .info
    let store = try store ?? openStore(config)
    return Application(
        router: buildRouter(store: store, config: config),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Liftback"),
        logger: logger)
}
