import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// One structured line per request for whoever runs the server (the route as matched, never the
/// path with its ids, the status, the time taken and the account that asked; never a body, a
/// query or anything of the record), and the request's latency in a histogram per route and status
/// class, for `/metrics`.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, since: start)
            return response
        } catch {
            record(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, since: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        // An address that matched nothing is one route, "not found": a scan cannot grow the metrics.
        let route =
            context.endpointPath == nil || context.endpointPath == "NotFound"
            ? "not found" : AppContext.route(of: request, context)
        Timer(label: "liftback_http_request_duration_seconds", dimensions: [("route", route), ("status", "\(status / 100)xx")])
            .recordNanoseconds(elapsed.nanoseconds)
        var metadata: Logger.Metadata = [
            "route": "\(route)", "status": "\(status)",
            "ms": "\(String(format: "%.2f", Double(elapsed.nanoseconds) / 1e6))",
        ]
        if let account = context.trace.accountID { metadata["account"] = "\(account)" }
        logger.info("request", metadata: metadata)
    }
}

extension Duration {
    var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }
}

/// The Prometheus registry every metric of the process goes to, and the swift-metrics backend over
/// it, set up once per process (`serve`, or a test) before any metric is made.
public enum MetricsExport {
    public static let registry = PrometheusCollectorRegistry()
    private static let bootstrapped: Bool = {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 1000].map { .milliseconds($0) }
        MetricsSystem.bootstrap(factory)
        return true
    }()

    /// Sets up swift-metrics once; later calls do nothing.
    public static func bootstrap() { _ = bootstrapped }

    /// The text exposition of every metric.
    public static func text() -> String { registry.emitToString() }

    /// `GET /metrics` alone, for a listener of its own that the operator keeps off the public port.
    public static func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: text())))
        }
        return router
    }
}
