import Foundation
import Hummingbird
import LiftbackApp

/// Reads `Authorization: Bearer ...` and sets the context's identity when the token is valid.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = AppContext
    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        context.route = AppContext.route(of: request, context)
        if let token = Self.token(request) {
            context.identity = try await accounts.account(token: token, kind: .bearer)
            context.trace.accountID = context.identity?.id
        }
        return try await next(request, context)
    }

    /// The token of `Authorization: Bearer ...`, if one was sent. The scheme's name is read in any
    /// case, as HTTP defines it (RFC 9110, section 11.1).
    static func token(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}
