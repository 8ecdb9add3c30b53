import Crypto
import Foundation
import Hummingbird
import HummingbirdBcrypt
import LiftbackStore

/// Bearer tokens: 256 random bits shown once; only their SHA-256 is stored.
enum Token {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// Invite codes: eight characters from an alphabet without look-alikes, easy to read out in clinic.
enum InviteCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// Passwords are hashed with bcrypt, off the event loop's hot path.
enum Passwords {
    static func hash(_ password: String, cost: UInt8) async -> String {
        await Task.detached { hashSync(password, cost: cost) }.value
    }

    static func hashSync(_ password: String, cost: UInt8) -> String { Bcrypt.hash(password, cost: cost) }

    static func verify(_ password: String, hash: String) async -> Bool {
        await Task.detached { Bcrypt.verify(password, hash: hash) }.value
    }
}

/// Reads `Authorization: Bearer ...` and sets the context's identity when the token is valid.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = AppContext
    let store: any Store

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            context.identity = try await store.account(tokenHash: Token.hash(String(header.dropFirst(7))))
        }
        return try await next(request, context)
    }
}

/// Slows guessing: after `limit` failed sign-ins for one email within `window`, further attempts
/// are refused until the window passes.
actor SignInLimiter {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    func isBlocked(_ key: String, now: Date) -> Bool {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent.count >= limit
    }

    func recordFailure(_ key: String, now: Date) { failures[key, default: []].append(now) }
    func reset(_ key: String) { failures[key] = nil }
}
