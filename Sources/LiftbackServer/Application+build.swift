import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore
import Logging

/// The router with every route mounted over the services; tests and `buildApplication` share it.
/// With `requestLogger` (or `config.requestLog`), a line per request goes to it.
public func buildRouter(services: Services, config: ServerConfig, requestLogger: Logger? = nil) -> Router<AppContext> {
    let router = Router(context: AppContext.self)
    if let logger = requestLogger ?? (config.requestLog ? Logger(label: "liftback.requests") : nil) {
        router.add(middleware: RequestLogMiddleware(logger: logger))
    }
    router.add(middleware: SecurityHeadersMiddleware(secure: config.secureCookies))
    router.add(middleware: NotFoundPageMiddleware())
    router.add(middleware: APIErrorMiddleware())
    router.add(middleware: PlainPathMiddleware())
    if !config.trustedProxies.isEmpty { router.add(middleware: ClientAddressMiddleware(trusted: config.trustedProxies)) }
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
    CalendarFeedRoute.register(router, services: services)
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
