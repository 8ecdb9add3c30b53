import Hummingbird
import LiftbackApp
import Synchronization

/// The request context: Hummingbird's core plus the signed-in account, if any.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `BearerAuthenticator` from a valid bearer token, or by `CookieAuthenticator` from a session cookie.
    public var identity: Account?
    /// The session cookie's token, for pages (the CSRF token derives from it).
    public var sessionToken: String?
    /// The anonymous CSRF cookie, for the sign-up and sign-in forms.
    public var anonymousCSRF: String?

    /// The caller's network address, for the sign-in limiter: the peer's, or behind a trusted
    /// reverse proxy the one it forwards (`ClientAddressMiddleware`).
    public var remoteAddress: String?

    /// The route the request matched, as the audit trail names it (`POST /api/v1/patients/{id}/workouts`),
    /// set by the authenticators once the router has matched it.
    public var route = ""

    /// The signed-in account, let in by `AccessService`, as the services see a caller.
    func caller(_ account: Account) -> Caller { Caller(account, route: route) }

    /// The route of `request` as matched, with its parameters' names in braces.
    static func route(of request: Request, _ context: AppContext) -> String {
        let path = (context.endpointPath ?? request.uri.path).replacing(/:([A-Za-z]+)/) { "{\($0.1)}" }
        return "\(request.method.rawValue) \(path.hasPrefix("/") ? path : "/" + path)"
    }

    /// What the request log says of the request once it is answered (the account that made it),
    /// shared with the middleware that writes the line: a context is copied as it goes inwards.
    let trace = RequestTrace()

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// The parts of a request its log line names, filled in as the request is let in.
final class RequestTrace: Sendable {
    private let account = Mutex<String?>(nil)
    var accountID: String? {
        get { account.withLock { $0 } }
        set { account.withLock { $0 = newValue } }
    }
}
