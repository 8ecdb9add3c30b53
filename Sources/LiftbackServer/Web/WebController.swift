import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// The server-rendered pages: phone first for the person, desk first for the clinician. Every read
/// and write goes through the application layer's services (`LiftbackApp`), as the JSON API's do;
/// pages only collect input, call one service method and present what it returns.
struct WebController {
    let services: Services
    let config: ServerConfig
    var cases: CaseService { services.cases }
    var engine: Engine { services.engine }

    func register(_ router: RouterGroup<AppContext>) {
        router.get("static/app.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
        router.get("static/app.js") { _, _ in Self.asset(Assets.js, type: "text/javascript; charset=utf-8") }
        router.get("sw.js") { _, _ in
            var response = Self.asset(Assets.serviceWorker, type: "text/javascript; charset=utf-8")
            response.headers[.cacheControl] = "no-cache"
            return response
        }
        AccountPages(web: self).register(router)
        IntakePages(web: self).register(router)
        PersonPages(web: self).register(router)
        ClinicianPages(web: self).register(router)
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    func render(
        _ title: String, _ context: AppContext, flash: String? = nil, problem: String? = nil, wide: Bool = false,
        status: HTTPResponse.Status = .ok, _ body: HTML
    )
        -> Response
    {
        let page = Layout.page(
            title, account: context.identity, csrf: WebSession.csrf(for: context), flash: flash, problem: problem, wide: wide,
            body)
        return Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: page.description)))
    }

    static func redirect(_ location: String) -> Response { .redirect(to: location, type: .normal) }

    /// The signed-in account with a role, or a redirect to sign in.
    func signedIn(_ context: AppContext, role: Role) throws -> Account {
        guard let account = context.identity else { throw PageRedirect(location: "/signin") }
        guard account.role == role else { throw PageRedirect(location: account.role == .clinician ? "/caseload" : "/today") }
        return account
    }

    func today() -> Day { cases.today() }

    /// The full address of `path` on this server as the browser reached it, for a link a person
    /// passes on; only the path when the request's host is not a plain host name and port.
    func address(_ request: Request, path: String) -> String {
        guard let host = request.head.authority, host.count <= 255,
            host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-:[]".contains($0)) })
        else { return path }
        return (config.secureCookies ? "https://" : "http://") + host + path
    }

    /// The signed-in patient's stored case, or a redirect to the intake.
    func caseData(_ patient: Account) async throws -> CaseData {
        guard let data = try await cases.caseData(patient.id) else { throw PageRedirect(location: "/intake") }
        return data
    }

    /// The patient's prescription for today (or the intake's day), from the same cache as the API's.
    func prescription(_ patient: Account, _ context: AppContext) async throws -> (data: CaseData, prescription: Prescription) {
        guard let found = try await cases.prescription(patient.id, by: context.caller(patient)) else {
            throw PageRedirect(location: "/intake")
        }
        return found
    }
}

/// Thrown by page handlers to send the browser elsewhere (for example to sign in).
struct PageRedirect: Error, HTTPResponseError {
    var location: String
    var status: HTTPResponse.Status { .seeOther }
    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}

/// Errors on pages become a calm HTML page instead of JSON (this runs on the pages' routes only).
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let redirect as PageRedirect {
            throw redirect
        } catch {
            let mapped = APIError.from(error)
            guard let apiError = mapped as? APIError else { throw error }
            if apiError.status == .internalServerError { context.logger.error("page request failed: \(error)") }
            if apiError.status == .unauthorized { return WebController.redirect("/signin") }
            let page = Layout.page(
                "Something needs a look", account: context.identity, csrf: nil,
                """
                <h1>Something needs a look</h1>
                <p>\(apiError.message)</p>
                <p><a href="/" data-back>Go back</a> or <a href="/">start again</a>.</p>
                """)
            return Response(
                status: apiError.status, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: page.description)))
        }
    }
}

/// An address that matches no route, asked for by a browser, gets a calm page rather than an empty
/// answer (the API and anything not asking for HTML keep the bare 404).
struct NotFoundPageMiddleware: RouterMiddleware {
    typealias Context = AppContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            guard request.method == .get, !request.uri.path.hasPrefix("/api/"),
                request.headers[.accept]?.contains("text/html") == true,
                (error as? any HTTPResponseError)?.status == .notFound
            else { throw error }
            let page = Layout.page(
                "Not found", account: nil, csrf: nil,
                """
                <h1>This page is not here</h1>
                <p>The address may have changed, or a letter may be missing.</p>
                <p><a class="button" href="/">Start again</a></p>
                """)
            return Response(
                status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: page.description)))
        }
    }
}
