import Foundation
import LiftbackApp
import LiftbackCore

/// Everything the server needs to start, with development defaults (port 8080, `liftback.sqlite`),
/// filled from options first, then the environment.
public struct ServerConfig: Sendable, Equatable {
    public var host: String
    public var port: Int
    /// A path to an SQLite file (the default), or a `postgres://` URL.
    public var database: String
    /// bcrypt cost for new passwords: 12 in production, lower only in tests.
    public var passwordCost: UInt8
    /// A fixed "today" for demos and browser tests (`LIFTBACK_TODAY`); the clock otherwise.
    public var fixedToday: String?
    /// Mark cookies `Secure` and send HSTS (behind HTTPS): on by default unless bound to loopback.
    public var secureCookies: Bool = false
    /// Seconds a connection may stay silent, mid-request or between requests, before it is closed
    /// (`LIFTBACK_IDLE_TIMEOUT`); the reverse proxy in front bounds how long headers may take.
    public var idleTimeoutSeconds = 30

    /// Whether `host` is a loopback address, where a browser talks plain HTTP to the server.
    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    public init(
        host: String = "127.0.0.1", port: Int = 8080, database: String = "liftback.sqlite", passwordCost: UInt8 = 12,
        fixedToday: String? = nil
    ) {
        self.host = host
        self.port = port
        self.database = database
        self.passwordCost = passwordCost
        self.fixedToday = fixedToday
    }

    /// Options win; then `LIFTBACK_HOST`, `LIFTBACK_PORT`, `DATABASE_URL`; then the defaults.
    public static func resolve(
        host: String?, port: Int?, database: String?, secureCookies: Bool? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ServerConfig {
        var config = ServerConfig(
            host: host ?? environment["LIFTBACK_HOST"] ?? "127.0.0.1",
            port: port ?? environment["LIFTBACK_PORT"].flatMap(Int.init) ?? 8080,
            database: database ?? environment["DATABASE_URL"] ?? "liftback.sqlite",
            fixedToday: environment["LIFTBACK_TODAY"])
        if let seconds = environment["LIFTBACK_IDLE_TIMEOUT"].flatMap(Int.init), (1...3600).contains(seconds) {
            config.idleTimeoutSeconds = seconds
        }
        config.secureCookies = secureCookies ?? !isLoopback(config.host)
        return config
    }
}

extension ServerConfig {
    /// Today in a time zone (the person's, from their settings; UTC for the server's own): the fixed day
    /// of a demo or test whatever the zone, otherwise the clock. The services read it through `todayIn`.
    public func today(in zone: TimeZone = .utc, now: Date = Date()) -> Day {
        fixedToday.flatMap(Day.init(iso:)) ?? Day.today(now: now, in: zone)
    }
}
