import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore
import LiftbackHosting
import Logging
import ServiceLifecycle

extension ServerConfig {
    /// The services over the database this configuration names, with its bcrypt cost and its today.
    public func services(opening logger: Logger) throws -> (
        services: Services, background: [any Service], setUp: [@Sendable () async throws -> Void]
    ) {
        let config = self
        return try Services.open(
            database: database, passwordCost: passwordCost, today: { config.today(in: $0) }, logger: logger)
    }
}

/// The router with every route mounted over the services; tests and `buildApplication` share it.
public func buildRouter(services: Services, config: ServerConfig) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    router.add(middleware: SecurityHeadersMiddleware(secure: config.secureCookies))
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: PlainPathMiddleware())
    router.get("health") { _, _ in "ok" }
    let openAPI = OpenAPIDocument.json(settings: services.engine.settings)
    router.get("openapi.json") { _, _ in
        Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
    }
    // Who is asking is decided by route group, never by the path's text: the API reads bearer tokens
    // only, the pages the session cookie only, so a cookie cannot drive the API however the path is
    // spelled (`//api/v1/...` routes to the API group and finds no bearer token).
    let api = router.group("api/v1").add(middleware: BearerAuthenticator(accounts: services.accounts))
    AccountsController(services: services).register(api)
    PatientsController(services: services).register(api)
    CaseloadController(services: services).register(api)
    let pages = router.group()
        .add(middleware: PageErrorMiddleware())
        .add(middleware: CookieAuthenticator(accounts: services.accounts, config: config))
    WebController(services: services, config: config).register(pages)
    return router
}

/// Wiring in one place: the services over the store the configuration names (SQLite by default,
/// PostgreSQL for a `postgres://` URL, both migrated on start), the router, the server's address
/// and, when asked, the demo data.
public func buildApplication(config: ServerConfig, seedDemo: Bool = false) throws -> some ApplicationProtocol {
    var logger = Logger(label: "liftback")
    logger.logLevel = .info
    let (services, background, opened) = try config.services(opening: logger)
    var setUp = opened
    if seedDemo {
        setUp.append {
            let lines = try await services.seedDemo()
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
    var app = Application(
        router: buildRouter(services: services, config: config),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Liftback"),
        services: background, logger: logger)
    for step in setUp { app.beforeServerStarts(perform: step) }
    return app
}
