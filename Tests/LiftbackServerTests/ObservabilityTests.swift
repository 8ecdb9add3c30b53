import Foundation
import Hummingbird
import HummingbirdTesting
import LiftbackStore
import Logging
import Synchronization
import Testing

@testable import LiftbackServer

/// What the request log keeps, in memory, line by line.
final class CapturedLines: LogHandler, @unchecked Sendable {
    let lines = Mutex<[(message: String, metadata: Logger.Metadata)]>([])
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .info
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        lines.withLock { $0.append((event.message.description, event.metadata ?? [:])) }
    }
}

@Suite("Observability: request logs and metrics")
struct ObservabilityTests {
    @Test(
        "A line per request names the route as matched, the status, the time and the account, and nothing of the record; the latency lands in a histogram per route"
    )
    func requestLogAndMetrics() async throws {
        MetricsExport.bootstrap()
        let captured = CapturedLines()
        let logger = Logger(label: "test.requests", factory: { _ in captured })
        try await APIHarness(requestLogger: logger).test { client in
            let (pat, base) = try await APIHarness.patientWithIntake(client)
            let posted = try await APIHarness.send(client, .post, "\(base)/workouts", token: pat.token, json: APIHarness.workout)
            #expect(posted.status == .created)
            _ = try await APIHarness.send(client, .get, "/no/such/\(UUID().uuidString)")
            let lines = captured.lines.withLock { $0 }
            let post = try #require(lines.first { $0.metadata["route"] == "POST /api/v1/patients/{id}/workouts" })
            #expect(post.message == "request" && post.metadata["status"] == "201" && post.metadata["account"] == "\(pat.id)")
            #expect(Double(post.metadata["ms"].map { "\($0)" } ?? "") != nil)
            // Nothing of the record or the request's body: no pain, no weights, no email, no path with ids.
            for line in lines {
                let text = line.metadata.values.map { "\($0)" }.joined(separator: " ") + line.message
                for secret in ["trap-bar", "painDuring", "pat@example.org", "/api/v1/patients/\(pat.id)"] {
                    #expect(!text.contains(secret), "\(text)")
                }
            }
            #expect(lines.contains { $0.metadata["route"] == "not found" && $0.metadata["status"] == "404" })
            let metrics = MetricsExport.text()
            #expect(
                metrics.contains(
                    #"liftback_http_request_duration_seconds_count{route="POST /api/v1/patients/{id}/workouts",status="2xx"}"#),
                "\(metrics.prefix(2000))")
            #expect(metrics.contains("liftback_case_cache_misses_total"))
            #expect(!metrics.contains(pat.id))
        }
    }

    @Test("The metrics port and the request log are settings of the environment, checked when the server starts")
    func settings() throws {
        let plain = try ServerConfig.resolve(host: nil, port: nil, database: nil, environment: [:])
        #expect(plain.requestLog && plain.metricsPort == nil)
        let set = try ServerConfig.resolve(
            host: nil, port: nil, database: nil, environment: ["LIFTBACK_METRICS_PORT": "9464", "LIFTBACK_REQUEST_LOG": "off"])
        #expect(!set.requestLog && set.metricsPort == 9464)
        #expect(throws: ServerConfig.SettingError.self) {
            try ServerConfig.resolve(host: nil, port: nil, database: nil, environment: ["LIFTBACK_REQUEST_LOG": "loud"])
        }
        #expect(throws: ServerConfig.SettingError.self) {
            try ServerConfig.resolve(host: nil, port: nil, database: nil, environment: ["LIFTBACK_METRICS_PORT": "0"])
        }
    }
}
