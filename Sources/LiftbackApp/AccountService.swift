import Foundation
import LiftbackStore

/// Accounts, sign-in sessions and invites: the one path for the JSON API's tokens and the pages'
/// session cookies, which are the same kind of token.
public struct AccountService: Sendable {
    let store: any Store
    let tokens: TokenCache
    let limiter: SignInLimiter
    /// bcrypt's cost for new passwords.
    let passwordCost: UInt8

    /// A new account, its fields checked (`AppError.invalid` names the one at fault).
    public func signUp(name: String, email: String, password: String, role: Role) async throws -> Account {
        let (name, email) = try NewAccountInput(name: name, email: email, password: password).validated()
        let hash = await Passwords.hash(password, cost: passwordCost)
        return try await store.createAccount(email: email, passwordHash: hash, name: name, role: role, at: Date())
    }

    /// Checks the password and opens a session: the token to hand out once, and whose it is.
    ///
    /// - Throws: `AppError.tooManyAttempts` after repeated failures for the email, `AppError.wrongCredentials`.
    public func signIn(email: String, password: String, now: Date = Date()) async throws -> (token: String, account: Account) {
        guard PlainText.isPlain(email) else { throw AppError.wrongCredentials }
        let key = email.lowercased()
        if await limiter.isBlocked(key, now: now) { throw AppError.tooManyAttempts }
        guard let found = try await store.credentials(email: email),
            await Passwords.verify(password, hash: found.passwordHash)
        else {
            await limiter.recordFailure(key, now: now)
            throw AppError.wrongCredentials
        }
        await limiter.reset(key)
        return (try await openSession(for: found.account), found.account)
    }

    /// A new token for an account that has just proved who it is (signed up or signed in).
    public func openSession(for account: Account) async throws -> String {
        let token = Token.generate()
        try await store.saveToken(hash: Token.hash(token), accountID: account.id, at: Date())
        return token
    }

    /// The account holding a token, or `nil` for one unknown or signed out.
    public func account(token: String) async throws -> Account? { try await tokens.account(token: token) }

    /// Ends the session the token opened, at once on this instance.
    public func signOut(token: String) async throws { try await tokens.revoke(token: token) }

    /// A new invite code for the clinician to give a patient.
    public func createInvite(clinician: Account) async throws -> String {
        guard clinician.role == .clinician else { throw AppError.forbidden("only a clinician can do this") }
        let code = InviteCode.generate()
        try await store.createInvite(code: code, clinicianID: clinician.id, at: Date())
        return code
    }

    /// Links the patient to the clinician whose code this is; returns the clinician's id.
    ///
    /// - Throws: `AppError.notFound` for a code that does not exist.
    public func acceptInvite(code: String, patient: Account) async throws -> String {
        let code = code.uppercased()
        guard patient.role == .patient else { throw AppError.forbidden("only a patient can do this") }
        guard PlainText.isPlain(code), let clinician = try await store.acceptInvite(code: code, patientID: patient.id) else {
            throw AppError.notFound
        }
        return clinician
    }
}
