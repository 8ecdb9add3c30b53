import Crypto
import Foundation
import HummingbirdBcrypt
import LiftbackStore
import Synchronization

/// Bearer tokens: 256 random bits shown once; only their SHA-256 is stored.
public enum Token {
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    public static func hash(_ token: String) -> String { hex(SHA256.hash(data: Data(token.utf8))) }

    /// Lower-case hexadecimal, two digits a byte (without `String(format:)`, which is slow on Linux).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in bytes { text += [digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]] }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Invite codes: eight characters from an alphabet without look-alikes, easy to read out in clinic.
public enum InviteCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<8).map { _ in alphabet.randomElement(using: &generator)! })
    }
}

/// Passwords are hashed with bcrypt, off the event loop's hot path.
public enum Passwords {
    public static func hash(_ password: String, cost: UInt8) async -> String {
        await Task.detached { hashSync(password, cost: cost) }.value
    }

    public static func hashSync(_ password: String, cost: UInt8) -> String { Bcrypt.hash(password, cost: cost) }

    public static func verify(_ password: String, hash: String) async -> Bool {
        await Task.detached { Bcrypt.verify(password, hash: hash) }.value
    }
}

/// Who a token belongs to, remembered for a short while so that a request does not spend a
/// database read on it. Signing out through this server forgets the token at once, and keeps it
/// forgotten even from a lookup that was already under way; another server instance sharing the
/// database stops accepting it within `lifetime`.
public final class TokenCache: Sendable {
    let store: any Store
    let lifetime: Duration
    let capacity: Int

    private struct State {
        var accounts: [String: (account: Account, until: ContinuousClock.Instant)] = [:]
        /// Hashes signed out here, for as long as another instance might still hold them.
        var revoked: [String: ContinuousClock.Instant] = [:]

        func isRevoked(_ hash: String, now: ContinuousClock.Instant) -> Bool { revoked[hash].map { $0 > now } ?? false }
    }
    private let state = Mutex(State())

    public init(store: any Store, lifetime: Duration = .seconds(30), capacity: Int = 10_000) {
        self.store = store
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The account holding the token, or `nil` for a token that is unknown or signed out.
    public func account(token: String) async throws -> Account? {
        let hash = Token.hash(token)
        let cached: Account?? = state.withLock { state in
            let now = ContinuousClock.now
            if state.isRevoked(hash, now: now) { return .some(nil) }
            if let hit = state.accounts[hash], hit.until > now { return .some(hit.account) }
            return .none
        }
        if let cached { return cached }
        guard let account = try await store.account(tokenHash: hash) else { return nil }
        // A sign-out that finished while the store was read wins: nothing is cached or returned.
        return state.withLock { state in
            let now = ContinuousClock.now
            guard !state.isRevoked(hash, now: now) else { return nil }
            if state.accounts.count >= capacity { state.accounts.removeAll(keepingCapacity: true) }
            state.accounts[hash] = (account, now + lifetime)
            return account
        }
    }

    /// Signs the token out: deleted from the store, then forgotten here and refused from now on.
    public func revoke(token: String) async throws {
        let hash = Token.hash(token)
        try await store.deleteToken(hash: hash)
        state.withLock { state in
            let now = ContinuousClock.now
            state.revoked = state.revoked.filter { $0.value > now }
            state.accounts[hash] = nil
            state.revoked[hash] = now + lifetime
        }
    }
}

/// Slows guessing: after `limit` failed sign-ins for one email within `window`, further attempts
/// are refused until the window passes.
public actor SignInLimiter {
    let limit: Int
    let window: TimeInterval
    private var failures: [String: [Date]] = [:]

    public init(limit: Int = 5, window: TimeInterval = 15 * 60) {
        self.limit = limit
        self.window = window
    }

    public func isBlocked(_ key: String, now: Date) -> Bool {
        let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
        failures[key] = recent.isEmpty ? nil : recent
        return recent.count >= limit
    }

    public func recordFailure(_ key: String, now: Date) { failures[key, default: []].append(now) }
    public func reset(_ key: String) { failures[key] = nil }
}
