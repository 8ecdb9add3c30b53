import Hummingbird
import LiftbackApp

/// Reads `Authorization: Bearer ...` and sets the context's identity when the token is valid.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = AppContext
    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        if let token = Self.token(request) { context.identity = try await accounts.account(token: token, kind: .bearer) }
        return try await next(request, context)
    }

    /// The token of `Authorization: Bearer ...`, if one was sent.
    static func token(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else { return nil }
        return String(header.dropFirst(7))
    }
}
