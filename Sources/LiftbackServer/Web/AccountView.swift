import Foundation
import LiftbackApp
import LiftbackCore

/// The account pages as views: the landing page, signing up and in, setting a password, the
/// account itself and joining a clinician. `AccountPages` reads the request and calls the service.
enum AccountView {
    static func landing() -> HTML {
        """
        <h1>Back to lifting, one step at a time</h1>
        <p>Liftback helps you return to the gym after low back pain. It checks for warning signs first, then plans sessions that start light and grow as your back agrees, and explains every change.</p>
        <p>Your physiotherapist can follow along and adjust the plan.</p>
        <p><a class="button" href="/signup">Create an account</a> <a href="/signin">I already have one</a></p>
        """
    }

    static func signUp(csrf: String?, error: (field: String, message: String)?, form: Form?) -> HTML {
        func problem(_ field: String) -> String? { error?.field == field ? error?.message : nil }
        return
            """
            <h1>Create your account</h1>
            <form method="post" action="/signup">
            \(Layout.csrfField(csrf))
            \(Layout.field("Your name", name: "name", value: form?["name"] ?? "", extra: "autocomplete=\"name\" maxlength=\"\(NewAccountInput.nameLength.upperBound)\" required", error: problem("name")))
            \(Layout.field("Email", name: "email", type: "email", value: form?["email"] ?? "", extra: "autocomplete=\"email\" required", error: problem("email")))
            \(Layout.newPasswordField("Password", error: problem("password")))
            <button>Create account</button>
            </form>
            <p class="muted">Physiotherapists and other clinicians get their account from whoever runs this Liftback, with a link to set their password.</p>
            """
    }

    static func setPassword(csrf: String?, token: String, error: String?) -> HTML {
        """
        <h1>Set your password</h1>
        \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
        <form method="post" action="/set-password">
        \(Layout.csrfField(csrf))
        <input type="hidden" name="token" value="\(String(token.prefix(256)))">
        \(Layout.newPasswordField())
        <button>Set password</button>
        </form>
        <p class="muted">The link works once. Setting a password signs you out on every other device.</p>
        """
    }

    static func deadLink() -> HTML {
        """
        <h1>This link no longer works</h1>
        <p>A link to set a password works once, for a limited time. Please ask whoever runs Liftback (or your clinician) for a new one.</p>
        <p>If you already set your password, <a href="/signin">sign in</a>.</p>
        """
    }

    static func signIn(csrf: String?, error: String?, email: String) -> HTML {
        """
        <h1>Sign in</h1>
        <form method="post" action="/signin">
        \(Layout.csrfField(csrf))
        \(error.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
        \(Layout.field("Email", name: "email", type: "email", value: email, extra: "autocomplete=\"email\" required"))
        \(Layout.field("Password", name: "password", type: "password", extra: "autocomplete=\"current-password\" required"))
        <button>Sign in</button>
        </form>
        <p>New here? <a href="/signup">Create an account</a>.</p>
        """
    }

    /// The signed-in account; `clinicians` are those who see a patient's record (nil for a clinician).
    static func account(
        _ account: Account, clinicians: [Account]?, csrf csrfToken: String?, error: String?, deleteError: String?
    ) -> HTML {
        let csrf = Layout.csrfField(csrfToken)
        let cards = clinicians.map { cliniciansCard($0, csrf: csrf) }
        return
            """
            <h1>Your account</h1>
            <p>Signed in as \(account.name) (\(account.email)).</p>
            \(cards)
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
            \(account.role == .patient ? HTML("<section class=\"card\"><h2>Who has seen your record</h2><p>Each time a clinician looked at your plan, and every change made to your record, with who made it and when.</p><p><a href=\"/account/activity\">See who has seen your record</a></p></section>") : "")
            \(account.role == .patient ? HTML("<section class=\"card\"><h2>A copy of your data</h2><p>Everything Liftback holds about you, in one file (JSON) you can keep or take elsewhere.</p><p><a class=\"button\" href=\"/account/export\" download>Download my data</a></p><p>Your sessions as a Strong file (CSV), to take your training back to a lifting app: <a href=\"/account/strong.csv\" download>Download for Strong</a>. It holds the weights and reps; pain scores stay here.</p></section>") : "")
            <form method="post" action="/account/delete" class="card">\(csrf)
            <h2>Delete your account</h2>
            <p>Deletes your account and everything held about you\(account.role == .patient ? " (your plan, sessions, check-ins and questionnaires)" : ""), on every device. It cannot be undone\(account.role == .patient ? "; download a copy first if you want one" : "").</p>
            \(deleteError.map { HTML("<p class=\"error\" role=\"alert\">\($0)</p>") })
            \(Layout.field("Your password, to confirm", name: "password", type: "password", extra: "autocomplete=\"current-password\" required"))
            <button>Delete my account</button>
            </form>
            """
    }

    static func join(csrf: String?, error: String?) -> HTML {
        """
        <h1>Join your clinician</h1>
        <p>Your physiotherapist can give you a code so they can follow your plan. You can also carry on by yourself.</p>
        <form method="post" action="/join">
        \(Layout.csrfField(csrf))
        \(Layout.field("Invite code", name: "code", extra: "autocapitalize=\"characters\" required", error: error))
        <button>Join</button>
        </form>
        """
    }

    /// Who can see the person's record, each with a way to end the link.
    static func cliniciansCard(_ clinicians: [Account], csrf: HTML) -> HTML {
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

    /// The person's audit trail as a list they can read: when, who, what.
    static func activity(_ lines: [PrivacyService.TrailLine], timeZone: TimeZone) -> HTML {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_GB")
        format.timeZone = timeZone
        format.dateFormat = "d MMM yyyy, HH:mm"
        let rows = lines.html { line in
            let who =
                line.byThemselves
                ? "You" : "\(line.actorName ?? "An account since deleted")\(line.actorRole == .clinician ? " (clinician)" : "")"
            return "<li><span class=\"muted\">\(format.string(from: line.at))</span> \(who) \(words(line.action))</li>"
        }
        return """
            <h1>Who has seen your record</h1>
            <p>Every change to your record, and who else looked at it: one line for each person's looks within an hour, however many there were. Newest first. Times are \(["GMT", "UTC"].contains(timeZone.identifier) ? "UTC" : "in " + timeZone.identifier).</p>
            \(lines.isEmpty ? HTML("<p>Nothing yet.</p>") : HTML("<ul class=\"trail\">\(rows)</ul>"))
            <p class="muted">Only clinicians you shared your record with can see it. You can stop sharing on <a href="/account">your account page</a>.</p>
            """
    }

    /// What happened, as the end of a sentence that starts with who did it.
    static func words(_ action: AuditAction) -> String {
        switch action {
        case .viewed: "looked at your record"
        case .intakeSaved: "saved the getting-started questions"
        case .trainingHistoryImported: "imported a training history"
        case .workoutLogged: "logged a session"
        case .workoutAmended: "updated a session"
        case .checkInAdded: "added a check-in"
        case .screenAdded: "added a movement check"
        case .questionnaireAdded: "answered a questionnaire"
        case .flagCleared: "reviewed and cleared a symptom"
        case .overrideAdded: "adjusted your plan"
        case .policyChanged: "changed how your plan progresses"
        case .resetLinkIssued: "made a link to set a new password"
        case .settingsChanged: "changed the settings"
        case .calendarFeedMade: "made a calendar feed address"
        case .passwordSetWithLink: "set a new password with a one-time link"
        }
    }
}
