import Foundation
import Hummingbird
import LiftbackApp
import LiftbackHosting
import LiftbackServer
import Logging
import ServiceLifecycle
import Synchronization

// The server's entry point lives with the command line, not in LiftbackServer: the HTTP adapters
// cannot import the stores or their opening (LiftbackHosting), and the compiler keeps it so.

extension ServerConfig {
    /// The services over the database this configuration names, with its bcrypt cost and its today.
    func services(opening logger: Logger) throws -> (
        services: Services, background: [any Service], setUp: [@Sendable () async throws -> Void]
    ) {
        let config = self
        return try Services.open(
            database: database, engine: configuredEngine, passwordCost: passwordCost, today: { config.today(in: $0) },
            logger: logger)
    }
}

/// Wiring in one place: the services over the store the configuration names (SQLite by default,
/// PostgreSQL for a `postgres://` URL, both migrated on start), the router, the server's address
/// and, when asked, the demo data.
///
/// `listening` is set once the port is bound, so that a failure before it can be told apart.
func buildApplication(config: ServerConfig, seedDemo: Bool = false, listening: Listening) throws -> some ApplicationProtocol {
    var logger = Logger(label: "liftback")
    logger.logLevel = .info
    MetricsExport.bootstrap()
    let (services, opened): (Services, [@Sendable () async throws -> Void])
    var background: [any Service]
    (services, background, opened) = try config.services(opening: logger)
    if let metricsPort = config.metricsPort {
        // Its own listener, on loopback: the operator's scraper reaches it, the public never does.
        background.append(
            Application(
                router: MetricsExport.router(),
                configuration: .init(address: .hostname("127.0.0.1", port: metricsPort), serverName: "Liftback metrics"),
                logger: logger))
    }
    var setUp = opened
    if seedDemo {
        setUp.append {
            let lines = try await services.seedDemo()
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
    var app = Application(
        router: buildRouter(services: services, config: config),
        server: .http1(
            configuration: .init(
                idleTimeout: .seconds(Int64(config.idleTimeoutSeconds)),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: 16_384, maxHeaderListSize: 32_768, maxHeaderFieldCount: 100))),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Liftback"),
        services: background,
        onServerRunning: { channel in
            // Said once the port is bound, so a port in use is never announced as running.
            listening.value.withLock { $0 = true }
            let port = channel.localAddress?.port ?? config.port
            FileHandle.standardOutput.write(
                Data("Liftback is running on http://\(config.host):\(port) with data in \(config.database)\n".utf8))
        }, logger: logger)
    for step in setUp { app.beforeServerStarts(perform: step) }
    return app
}

/// Whether the server got as far as listening on its port.
final class Listening: Sendable {
    let value = Mutex(false)
}
