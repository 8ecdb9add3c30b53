import ArgumentParser
import Foundation
import Hummingbird
import LiftbackServer

/// `liftback serve`: the app on http://127.0.0.1:8080 with its data in `liftback.sqlite`.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the Liftback server (JSON API under /api/v1, OpenAPI at /openapi.json).",
        discussion:
            "Data lives in an SQLite file (or a PostgreSQL database for a postgres:// URL), created and migrated on start. Environment: LIFTBACK_HOST, LIFTBACK_PORT, DATABASE_URL, LIFTBACK_TODAY, LIFTBACK_IDLE_TIMEOUT (seconds a silent connection stays open, default 30), LIFTBACK_TRUSTED_PROXIES (reverse proxies whose X-Forwarded-For is believed), LIFTBACK_EMERGENCY_NUMBER (what the emergency call button dials, default 112), LIFTBACK_METRICS_PORT (a loopback port for Prometheus's GET /metrics), LIFTBACK_REQUEST_LOG (on or off: a line per request, never health data). Running it behind TLS, backups and restores: docs/deploy.md."
    )

    @Option(help: "Address to listen on (default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default 8080).") var port: Int?
    @Option(help: "SQLite file (default liftback.sqlite), or a postgres:// URL.") var database: String?
    @Flag(
        inversion: .prefixedNo,
        help: "Mark cookies Secure and send HSTS, for a server behind HTTPS (default: on unless --host is a loopback address).")
    var secureCookies: Bool?
    @Flag(help: "Seed a demo clinician and patients with weeks of history, and print how to sign in.") var demo = false

    func validate() throws {
        if let port, !(1...65_535).contains(port) { throw ValidationError("--port should be from 1 to 65535, not \(port)") }
        if let host, host.isEmpty { throw ValidationError("--host should name an address, like 127.0.0.1") }
        if let database, database.isEmpty { throw ValidationError("--database should name an SQLite file or a postgres:// URL") }
    }

    func run() async throws {
        let config: ServerConfig
        do {
            config = try ServerConfig.resolve(host: host, port: port, database: database, secureCookies: secureCookies)
        } catch { throw CLIFailure(error.description) }
        let listening = Listening()
        let app = try buildApplication(config: config, seedDemo: demo, listening: listening)
        do {
            try await app.runService()
        } catch  where !listening.value.withLock({ $0 }) {
            // Most often the port is taken (another Liftback still running) or needs privileges.
            let reason = "\(error)".components(separatedBy: "): ").last ?? "\(error)"
            throw CLIFailure(
                "Liftback could not listen on \(config.host):\(config.port) (\(reason)); stop what uses it, or choose another port with --port"
            )
        }
    }
}
