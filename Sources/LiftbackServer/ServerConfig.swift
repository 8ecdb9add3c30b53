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
    /// The reverse proxies whose `X-Forwarded-For` names the caller (`LIFTBACK_TRUSTED_PROXIES`,
    /// addresses separated by commas); none by default, when the peer is the caller.
    public var trustedProxies: Set<String> = []
    /// The number an emergency's call button dials (`LIFTBACK_EMERGENCY_NUMBER`): 112, which works
    /// across Europe and on most mobile phones, unless the clinic sets its own (999, 911, 000).
    public var emergencyNumber = ServerConfig.defaultEmergencyNumber
    public static let defaultEmergencyNumber = "112"
    /// A line per request on standard output (route, status, time, account; never health data):
    /// on for `serve` unless `LIFTBACK_REQUEST_LOG=off`, off in tests.
    public var requestLog = false
    /// Where `GET /metrics` (Prometheus) listens, on loopback only (`LIFTBACK_METRICS_PORT`); none
    /// when absent. The public port never serves it.
    public var metricsPort: Int?

    /// Whether `text` is an IPv4 or IPv6 address as a peer's is written (digits, hex, dots, colons).
    public static func isAddress(_ text: some StringProtocol) -> Bool {
        (2...45).contains(text.count) && text.allSatisfy { $0.isHexDigit || $0 == "." || $0 == ":" }
            && (text.contains(".") || text.contains(":"))
    }

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

    /// A setting from the environment that cannot be used, named with what it should be.
    public struct SettingError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Options win; then `LIFTBACK_HOST`, `LIFTBACK_PORT`, `DATABASE_URL`; then the defaults. A port
    /// or idle timeout that is not a number in range, or a `LIFTBACK_TODAY` that is not a date, stops the start, named,
    /// rather than being replaced by the default unseen.
    public static func resolve(
        host: String?, port: Int?, database: String?, secureCookies: Bool? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(SettingError) -> ServerConfig {
        func number(_ name: String, in range: ClosedRange<Int>, what: String) throws(SettingError) -> Int? {
            guard let text = environment[name] else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw SettingError(
                    description:
                        "\(name) is \"\(text.prefix(40))\": it should be \(what) from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
        let environmentPort = try number("LIFTBACK_PORT", in: 1...65535, what: "a port")
        if let today = environment["LIFTBACK_TODAY"], Day(iso: today) == nil {
            throw SettingError(
                description: "LIFTBACK_TODAY is \"\(today.prefix(40))\": it should be a calendar date like 2026-12-01")
        }
        var config = ServerConfig(
            host: host ?? environment["LIFTBACK_HOST"] ?? "127.0.0.1",
            port: port ?? environmentPort ?? 8080,
            database: database ?? environment["DATABASE_URL"] ?? "liftback.sqlite",
            fixedToday: environment["LIFTBACK_TODAY"])
        if let seconds = try number("LIFTBACK_IDLE_TIMEOUT", in: 1...3600, what: "whole seconds") {
            config.idleTimeoutSeconds = seconds
        }
        if let proxies = environment["LIFTBACK_TRUSTED_PROXIES"] {
            let addresses = proxies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            if let wrong = addresses.first(where: { !isAddress($0) }) {
                throw SettingError(
                    description:
                        "LIFTBACK_TRUSTED_PROXIES has \"\(wrong.prefix(40))\": it should be addresses like 127.0.0.1, separated by commas"
                )
            }
            config.trustedProxies = Set(addresses)
        }
        if let number = environment["LIFTBACK_EMERGENCY_NUMBER"] {
            guard (2...6).contains(number.count), number.allSatisfy(\.isASCII), number.allSatisfy(\.isNumber) else {
                throw SettingError(
                    description:
                        "LIFTBACK_EMERGENCY_NUMBER is \"\(number.prefix(40))\": it should be 2 to 6 digits, like 112 or 999")
            }
            config.emergencyNumber = number
        }
        config.metricsPort = try number("LIFTBACK_METRICS_PORT", in: 1...65535, what: "a port")
        switch environment["LIFTBACK_REQUEST_LOG"] {
        case nil, "on": config.requestLog = true
        case "off": config.requestLog = false
        case let other?:
            throw SettingError(description: "LIFTBACK_REQUEST_LOG is \"\(other.prefix(40))\": it should be on or off")
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
