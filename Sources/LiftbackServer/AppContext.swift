import Hummingbird
import LiftbackApp

/// The request context: Hummingbird's core plus the signed-in account, if any.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `BearerAuthenticator` from a valid bearer token, or by `CookieAuthenticator` from a session cookie.
    public var identity: Account?
    /// The session cookie's token, for pages (the CSRF token derives from it).
    public var sessionToken: String?
    /// The anonymous CSRF cookie, for the sign-up and sign-in forms.
    public var anonymousCSRF: String?

    /// The caller's network address, for the sign-in limiter (behind a proxy, the proxy's).
    public var remoteAddress: String?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }
}
