import Foundation

/// Slows password guessing without locking anyone out. Each sign-in first takes a turn for the
/// account and for the caller's network address; a turn is counted before the password is checked,
/// so that forty guesses sent at once cannot all be tried while the first is still hashing. Once a
/// key has used its free tries, it waits between tries, twice as long after each further failure
/// (1 s, 2 s, 4 s... up to 15 minutes): the right password is accepted as soon as its wait is over.
/// A success clears the account's count. Memory is bounded: at most `capacity` keys, the stalest
/// dropped first, and a key forgotten once its last failure is `forgetAfter` old.
public actor SignInLimiter {
    public struct Rule: Sendable {
        /// Failures allowed before waits begin.
        public var freeTries: Int
        public var firstWait: TimeInterval = 1
        public var longestWait: TimeInterval = 15 * 60
    }

    /// Per account (its email): five free tries.
    public static let account = Rule(freeTries: 5)
    /// Per network address: more, since a household or a clinic shares one; it stops spraying one
    /// password across many accounts.
    public static let address = Rule(freeTries: 30)

    struct Entry {
        var failures = 0
        var inFlight = 0
        var lastFailure = Date.distantPast
    }

    private var entries: [String: Entry] = [:]
    let capacity: Int
    let forgetAfter: TimeInterval

    public init(capacity: Int = 10_000, forgetAfter: TimeInterval = 60 * 60) {
        self.capacity = capacity
        self.forgetAfter = forgetAfter
    }

    func wait(_ entry: Entry, _ rule: Rule, now: Date) -> TimeInterval {
        let over = entry.failures + entry.inFlight - rule.freeTries
        guard over >= 0 else { return 0 }
        // One try at a time past the free ones; the wait doubles with each failure beyond them.
        if entry.inFlight > 0 { return rule.firstWait }
        let wait = min(rule.longestWait, rule.firstWait * pow(2, Double(max(0, entry.failures - rule.freeTries))))
        return max(0, entry.lastFailure.addingTimeInterval(wait).timeIntervalSince(now))
    }

    /// Takes a turn for every key, or none: `nil` when the attempt may go ahead, otherwise the
    /// seconds to wait.
    public func begin(_ keys: [(key: String, rule: Rule)], now: Date) -> TimeInterval? {
        let longest = keys.map { wait(entries[$0.key] ?? Entry(), $0.rule, now: now) }.max() ?? 0
        guard longest <= 0 else { return longest }
        for (key, _) in keys { entries[key, default: Entry()].inFlight += 1 }
        trim(now: now)
        return nil
    }

    /// Ends a turn `begin` took: a failure counts against the key; `clear` forgets its failures
    /// (an account's, on the right password; never an address's, which an attacker could clear).
    public func end(_ key: String, failed: Bool, clear: Bool = false, now: Date) {
        guard var entry = entries[key] else { return }
        entry.inFlight = max(0, entry.inFlight - 1)
        if failed {
            entry.failures += 1
            entry.lastFailure = now
        } else if clear {
            entry.failures = 0
        }
        entries[key] = entry.failures == 0 && entry.inFlight == 0 ? nil : entry
    }

    /// How many keys are remembered (for tests of the bound).
    public var count: Int { entries.count }

    private func trim(now: Date) {
        guard entries.count > capacity else { return }
        entries = entries.filter { $0.value.inFlight > 0 || now.timeIntervalSince($0.value.lastFailure) < forgetAfter }
        if entries.count > capacity {
            for key in entries.sorted(by: { $0.value.lastFailure < $1.value.lastFailure }).prefix(entries.count - capacity)
                .map(\.key)
            where entries[key]?.inFlight == 0 { entries[key] = nil }
        }
    }
}
