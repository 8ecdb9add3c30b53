import Crypto
import Foundation
import HummingbirdBcrypt
import LiftbackStore

/// Bearer tokens: 256 random bits shown once; only their SHA-256 is stored.
public enum Token {
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        return hex((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    public static func hash(_ token: String) -> String { hex(SHA256.hash(data: Data(token.utf8))) }

    /// A form's CSRF token for a session: HMAC-SHA256 keyed by the session token, so only a holder of
    /// the session can make it, and it tells nothing about the session.
    public static func csrf(session: String) -> String {
        hex(HMAC<SHA256>.authenticationCode(for: Data("liftback csrf".utf8), using: SymmetricKey(data: Data(session.utf8))))
    }

    /// Whether two tokens are the same, in a time that depends only on their length: how far a guess
    /// matches is never measurable.
    public static func matches(_ sent: String, _ expected: String) -> Bool {
        let (a, b) = (Array(sent.utf8), Array(expected.utf8))
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

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

/// How long a sign-in holds (OWASP ASVS 4.0 level 2, V3.3.2): at most 12 hours from signing in, and
/// 30 minutes without use; a token is checked against the database on every request, so a sign-out
/// holds at once on every server instance that shares it.
public struct SessionPolicy: Sendable, Equatable {
    public var lifetime: TimeInterval = 12 * 60 * 60
    public var idleLimit: TimeInterval = 30 * 60
    /// Use is written down at most this often, so a busy session is not a write per request.
    public var touchInterval: TimeInterval = 60
    /// How long a new clinician's link to set a first password holds.
    public var newAccountLink: TimeInterval = 72 * 60 * 60
    /// How long a password reset link holds.
    public var resetLink: TimeInterval = 24 * 60 * 60
    /// How long a calendar feed's address holds: calendar apps read it for months without anyone signing in.
    public var calendarFeed: TimeInterval = 365 * 24 * 60 * 60

    public init() {}
}
