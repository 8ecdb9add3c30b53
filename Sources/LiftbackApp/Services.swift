import Foundation
import LiftbackCore
import LiftbackStore
import Logging
import ServiceLifecycle

/// The application layer, in one value: every operation of the product is a method of one of these
/// services, and the JSON API, the pages and the command line are adapters over them. Only this
/// layer holds a `Store`; the adapters never import the store's module (a test keeps it so).
public struct Services: Sendable {
    public let access: AccessService
    public let accounts: AccountService
    public let cases: CaseService
    public let caseload: CaseloadService
    public let privacy: PrivacyService
    /// The one engine, with its settings, that every service runs.
    public var engine: Engine { cases.engine }
    let store: any Store

    /// - Parameters:
    ///   - passwordCost: bcrypt's cost for new passwords (12 in production, lower only in tests).
    ///   - today: today in a time zone; a fixed day for demos and tests, whatever the zone.
    ///   - sessions: how long a sign-in holds.
    ///   - now: the time now (the clock; a test's own to move it).
    public init(
        store: any Store, engine: Engine, passwordCost: UInt8 = 12, sessions: SessionPolicy = SessionPolicy(),
        today: @escaping @Sendable (TimeZone) -> Day, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        access = AccessService(store: store)
        accounts = AccountService(
            store: store, limiter: SignInLimiter(), passwordCost: passwordCost, policy: sessions, now: now,
            dummyHash: Passwords.hashSync(Token.generate(), cost: passwordCost))
        cases = CaseService(store: store, cache: CaseCache(store: store), engine: engine, todayIn: today, now: now)
        caseload = CaseloadService(store: store, engine: engine)
        privacy = PrivacyService(store: store, cases: cases, accounts: accounts, now: now)
    }

    /// The background work that keeps caseload statuses fresh.
    public func statusRefresher(logger: Logger) -> StatusRefresher {
        let cases = cases
        return StatusRefresher(caseload: caseload, today: { cases.today() }, logger: logger)
    }

    /// Seeds the demo clinician and patients once; returns how to sign in.
    public func seedDemo() async throws -> [String] {
        // The accounts' passwords cost what every other's do, so their answers take as long.
        try await Demo.seed(store, today: cases.today(), passwordCost: accounts.passwordCost, engine: engine)
    }
}
