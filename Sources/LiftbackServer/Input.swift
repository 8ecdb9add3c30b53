import Foundation
import Hummingbird
import LiftbackApp

/// A path with control characters in it (a `%00` in an id, say) names nothing that can exist, so it
/// is answered 404 before any store sees it.
struct PlainPathMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        guard PlainText.isPlain(request.uri.path.removingPercentEncoding ?? "\0") else { throw APIError.notFound }
        return try await next(request, context)
    }
}
