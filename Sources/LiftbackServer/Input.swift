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
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; "
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

extension Request {
    /// The body, read whole up to `limit` bytes. A longer one is answered 413 with the limit in
    /// words, not the bare status the framework gives, so the sender knows what to change.
    func body(upTo limit: Int) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(
                .contentTooLarge, "this is more than \(limit / 1_000) KB, the most one request takes; please send less at a time")
        }
    }
}

/// Behind a reverse proxy every connection comes from the proxy, so the sign-in limiter would count
/// all callers as one. For a peer in `trusted` (`LIFTBACK_TRUSTED_PROXIES`) the caller is the last
/// address of `X-Forwarded-For`, the one that proxy added; anyone else's header is ignored, since
/// a caller can write any address into it.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let trusted: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        context.remoteAddress = Self.client(
            peer: context.remoteAddress, forwardedFor: request.headers[values: .xForwardedFor], trusted: trusted)
        return try await next(request, context)
    }

    /// The caller's address: the proxy's last forwarded entry when `peer` is trusted, else `peer`.
    static func client(peer: String?, forwardedFor: [String], trusted: Set<String>) -> String? {
        guard let peer, trusted.contains(peer),
            let last = forwardedFor.last?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            ServerConfig.isAddress(last)
        else { return peer }
        return last
    }
}

extension HTTPField.Name {
    static let xForwardedFor = Self("X-Forwarded-For")!
    /// The sender's key for a write that must happen once however often it is sent.
    static let idempotencyKey = Self("Idempotency-Key")!
}
