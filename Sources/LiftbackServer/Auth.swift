import Hummingbird
import LiftbackApp

/// Reads `Authorization: Bearer ...` and sets the context's identity when the token is valid.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = AppContext
    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            context.identity = try await accounts.account(token: String(header.dropFirst(7)))
        }
        return try await next(request, context)
    }
}
