import Foundation
import LiftbackStore

/// Accounts, sign-in sessions and invites: the one path for the JSON API's tokens and the pages'
/// session cookies, which are the same kind of token.
public struct AccountService: Sendable {
    let store: any Store
    let limiter: SignInLimiter
    /// bcrypt's cost for new passwords.
    let passwordCost: UInt8
    let policy: SessionPolicy
    /// The time now: the clock, or a test's.
    let now: @Sendable () -> Date
    /// A bcrypt hash of nothing anyone types, checked when the email is unknown.
    let dummyHash: String

    /// A token handed out once, with whose it is and when it ends.
    public struct Session: Sendable {
        public var token: String
        public var account: Account
        public var expiresAt: Date
    }

    /// A new patient's account, its fields checked (`AppError.invalid` names the one at fault).
    /// Clinicians do not sign themselves up: whoever runs the server adds them (`addClinician`),
    /// so that nobody can take a clinician's name and see a patient's record through an invite.
    /// A new patient account. An address already taken is said plainly (`AppError.emailTaken`), so
    /// a person who forgot they signed up knows to sign in. Every sign-up takes a limiter turn from
    /// the sender's network address before bcrypt runs, made or not, so the form can neither test a
    /// list of addresses nor make accounts by the thousand, nor burn the server's time hashing.
    public func signUp(name: String, email: String, password: String, role: Role = .patient, address: String?)
        async throws -> Account
    {
        guard role == .patient else {
            throw AppError.forbidden(
                "clinician accounts are created by whoever runs Liftback (liftback admin add-clinician)", field: "role")
        }
        let (name, email) = try NewAccountInput(name: name, email: email, password: password).validated()
        let created: Account?? = try await takingTurns(
            [("sign-up:" + (address ?? "unknown"), SignInLimiter.address)], countingEvery: true
        ) {
            let hash = await Passwords.hash(password, cost: passwordCost)
            do {
                return .some(
                    try await store.createAccount(email: email, passwordHash: hash, name: name, role: .patient, at: now()))
            } catch StoreError.emailTaken {
                return .some(nil)
            }
        }
        guard let created = created ?? nil else { throw AppError.emailTaken }
        return created
    }

    static let linkUsed = AppError.invalid(
        field: "token", message: "this link has expired or was already used; please ask for a new one")

    /// A one-time link's token, for `setPassword`, and when it ends.
    public struct OneTimeLink: Sendable, Encodable {
        public var setPasswordToken: String
        public var expiresAt: Date
    }

    /// Adds a clinician with no password yet, and the one-time link to set it.
    public func addClinician(name: String, email: String) async throws -> (account: Account, link: OneTimeLink) {
        let unguessable = Token.generate()  // nobody knows it: the account opens only through the link
        let (name, email) = try NewAccountInput(name: name, email: email, password: unguessable).validated()
        let hash = await Passwords.hash(unguessable, cost: passwordCost)
        let account = try await AppError.translating {
            try await store.createAccount(email: email, passwordHash: hash, name: name, role: .clinician, at: now())
        }
        return (account, try await oneTimeLink(for: account, lasting: policy.newAccountLink))
    }

    /// A one-time link for someone who forgot their password; `AppError.notFound` for an unknown email.
    public func resetLink(email: String) async throws -> OneTimeLink {
        guard email.count <= 254, let found = try await store.credentials(email: email) else { throw AppError.notFound }
        return try await oneTimeLink(for: found.account, lasting: policy.resetLink)
    }

    /// A one-time link for a patient who forgot their password, made by their clinician (whom
    /// `AccessService.linkedPatient` let in) to hand them in person or by a channel they trust. It
    /// goes on the patient's trail, so they see who made it.
    public func resetLink(for patient: Account, by clinician: Caller) async throws -> OneTimeLink {
        try await oneTimeLink(for: patient, lasting: policy.resetLink, audit: clinician.audit(.resetLinkIssued, at: now()))
    }

    /// How long a reset link holds, in hours, for the words that hand one out.
    public var resetLinkHours: Int { Int(policy.resetLink / 3_600) }

    func oneTimeLink(for account: Account, lasting: TimeInterval, audit: AuditEvent? = nil) async throws -> OneTimeLink {
        let token = Token.generate()
        let now = now()
        let link = OneTimeLink(setPasswordToken: token, expiresAt: now.addingTimeInterval(lasting))
        try await store.saveToken(
            hash: Token.hash(token), accountID: account.id, kind: .setPassword, at: now, expiresAt: link.expiresAt,
            audit: audit)
        return link
    }

    /// A new secret for the person's calendar feed, shown once: any earlier feed address stops, and
    /// the new one goes on the person's trail in the same write. Only its SHA-256 is kept.
    public func newCalendarFeed(by caller: Caller) async throws -> (token: String, expiresAt: Date) {
        guard caller.account.role == .patient else { throw AppError.forbidden("only a patient has a calendar feed", field: nil) }
        try await store.deleteTokens(accountID: caller.account.id, kind: .calendar)
        let token = Token.generate()
        let now = now()
        let expiresAt = now.addingTimeInterval(policy.calendarFeed)
        try await store.saveToken(
            hash: Token.hash(token), accountID: caller.account.id, kind: .calendar, at: now, expiresAt: expiresAt,
            audit: caller.audit(.calendarFeedMade, at: now))
        return (token, expiresAt)
    }

    /// Stops the person's calendar feed: its address answers 404 from now on, on every server.
    public func stopCalendarFeed(for account: Account) async throws {
        try await store.deleteTokens(accountID: account.id, kind: .calendar)
    }

    /// The patient whose calendar feed `token` opens, or `nil`. A feed has no idle limit (a calendar
    /// app may read it weekly), only its end; it opens nothing but the feed.
    public func calendarAccount(token: String) async throws -> Account? {
        guard token.count == 64, let stored = try await store.token(hash: Token.hash(token)), stored.kind == .calendar,
            now() < stored.expiresAt, stored.account.role == .patient
        else { return nil }
        return stored.account
    }

    /// Whether a one-time link still holds, so that its page can say so before a password is typed.
    public func linkHolds(_ token: String) async throws -> Bool {
        guard token.count <= 256, let stored = try await store.token(hash: Token.hash(token)) else { return false }
        return stored.kind == .setPassword && now() < stored.expiresAt
    }

    /// Sets a password with a one-time link's token, which is then used up; every session the
    /// account had ends. Returns the account, to sign in.
    ///
    /// - Throws: `AppError.invalid` on `token` for a link unknown, used or expired, and on
    ///   `password` for a weak one (the link then still holds).
    public func setPassword(token: String, password: String, route: String) async throws -> Account {
        let hash = Token.hash(String(token.prefix(256)))
        guard let stored = try await store.token(hash: hash), stored.kind == .setPassword, now() < stored.expiresAt else {
            throw Self.linkUsed
        }
        let account = stored.account
        _ = try NewAccountInput(name: account.name, email: account.email, password: password).validated()
        // Used up before anything else: of two requests racing with one link, one wins.
        guard try await store.deleteToken(hash: hash) else {
            throw Self.linkUsed
        }
        // On a patient's trail: a link made by a clinician who was since unlinked, or by anyone
        // else, shows when it was used.
        let line = account.role == .patient ? Caller(account, route: route).audit(.passwordSetWithLink, at: now()) : nil
        try await store.setPasswordHash(
            await Passwords.hash(password, cost: passwordCost), accountID: account.id, audit: line)
        try await store.deleteTokens(accountID: account.id)  // every other session, and other links
        return account
    }

    /// Checks the password and opens a session of `kind`: a bearer token for the API or a cookie for the pages.
    ///
    /// - Throws: `AppError.tooManyAttempts` after repeated failures for the email, `AppError.wrongCredentials`.
    ///
    /// The turn is taken before the password is checked (`SignInLimiter`), per account and per
    /// `address` (the caller's network address, when known). An unknown email costs the same bcrypt
    /// as a known one, so the time to answer does not say whether an account exists.
    public func signIn(email: String, password: String, address: String? = nil, kind: TokenKind) async throws -> Session {
        // Nothing longer than an email or a password can be is kept, even as a limiter key.
        guard email.count <= 254, password.utf8.count <= 1_024, PlainText.isPlain(email) else {
            throw AppError.wrongCredentials
        }
        let accountKey = "account:" + email.lowercased()
        let signedIn = try await takingTurns(
            [(accountKey, SignInLimiter.account), Self.addressTurn(address)], clearing: [accountKey]
        ) { () -> Account? in
            let found = try await store.credentials(email: email)
            let matches = await Passwords.verify(password, hash: found?.passwordHash ?? dummyHash)
            // bcrypt reads 72 bytes: a longer password would match on its first 72 alone.
            return matches && password.utf8.count <= NewAccountInput.passwordMaximumBytes ? found?.account : nil
        }
        guard let signedIn else { throw AppError.wrongCredentials }
        return try await openSession(for: signedIn, kind: kind)
    }

    /// Runs `attempt` once a turn is taken on every key (`SignInLimiter`); `AppError.tooManyAttempts`
    /// while one of them must wait. A `nil` outcome counts as a failure against every key; a success
    /// forgets the failures of the keys in `clearing` (an account's, never an address's, which an
    /// attacker could clear). An error thrown by `attempt` counts as neither.
    ///
    /// With `countingEvery`, every try counts, whatever its outcome (sign-ups: each makes an account).
    func takingTurns<T>(
        _ keys: [(key: String, rule: SignInLimiter.Rule)], clearing: Set<String> = [], countingEvery: Bool = false,
        _ attempt: () async throws -> T?
    ) async throws -> T? {
        if let wait = await limiter.begin(keys, now: now()) {
            throw AppError.tooManyAttempts(retryAfter: Int(wait.rounded(.up)))
        }
        let outcome: T?
        do {
            outcome = try await attempt()
        } catch {
            for (key, _) in keys { await limiter.end(key, failed: false, now: now()) }
            throw error
        }
        let ended = now()
        for (key, _) in keys {
            await limiter.end(key, failed: countingEvery || outcome == nil, clear: clearing.contains(key), now: ended)
        }
        return outcome
    }

    /// The caller's network address as a limiter key, with its rule.
    static func addressTurn(_ address: String?) -> (key: String, rule: SignInLimiter.Rule) {
        ("address:" + (address ?? "unknown"), SignInLimiter.address)
    }

    /// A new token for an account that has just proved who it is (signed up or signed in).
    public func openSession(for account: Account, kind: TokenKind) async throws -> Session {
        let token = Token.generate()
        let now = now()
        let expiresAt = now.addingTimeInterval(policy.lifetime)
        try await store.saveToken(hash: Token.hash(token), accountID: account.id, kind: kind, at: now, expiresAt: expiresAt)
        return Session(token: token, account: account, expiresAt: expiresAt)
    }

    /// The account holding a token of `kind` that still holds, or `nil`: unknown, signed out, of
    /// the other kind, past its end or unused for longer than the idle limit (then it is deleted).
    public func account(token: String, kind: TokenKind) async throws -> Account? {
        let hash = Token.hash(token)
        guard let stored = try await store.token(hash: hash), stored.kind == kind else { return nil }
        let now = now()
        guard now < stored.expiresAt, now.timeIntervalSince(stored.lastUsedAt) < policy.idleLimit else {
            try await store.deleteToken(hash: hash)
            return nil
        }
        if now.timeIntervalSince(stored.lastUsedAt) >= policy.touchInterval { try await store.touchToken(hash: hash, at: now) }
        return stored.account
    }

    /// Ends the session the token opened, at once on every server instance.
    public func signOut(token: String) async throws { try await store.deleteToken(hash: Token.hash(token)) }

    /// Ends every session of the account, on every device and every server instance.
    public func signOutEverywhere(_ account: Account) async throws { try await store.deleteTokens(accountID: account.id) }

    /// Checks the signed-in account's password again before a grave change (a new password,
    /// deleting the account), taking the same turns as signing in: a stolen session cannot guess it.
    ///
    /// - Throws: `AppError.tooManyAttempts` after repeated failures, `AppError.wrongCredentials`.
    public func confirmPassword(_ account: Account, _ password: String, address: String? = nil) async throws {
        let accountKey = "account:" + account.email.lowercased()
        let confirmed = try await takingTurns(
            [(accountKey, SignInLimiter.account), Self.addressTurn(address)], clearing: [accountKey]
        ) { () -> Bool? in
            guard password.utf8.count <= NewAccountInput.passwordMaximumBytes,
                let found = try await store.credentials(email: account.email),
                found.account.id == account.id
            else { return nil }
            return await Passwords.verify(password, hash: found.passwordHash) ? true : nil
        }
        guard confirmed != nil else { throw AppError.wrongCredentials }
    }

    /// Sets a new password once the current one is given, and ends every session the account had;
    /// returns a fresh one of `kind` for the device that asked.
    ///
    /// - Throws: `AppError.wrongCredentials` for a wrong current password, `AppError.invalid` for a weak new one.
    public func changePassword(
        _ account: Account, current: String, new: String, kind: TokenKind, address: String? = nil
    ) async throws -> Session {
        try await confirmPassword(account, current, address: address)
        _ = try NewAccountInput(name: account.name, email: account.email, password: new).validated()
        try await store.setPasswordHash(await Passwords.hash(new, cost: passwordCost), accountID: account.id)
        try await store.deleteTokens(accountID: account.id)
        return try await openSession(for: account, kind: kind)
    }

    /// A new invite code for the clinician to give a patient.
    public func createInvite(clinician: Account) async throws -> String {
        guard clinician.role == .clinician else { throw AppError.forbidden("only a clinician can do this") }
        let code = InviteCode.generate()
        // Kept as its hash, as tokens are: a code read from the database links nobody.
        try await store.createInvite(code: Token.hash(code), clinicianID: clinician.id, at: now())
        return code
    }

    /// How many days an invite code holds, unused.
    public static let inviteDays = 7
    static var inviteLifetime: TimeInterval { TimeInterval(inviteDays) * 24 * 60 * 60 }
    /// Wrong codes a patient may try before waiting (then waits double, as for sign-in).
    static let inviteGuesses = SignInLimiter.Rule(freeTries: 5)

    /// Links the patient to the clinician whose code this is, and uses the code up; returns the
    /// clinician's id.
    ///
    /// - Throws: `AppError.notFound` for a code unknown, used or older than a week;
    ///   `AppError.tooManyAttempts` after repeated wrong codes (a code's 40 bits are not for guessing).
    public func acceptInvite(code: String, patient: Account, address: String? = nil) async throws -> String {
        // As read aloud or copied: spaces and hyphens are not part of a code.
        let code = code.uppercased().filter { $0 != " " && $0 != "-" }
        guard patient.role == .patient else { throw AppError.forbidden("only a patient can do this") }
        let address = Self.addressTurn(address)
        let clinician = try await takingTurns(
            [("invite-account:" + patient.id, Self.inviteGuesses), ("invite-" + address.key, address.rule)]
        ) { () -> String? in
            guard code.count <= 16, PlainText.isPlain(code) else { return nil }
            return try await store.acceptInvite(
                code: Token.hash(code), patientID: patient.id, createdAfter: now().addingTimeInterval(-Self.inviteLifetime))
        }
        guard let clinician else { throw AppError.notFound }
        return clinician
    }

    /// Who can see the patient's record.
    public func clinicians(of patient: Account) async throws -> [Account] {
        try await store.clinicians(ofPatient: patient.id)
    }

    /// Ends the link with a clinician, who from then on cannot reach the record (404).
    ///
    /// - Throws: `AppError.notFound` when they were not linked.
    public func unlink(patient: Account, clinicianID: String) async throws {
        guard patient.role == .patient else { throw AppError.forbidden("only the patient can do this") }
        guard try await store.unlink(patientID: patient.id, clinicianID: clinicianID) else { throw AppError.notFound }
        // A password link that clinician made for the person must not outlive the trust it came from.
        try await store.deleteTokens(accountID: patient.id, kind: .setPassword)
    }
}
