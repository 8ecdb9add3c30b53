import Foundation
import HTTPTypes
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

/// Headers every answer carries: no framing, no sniffing, no referrer, and a content policy that
/// allows this site's own scripts and styles only (pages have no inline script or style); HSTS when
/// the server is behind HTTPS.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    let secure: Bool

    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if secure { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        return response
    }
}
