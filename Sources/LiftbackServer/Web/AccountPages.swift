import Foundation
import Hummingbird
import LiftbackApp

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
        router.get("account/export") { _, context in try await export(context) }
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
            """
            <h1>Back to lifting, one step at a time</h1>
            <p>Liftback helps you return to the gym after low back pain. It checks for warning signs first, then plans sessions that start light and grow as your back agrees, and explains every change.</p>
            <p>Your physiotherapist can follow along and adjust the plan.</p>
            <p><a class="button" href="/signup">Create an account</a> <a href="/signin">I already have one</a></p>
            """)
    }

    func signUpPage(_ context: AppContext, error: (field: String, message: String)? = nil, form: Form? = nil) -> Response {
        func problem(_ field: String) -> String? { error?.field == field ? error?.message : nil }
        return web.render(
            "Sign up", context, status: error == nil ? .ok : .badRequest,
            """
            <h1>Create your account</h1>
            <form method="post" action="/signup">
            \(Layout.csrfField(WebSession.csrf(for: context)))
            \(Layout.field("Your name", name: "name", value: form?["name"] ?? "", extra: "autocomplete=\"name\" maxlength=\"\(NewAccountInput.nameLength.upperBound)\" required", error: problem("name")))
            \(Layout.field("Email", name: "email", type: "email", value: form?["email"] ?? "", extra: "autocomplete=\"email\" required", error: problem("email")))
            \(Layout.newPasswordField("Password", error: problem("password")))
            <button>Create account</button>
            </form>
            <p class="muted">Physiotherapists and other clinicians get their account from whoever runs this Liftback, with a link to set their password.</p>
            """)
    }

    func signUp(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await WebSession.checkedForm(request, context)
        let account: Account
        do {
            account = try await web.services.accounts.signUp(
                name: form["name"] ?? "", email: form["email"] ?? "", password: form["password"] ?? "",
                address: context.remoteAddress)
        } catch AppError.tooManyAttempts(let seconds) {
            var page = signUpPage(
                context, error: ("email", "Too many tries from here. Please try again in \(Wait.words(seconds))."), form: form)
            page.status = .tooManyRequests
            page.headers[.retryAfter] = String(seconds)
            return page
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
            """
            <h1>Set your password</h1>
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            <form method="post" action="/set-password">
            \(Layout.csrfField(WebSession.csrf(for: context)))
            <input type="hidden" name="token" value="\(String(token.prefix(256)))">
            \(Layout.newPasswordField())
            <button>Set password</button>
            </form>
            <p class="muted">The link works once. Setting a password signs you out on every other device.</p>
            """)
    }

    func deadLinkPage(_ context: AppContext) -> Response {
        web.render(
            "Set your password", context, status: .badRequest,
            """
            <h1>This link no longer works</h1>
            <p>A link to set a password works once, for a limited time. Please ask whoever runs Liftback (or your clinician) for a new one.</p>
            <p>If you already set your password, <a href="/signin">sign in</a>.</p>
            """)
    }

    func setPassword(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await WebSession.checkedForm(request, context)
        let token = form["token"] ?? ""
        do {
            let account = try await web.services.accounts.setPassword(token: token, password: form["password"] ?? "")
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
            """
            <h1>Sign in</h1>
            <form method="post" action="/signin">
            \(Layout.csrfField(WebSession.csrf(for: context)))
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            \(Layout.field("Email", name: "email", type: "email", value: email, extra: "autocomplete=\"email\" required"))
            \(Layout.field("Password", name: "password", type: "password", extra: "autocomplete=\"current-password\" required"))
            <button>Sign in</button>
            </form>
            <p>New here? <a href="/signup">Create an account</a>.</p>
            """)
    }

    func signIn(_ request: Request, _ context: AppContext) async throws -> Response {
        let form = try await WebSession.checkedForm(request, context)
        let email = form.text("email") ?? ""
        do {
            let session = try await web.services.accounts.signIn(
                email: email, password: form["password"] ?? "", address: context.remoteAddress, kind: .session)
            return try self.session(session, then: session.account.role == .clinician ? "/caseload" : "/today")
        } catch AppError.tooManyAttempts(let seconds) {
            return signInPage(
                context, error: "Too many attempts. Please try again in \(Wait.words(seconds)).", email: email)
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
        let csrf = Layout.csrfField(WebSession.csrf(for: context))
        let clinicians: HTML =
            account.role == .patient
            ? try await cliniciansCard(web.services.accounts.clinicians(of: account), csrf: csrf) : ""
        return web.render(
            "Your account", context, flash: flash, status: error == nil && deleteError == nil ? .ok : .badRequest,
            """
            <h1>Your account</h1>
            <p>Signed in as \(account.name) (\(account.email)).</p>
            \(clinicians)
            <form method="post" action="/account/password" class="card">\(csrf)
            <h2>Change your password</h2>
            \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            \(Layout.field("Current password", name: "current", type: "password", extra: "autocomplete=\"current-password\" required"))
            \(Layout.newPasswordField())
            <button>Change password</button>
            <p class="muted">Every other device you are signed in on is signed out.</p>
            </form>
            <form method="post" action="/account/signout-everywhere" class="card">\(csrf)
            <h2>Sign out everywhere</h2>
            <p>Ends every session: this browser, other phones and computers, and apps using your account.</p>
            <button>Sign out on every device</button>
            </form>
            \(account.role == .patient ? HTML("<section class=\"card\"><h2>A copy of your data</h2><p>Everything Liftback holds about you, in one file (JSON) you can keep or take elsewhere.</p><p><a class=\"button\" href=\"/account/export\" download>Download my data</a></p></section>") : "")
            <form method="post" action="/account/delete" class="card">\(csrf)
            <h2>Delete your account</h2>
            <p>Deletes your account and everything held about you\(account.role == .patient ? " (your plan, sessions, check-ins and questionnaires)" : ""), on every device. It cannot be undone\(account.role == .patient ? "; download a copy first if you want one" : "").</p>
            \(deleteError.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            \(Layout.field("Your password, to confirm", name: "password", type: "password", extra: "autocomplete=\"current-password\" required"))
            <button>Delete my account</button>
            </form>
            """)
    }

    /// Everything held about the person, as a file to keep.
    func export(_ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        var response = JSONResponse.make(try await web.services.privacy.export(patient))
        response.headers[.contentDisposition] = "attachment; filename=\"liftback-my-data.json\""
        response.headers[.cacheControl] = "no-store"
        return response
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
                context, deleteError: "Too many tries. Nothing was deleted; please try again in \(Wait.words(seconds)).")
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
            return try await accountPage(context, error: "Too many tries. Please try again in \(Wait.words(seconds)).")
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

    /// Who can see the person's record, each with a way to end the link.
    func cliniciansCard(_ clinicians: [Account], csrf: HTML) -> HTML {
        let rows = clinicians.html { clinician in
            """
            <li><form method="post" action="/account/unlink">\(csrf)<input type="hidden" name="clinician" value="\(clinician.id)">
            \(clinician.name) <button class="link">Stop sharing with \(clinician.name)</button></form></li>
            """
        }
        return """
            <section class="card">
            <h2>Who can see your record</h2>
            \(clinicians.isEmpty ? HTML("<p>Only you. A clinician sees your plan once you <a href=\"/join\">join them with their code</a>.</p>") : HTML("<ul>\(rows)</ul><p class=\"muted\">A clinician you stop sharing with no longer sees your record or your caseload status. You can join them again with a new code.</p>"))
            </section>
            """
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
            """
            <h1>Join your clinician</h1>
            <p>Your physiotherapist can give you a code so they can follow your plan. You can also carry on by yourself.</p>
            <form method="post" action="/join">
            \(Layout.csrfField(WebSession.csrf(for: context)))
            \(Layout.field("Invite code", name: "code", extra: "autocapitalize=\"characters\" required", error: error))
            <button>Join</button>
            </form>
            """)
    }

    func join(_ request: Request, _ context: AppContext) async throws -> Response {
        let patient = try web.signedIn(context, role: .patient)
        let form = try await WebSession.checkedForm(request, context)
        do {
            _ = try await web.services.accounts.acceptInvite(
                code: form.text("code") ?? "", patient: patient, address: context.remoteAddress)
        } catch AppError.notFound {
            return try joinPage(
                context, error: "That code was not found. A code works once and for a week: check it with your clinician.",
                status: .notFound)
        } catch AppError.tooManyAttempts(let seconds) {
            var page = try joinPage(
                context, error: "Too many codes tried. Please try again in \(Wait.words(seconds)).", status: .tooManyRequests)
            page.headers[.retryAfter] = String(seconds)
            return page
        }
        return WebController.redirect("/today?joined=1")
    }
}
