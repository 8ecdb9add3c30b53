import Foundation
import Hummingbird
import LiftbackApp

/// Accounts, tokens and invites (the API, described at /openapi.json), over `AccountService`.
struct AccountsController {
    let services: Services
    var accounts: AccountService { services.accounts }

    struct NewAccount: ClosedBody {
        static let fields: Set<String> = ["email", "password", "name", "role"]
        var email: String
        var password: String
        var name: String
        /// Only `patient` is accepted (clinicians are added by whoever runs the server).
        var role: Role?
    }

    struct Password: ClosedBody {
        static let fields: Set<String> = ["password"]
        var password: String
    }

    struct NewPassword: ClosedBody {
        static let fields: Set<String> = ["token", "password"]
        var token: String
        var password: String
    }

    struct Credentials: ClosedBody {
        static let fields: Set<String> = ["email", "password"]
        var email: String
        var password: String
    }

    struct TokenResponse: Encodable {
        var token: String
        var accountId: String
        /// When the token ends (it also ends after 30 minutes unused).
        var expiresAt: Date
    }

    func register(_ api: RouterGroup<AppContext>) {
        api.post("accounts") { request, context in try await createAccount(request, context) }
        api.post("accounts/set-password") { request, context in try await setPassword(request, context) }
        api.delete("accounts/me") { request, context in try await deleteAccount(request, context) }
        api.post("auth/token") { request, context in try await token(request, context) }
        api.delete("auth/token") { request, context in try await revoke(request, context) }
        api.post("invites") { _, context in try await createInvite(context) }
        api.post("invites/:code/accept") { _, context in try await acceptInvite(context) }
    }

    func createAccount(_ request: Request, _ context: AppContext) async throws -> Response {
        let new = try await JSONResponse.decode(NewAccount.self, from: request)
        let account = try await accounts.signUp(
            name: new.name, email: new.email, password: new.password, role: new.role ?? .patient,
            address: context.remoteAddress)
        return JSONResponse.make(account, status: .created)
    }

    /// A password set with a one-time link's token: a new clinician's first, or a reset.
    func setPassword(_ request: Request, _ context: AppContext) async throws -> Response {
        let body = try await JSONResponse.decode(NewPassword.self, from: request)
        _ = try await accounts.setPassword(
            token: body.token, password: body.password, route: AppContext.route(of: request, context))
        return Response(status: .noContent)
    }

    func token(_ request: Request, _ context: AppContext) async throws -> Response {
        let credentials = try await JSONResponse.decode(Credentials.self, from: request)
        let session = try await accounts.signIn(
            email: credentials.email, password: credentials.password, address: context.remoteAddress, kind: .bearer)
        return JSONResponse.make(TokenResponse(token: session.token, accountId: session.account.id, expiresAt: session.expiresAt))
    }

    /// Signs the bearer token it is sent with out, at once on every server instance.
    func revoke(_ request: Request, _ context: AppContext) async throws -> Response {
        _ = try services.access.caller(context.identity)
        guard let token = BearerAuthenticator.token(request) else { throw APIError.unauthorized }
        try await accounts.signOut(token: token)
        return Response(status: .noContent)
    }

    /// Deletes the caller's account and everything held about them, once the password is given again.
    func deleteAccount(_ request: Request, _ context: AppContext) async throws -> Response {
        let account = try services.access.caller(context.identity)
        let body = try await JSONResponse.decode(Password.self, from: request)
        try await services.privacy.deleteAccount(account, password: body.password, address: context.remoteAddress)
        return Response(status: .noContent)
    }

    struct InviteResponse: Encodable { var code: String }
    struct AcceptResponse: Encodable { var clinicianId: String }

    func createInvite(_ context: AppContext) async throws -> Response {
        let clinician = try services.access.caller(context.identity, role: .clinician)
        return JSONResponse.make(InviteResponse(code: try await accounts.createInvite(clinician: clinician)), status: .created)
    }

    func acceptInvite(_ context: AppContext) async throws -> Response {
        let patient = try services.access.caller(context.identity, role: .patient)
        let clinician = try await accounts.acceptInvite(
            code: try context.parameters.require("code"), patient: patient, address: context.remoteAddress)
        return JSONResponse.make(AcceptResponse(clinicianId: clinician))
    }
}
