import Hummingbird
import LiftbackStore

/// The request context: Hummingbird's core plus the signed-in account, if any.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `BearerAuthenticator` from a valid bearer token.
    public var identity: Account?

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
