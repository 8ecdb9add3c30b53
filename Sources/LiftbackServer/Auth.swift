import Crypto
import Foundation
import Hummingbird
import HummingbirdBcrypt
import LiftbackStore
import Synchronization

/// Bearer tokens: 256 random bits shown once; only their SHA-256 is stored.
enum Token {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    static func hash(_ token: String) -> String { hex(SHA256.hash(data: Data(token.utf8))) }

    /// Lower-case hexadecimal, two digits a byte (without `String(format:)`, which is slow on Linux).
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        return String(decoding: text, as: UTF8.self)
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

/// Who a token belongs to, remembered for a short while so that a request does not spend a
/// database read on it. Signing out through this server forgets the token at once; another server
/// instance sharing the database stops accepting it within `lifetime`.
final class TokenCache: Sendable {
    let store: any Store
    let lifetime: Duration
    let capacity: Int
    private let entries = Mutex<[String: (account: Account, until: ContinuousClock.Instant)]>([:])

    init(store: any Store, lifetime: Duration = .seconds(30), capacity: Int = 10_000) {
        self.store = store
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The account holding the token, or `nil` for a token that is unknown or signed out.
    func account(token: String) async throws -> Account? {
        let hash = Token.hash(token)
        let now = ContinuousClock.now
        if let hit = entries.withLock({ $0[hash] }), hit.until > now { return hit.account }
        guard let account = try await store.account(tokenHash: hash) else { return nil }
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[hash] = (account, now + lifetime)
        }
        return account
    }

    /// Signs the token out: removed from the store and forgotten here.
    func revoke(token: String) async throws {
        let hash = Token.hash(token)
        entries.withLock { $0[hash] = nil }
        try await store.deleteToken(hash: hash)
    }
}

/// Reads `Authorization: Bearer ...` and sets the context's identity when the token is valid.
struct BearerAuthenticator: RouterMiddleware {
    typealias Context = AppContext
    let tokens: TokenCache

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response
    {
        var context = context
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            context.identity = try await tokens.account(token: String(header.dropFirst(7)))
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
