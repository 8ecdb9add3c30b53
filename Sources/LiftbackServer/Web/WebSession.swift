import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// Cookie sessions for pages: an HttpOnly, SameSite=Lax cookie holding a random token whose hash is
/// stored like a bearer token. Every form carries a CSRF token derived from the session (or, before
/// sign-in, from a separate anonymous cookie) that a cross-site page cannot read.
enum WebSession {
    static let cookie = "lb_session"
    static let csrfCookie = "lb_csrf"

    static func csrf(for context: AppContext) -> String? {
        if let session = context.sessionToken { return Token.csrf(session: session) }
        return context.anonymousCSRF
    }

    /// Reads a submitted form, refusing it unless its CSRF token is right: the one way pages read forms.
    static func checkedForm(_ request: Request, _ context: AppContext) async throws -> Form {
        let form = try await Form.read(request)
        try check(form, context)
        return form
    }

    /// Refuses a form whose CSRF token is missing or wrong.
    static func check(_ form: Form, _ context: AppContext) throws {
        guard let expected = csrf(for: context), let sent = form["csrf"], Token.matches(sent, expected) else {
            throw APIError(.forbidden, "this form has expired; please go back, reload the page and try again")
        }
    }

    /// The session cookie, kept by the browser as long as the session can hold (`SessionPolicy.lifetime`).
    static func sessionCookie(_ session: AccountService.Session, config: ServerConfig) -> Cookie {
        Cookie(
            name: cookie, value: session.token, expires: session.expiresAt, path: "/", secure: config.secureCookies,
            httpOnly: true,
            sameSite: .lax)
    }

    static func clearedCookie(config: ServerConfig) -> Cookie {
        Cookie(name: cookie, value: "", maxAge: 0, path: "/", secure: config.secureCookies, httpOnly: true, sameSite: .lax)
    }
}

/// Reads the session cookie (when no bearer token already identified the caller) and the anonymous
/// CSRF cookie, setting a fresh one on the response when it is missing.
struct CookieAuthenticator: RouterMiddleware {
    typealias Context = AppContext
    let accounts: AccountService
    let config: ServerConfig

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        context.route = AppContext.route(of: request, context)
        // Mounted on the pages' routes only: the API's group reads bearer tokens and nothing else.
        if let token = request.cookies[WebSession.cookie]?.value,
            !token.isEmpty,
            let account = try await accounts.account(token: token, kind: .session)
        {
            context.identity = account
            context.trace.accountID = account.id
            context.sessionToken = token
        }
        var newCSRF: String?
        if let existing = request.cookies[WebSession.csrfCookie]?.value, existing.count == 64 {
            context.anonymousCSRF = existing
        } else {
            newCSRF = Token.generate()
            context.anonymousCSRF = newCSRF
        }
        var response = try await next(request, context)
        if let newCSRF {
            response.setCookie(
                Cookie(
                    name: WebSession.csrfCookie, value: newCSRF, path: "/", secure: config.secureCookies, httpOnly: true,
                    sameSite: .lax))
        }
        return response
    }
}
