import LiftbackApp
import LiftbackCore

/// The page frame shared by every page: language, a device-width viewport, the stylesheet, the
/// navigation for the signed-in role and the decision-support footer.
enum Layout {
    /// - Parameters:
    ///   - flash: what was just done, calmly; `problem`: what stopped it, marked as an error.
    static func page(
        _ title: String, account: Account?, csrf: String?, flash: String? = nil, problem: String? = nil, wide: Bool = false,
        _ body: HTML
    ) -> HTML {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Liftback</title>
        <link rel="stylesheet" href="/static/app.css">
        <script src="/static/app.js" defer></script>
        </head>
        <body\(who(account))>
        <header class="top"><a class="brand" href="/">Liftback</a>\(nav(account, csrf: csrf))</header>
        <main class="\(wide ? "wide" : "narrow")">
        \(flash.map { HTML("<p class=\"flash\" role=\"status\">\($0)</p>") })
        \(problem.map { HTML("<p class=\"problem\" role=\"alert\">\($0)</p>") })
        \(account?.role == .patient ? HTML("<p class=\"outbox\" role=\"status\" hidden></p>") : "")
        \(body)
        </main>
        <footer><p>\(Engine.disclaimer)</p></footer>
        </body>
        </html>
        """
    }

    /// The tag under which the phone keeps this person's drafts and waiting entries: it names nobody
    /// and is the same on every page of theirs, another person's on theirs.
    static func who(_ account: Account?) -> HTML {
        guard let account, account.role == .patient else { return "" }
        return " data-who=\"\(String(Token.hash("phone " + account.id).prefix(16)))\""
    }

    static func nav(_ account: Account?, csrf: String?) -> HTML {
        guard let account else { return "<nav><a href=\"/signin\">Sign in</a> <a href=\"/signup\">Sign up</a></nav>" }
        let links: HTML =
            account.role == .clinician
            ? "<a href=\"/caseload\">Caseload</a>"
            : "<a href=\"/today\">Today</a> <a href=\"/log\">Log</a> <a href=\"/check-in\">Check in</a> <a href=\"/progress\">Progress</a> <a href=\"/settings\">Settings</a>"
        return """
            <nav>\(links) <a href="/account">Account</a> <form method="post" action="/signout" class="inline">\(csrfField(csrf))<button class="link">Sign out</button></form></nav>
            """
    }

    /// An API message ("enter a name ...") as a sentence for a page ("Enter a name ....").
    static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst() + (message.hasSuffix(".") ? "" : ".")
    }

    static func csrfField(_ csrf: String?) -> HTML {
        csrf.map { HTML("<input type=\"hidden\" name=\"csrf\" value=\"\($0)\">") } ?? ""
    }

    /// A labelled field; every input on every page goes through one of these helpers.
    static func field(
        _ label: String, name: String, type: String = "text", value: String = "", extra: HTML = "", error: String? = nil
    ) -> HTML {
        // A field at fault says so to screen readers too, and points at its message.
        let marked: HTML = error == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(name)-error\""
        return """
            <label>\(label)<input type="\(type)" name="\(name)" value="\(value)" \(extra)\(marked)>\(error.map { HTML("<span class=\"error\" id=\"\(name)-error\">\($0)</span>") })</label>
            """
    }

    /// For an emergency, a button that dials the emergency number (a server setting); nothing otherwise.
    static func emergencyCall(_ disposition: Disposition, number: String) -> HTML {
        disposition == .emergency ? "<p><a class=\"button call\" href=\"tel:\(number)\">Call \(number)</a></p>" : ""
    }

    /// A new password's field, with the lengths the account service accepts.
    static func newPasswordField(_ label: String = "New password", error: String? = nil) -> HTML {
        field(
            "\(label) (at least \(NewAccountInput.passwordMinimum) characters)", name: "password", type: "password",
            extra:
                "autocomplete=\"new-password\" minlength=\"\(NewAccountInput.passwordMinimum)\" maxlength=\"\(NewAccountInput.passwordMaximumBytes)\" required",
            error: error)
    }

    /// Checkboxes for red flags, each with the meaning a person recognises.
    static func flagChoices(_ flags: [RedFlag], ticked: Set<String> = []) -> HTML {
        flags.html {
            "<label class=\"check\"><input type=\"checkbox\" name=\"flag\" value=\"\($0.rawValue)\"\(checked(ticked.contains($0.rawValue)))> \($0.meaning)</label>"
        }
    }

    /// ` checked` for a ticked box or a chosen radio button.
    static func checked(_ on: Bool) -> HTML { on ? " checked" : "" }

    /// A 0-10 pain scale as radio buttons: one tap.
    /// `required` off for a set's pain: a skipped exercise's sets must not block saving.
    /// With `error`, the scale says what is wrong beside it and is marked for screen readers.
    static func painScale(_ legend: String, name: String, selected: Int?, required: Bool = true, error: String? = nil)
        -> HTML
    {
        let options = InputLimits.pain.html { value in
            "<label class=\"pain p\(value)\"><input type=\"radio\" name=\"\(name)\" value=\"\(value)\"\(checked(value == selected))\(required ? " required" : "")\(error == nil ? "" : HTML(" aria-invalid=\"true\""))><span>\(value)</span></label>"
        }
        let marked: HTML = error == nil ? "" : " aria-describedby=\"\(name)-error\""
        return
            "<fieldset class=\"scale\"\(marked)><legend>\(legend)</legend><div class=\"painrow\">\(options)</div>\(error.map { HTML("<p class=\"error\" id=\"\(name)-error\">\($0)</p>") })</fieldset>"
    }
}
