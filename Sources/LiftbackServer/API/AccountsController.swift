import Foundation
import Hummingbird
import LiftbackStore

/// Accounts, tokens and invites (contract section 4).
struct AccountsController {
    let store: any Store
    let config: ServerConfig
    let limiter: SignInLimiter
    var access: Access { Access(store: store) }

    struct NewAccount: Decodable {
        var email: String
        var password: String
        var name: String
        var role: Role
    }

    struct Credentials: Decodable {
        var email: String
        var password: String
    }

    struct TokenResponse: Encodable {
        var token: String
        var accountId: String
    }

    func register(_ api: RouterGroup<AppContext>) {
        api.post("accounts") { request, _ in try await createAccount(request) }
        api.post("auth/token") { request, _ in try await token(request) }
        api.post("invites") { _, context in try await createInvite(context) }
        api.post("invites/:code/accept") { _, context in try await acceptInvite(context) }
    }

    func createAccount(_ request: Request) async throws -> Response {
        let new = try await JSONResponse.decode(NewAccount.self, from: request)
        let (name, email) = try NewAccountInput(name: new.name, email: new.email, password: new.password).validated()
        let hash = await Passwords.hash(new.password, cost: config.passwordCost)
        let account = try await store.createAccount(email: email, passwordHash: hash, name: name, role: new.role, at: Date())
        return JSONResponse.make(account, status: .created)
    }

    func token(_ request: Request) async throws -> Response {
        let credentials = try await JSONResponse.decode(Credentials.self, from: request)
        guard PlainText.isPlain(credentials.email) else {
            throw APIError(.unauthorized, "that email and password do not match")
        }
        let key = credentials.email.lowercased()
        let now = Date()
        if await limiter.isBlocked(key, now: now) {
            throw APIError(.tooManyRequests, "too many attempts; please wait 15 minutes and try again")
        }
        guard let found = try await store.credentials(email: credentials.email),
            await Passwords.verify(credentials.password, hash: found.passwordHash)
        else {
            await limiter.recordFailure(key, now: now)
            throw APIError(.unauthorized, "that email and password do not match")
        }
        await limiter.reset(key)
        let token = Token.generate()
        try await store.saveToken(hash: Token.hash(token), accountID: found.account.id, at: now)
        return JSONResponse.make(TokenResponse(token: token, accountId: found.account.id))
    }

    struct InviteResponse: Encodable { var code: String }
    struct AcceptResponse: Encodable { var clinicianId: String }

    func createInvite(_ context: AppContext) async throws -> Response {
        let clinician = try access.caller(context, role: .clinician)
        let code = InviteCode.generate()
        try await store.createInvite(code: code, clinicianID: clinician.id, at: Date())
        return JSONResponse.make(InviteResponse(code: code), status: .created)
    }

    func acceptInvite(_ context: AppContext) async throws -> Response {
        let patient = try access.caller(context, role: .patient)
        let code = try context.parameters.require("code").uppercased()
        guard let clinician = try await store.acceptInvite(code: code, patientID: patient.id) else { throw APIError.notFound }
        return JSONResponse.make(AcceptResponse(clinicianId: clinician))
    }
}
