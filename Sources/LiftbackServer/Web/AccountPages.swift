import Foundation
import Hummingbird
import LiftbackApp
import LiftbackCore

/// Landing, sign up, sign in, sign out and joining a clinician.
struct AccountPages {
    let web: WebController

    func register(_ router: RouterGroup<AppContext>) {
        router.get("/") { request, context in
            landing(
                context,
                flash: request.uri.queryParameters.get("deleted") == nil
                    ? nil : "Your account and everything held about it are deleted.")
        }
        router.get("signup") { _, context in signUpPage(context) }
        router.post("signup") { request, context in try await signUp(request, context) }
        router.get("signin") { _, context in signInPage(context) }
        router.get("set-password") { request, context in
            let token = request.uri.queryParameters.get("token") ?? ""
            return try await web.services.accounts.linkHolds(token)
                ? setPasswordPage(context, token: token) : deadLinkPage(context)
        }
        router.post("set-password") { request, context in try await setPassword(request, context) }
        router.post("signin") { request, context in try await signIn(request, context) }
        router.post("signout") { request, context in try await signOut(request, context) }
        router.get("account") { request, context in
            try await accountPage(context, flash: Self.accountFlash(request.uri.queryParameters))
        }
        router.post("account/unlink") { request, context in try await unlink(request, context) }
        router.get("account/activity") { _, context in try await activity(context) }
        router.get("account/export") { _, context in try await export(context) }
        router.get("account/strong.csv") { _, context in try await strongExport(context) }
        router.post("account/delete") { request, context in try await deleteAccount(request, context) }
        router.post("account/password") { request, context in try await changePassword(request, context) }
        router.post("account/signout-everywhere") { request, context in try await signOutEverywhere(request, context) }
        router.get("join") { _, context in try joinPage(context) }
        router.post("join") { request, context in try await join(request, context) }
    }

    func landing(_ context: AppContext, flash: String? = nil) -> Response {
        if let account = context.identity { return WebController.redirect(account.role == .clinician ? "/caseload" : "/today") }
        return web.render(
            "Back to lifting", context, flash: flash,
            AccountView.landing())
    }

    func signUpPage(_ context: AppContext, error: (field: String, message: String)? = nil, form: Form? = nil) -> Response {
        web.render(
            "Sign up", context, status: error == nil ? .ok : .badRequest,
            AccountView.signUp(csrf: WebSession.csrf(for: context), error: error, form: form))
    }

    func signUp(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await WebSession.checkedForm(request, context)
        let account: Account
        do {
            account = try await web.services.accounts.signUp(
                name: form["name"] ?? "", email: form["email"] ?? "", password: form["password"] ?? "",
                address: context.remoteAddress)
        } catch AppError.tooManyAttempts(let seconds) {
            return signUpPage(context, error: ("email", "Too many tries from here. \(Wait.tryAgain(seconds))"), form: form)
                .throttled(for: seconds)
        } catch AppError.invalid(let field, let message) {
            return signUpPage(context, error: (field, Layout.sentence(message)), form: form)
        } catch AppError.emailTaken {
            return signUpPage(context, error: ("email", "An account with this email already exists. Try signing in."), form: form)
        }
        return try await startSession(account, then: "/intake")
    }

    /// A one-time link's page: a new clinician's first password, or a reset.
    func setPasswordPage(_ context: AppContext, token: String, error: String? = nil) -> Response {
        web.render(
            "Set your password", context, status: error == nil ? .ok : .badRequest,
            AccountView.setPassword(csrf: WebSession.csrf(for: context), token: token, error: error))
    }

    func deadLinkPage(_ context: AppContext) -> Response {
        web.render(
            "Set your password", context, status: .badRequest,
            AccountView.deadLink())
    }

    func setPassword(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await WebSession.checkedForm(request, context)
        let token = form["token"] ?? ""
        do {
            let account = try await web.services.accounts.setPassword(
                token: token, password: form["password"] ?? "", route: AppContext.route(of: request, context))
            return try await startSession(account, then: account.role == .clinician ? "/caseload" : "/today")
        } catch AppError.invalid(_, let message) {
            return setPasswordPage(context, token: token, error: Layout.sentence(message))
        }
    }

    func startSession(_ account: Account, then location: String) async throws -> Response {
        try session(try await web.services.accounts.openSession(for: account, kind: .session), then: location)
    }

    func session(_ session: AccountService.Session, then location: String) throws -> Response {
        var response = WebController.redirect(location)
        response.setCookie(WebSession.sessionCookie(session, config: web.config))
        return response
    }

    func signInPage(_ context: AppContext, error: String? = nil, email: String = "") -> Response {
        web.render(
            "Sign in", context, status: error == nil ? .ok : .unauthorized,
            AccountView.signIn(csrf: WebSession.csrf(for: context), error: error, email: email))
    }

    func signIn(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await WebSession.checkedForm(request, context)
        let email = form.text("email") ?? ""
        do {
            let session = try await web.services.accounts.signIn(
                email: email, password: form["password"] ?? "", address: context.remoteAddress, kind: .session)
            return try self.session(session, then: session.account.role == .clinician ? "/caseload" : "/today")
        } catch AppError.tooManyAttempts(let seconds) {
            return signInPage(context, error: "Too many attempts. \(Wait.tryAgain(seconds))", email: email)
                .throttled(for: seconds)
        } catch AppError.wrongCredentials {
            return signInPage(context, error: "That email and password do not match.", email: email)
        }
    }

    func signOut(_ request: Request, _ context: AppContext) async throws -> Response {
        _ = try await WebSession.checkedForm(request, context)
        if let token = context.sessionToken { try await web.services.accounts.signOut(token: token) }
        var response = WebController.redirect("/")
        response.setCookie(WebSession.clearedCookie(config: web.config))
        return response
    }

    /// The signed-in account: a new password, and signing out on every device.
    static func accountFlash(_ query: Hummingbird.Parameters) -> String? {
        if query.get("changed") != nil { return "Password changed. Other devices are signed out." }
        if query.get("unlinked") != nil { return "Done. That clinician can no longer see your record." }
        return nil
    }

    func accountPage(_ context: AppContext, error: String? = nil, deleteError: String? = nil, flash: String? = nil)
        async throws -> Response
    {
        guard let account = context.identity else { throw PageRedirect(location: "/signin") }
        let clinicians = account.role == .patient ? try await web.services.accounts.clinicians(of: account) : nil
        return web.render(
            "Your account", context, flash: flash, status: error == nil && deleteError == nil ? .ok : .badRequest,
            AccountView.account(
                account, clinicians: clinicians, csrf: WebSession.csrf(for: context), error: error, deleteError: deleteError))
    }

    /// Who looked at or changed the person's record, newest first.
    func activity(_ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let zone = try await web.cases.caseData(patient.id)?.settings.timeZone.flatMap(TimeZone.init(identifier:))
        return web.render(
            "Who has seen your record", context,
            AccountView.activity(try await web.services.privacy.auditTrail(patient), timeZone: zone ?? .utc))
    }

    /// Everything held about the person, as a file to keep.
    func export(_ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        var response = JSONResponse.make(try await web.services.privacy.export(patient))
        response.headers[.contentDisposition] = "attachment; filename=\"liftback-my-data.json\""
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// The logged sessions as a Strong export, to take the training back to a lifting app.
    func strongExport(_ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let csv = try await web.cases.strongExport(patient.id, by: context.caller(patient)) ?? StrongCSV.header + "\n"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"liftback-strong.csv\"",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: csv)))
    }

    func deleteAccount(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await WebSession.checkedForm(request, context)
        guard let account = context.identity else { throw PageRedirect(location: "/signin") }
        do {
            try await web.services.privacy.deleteAccount(
                account, password: form["password"] ?? "", address: context.remoteAddress)
        } catch AppError.wrongCredentials {
            return try await accountPage(context, deleteError: "That password does not match; nothing was deleted.")
        } catch AppError.tooManyAttempts(let seconds) {
            return try await accountPage(
                context, deleteError: "Too many tries, so nothing was deleted. \(Wait.tryAgain(seconds))"
            )
            .throttled(for: seconds)
        }
        var response = WebController.redirect("/?deleted=1")
        response.setCookie(WebSession.clearedCookie(config: web.config))
        return response
    }

    func changePassword(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await WebSession.checkedForm(request, context)
        guard let account = context.identity else { throw PageRedirect(location: "/signin") }
        do {
            let session = try await web.services.accounts.changePassword(
                account, current: form["current"] ?? "", new: form["password"] ?? "", kind: .session,
                address: context.remoteAddress)
            return try self.session(session, then: "/account?changed=1")
        } catch AppError.wrongCredentials {
            return try await accountPage(context, error: "Your current password does not match.")
        } catch AppError.tooManyAttempts(let seconds) {
            return try await accountPage(context, error: "Too many tries. \(Wait.tryAgain(seconds))").throttled(for: seconds)
        } catch AppError.invalid(_, let message) {
            return try await accountPage(context, error: Layout.sentence(message))
        }
    }

    func signOutEverywhere(_ request: Request, _ context: AppContext) async throws -> Response {
        _ = try await WebSession.checkedForm(request, context)
        guard let account = context.identity else { throw PageRedirect(location: "/signin") }
        try await web.services.accounts.signOutEverywhere(account)
        var response = WebController.redirect("/")
        response.setCookie(WebSession.clearedCookie(config: web.config))
        return response
    }

    func unlink(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        try await web.services.accounts.unlink(patient: patient, clinicianID: form.text("clinician") ?? "")
        return WebController.redirect("/account?unlinked=1")
    }

    /// - Parameter status: the answer's status: 200 for the form, 4xx when a code was refused.
    func joinPage(_ context: AppContext, error: String? = nil, status: HTTPResponse.Status = .ok) throws -> Response {
        _ = try web.signedIn(context, role: .patient)
        return web.render(
            "Join your clinician", context, status: status,
            AccountView.join(csrf: WebSession.csrf(for: context), error: error))
    }

    func join(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        do {
            _ = try await web.services.accounts.acceptInvite(
                code: form.text("code") ?? "", patient: patient, address: context.remoteAddress)
        } catch AppError.notFound {
            return try joinPage(
                context,
                error:
                    "That code was not found. A code works once, within \(Words.days(AccountService.inviteDays)): check it with your clinician.",
                status: .notFound)
        } catch AppError.tooManyAttempts(let seconds) {
            return try joinPage(context, error: "Too many codes tried. \(Wait.tryAgain(seconds))").throttled(for: seconds)
        }
        return WebController.redirect("/today?joined=1")
    }
}
