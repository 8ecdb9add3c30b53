import LiftbackApp
import LiftbackCore

/// The clinician's caseload as a page: most urgent first (the service's order), each person with
/// their status, phase and the last decision in the clinician's words, and the invite form.
enum CaseloadView {
    /// The status in words, coloured by how urgent it is: an emergency stands apart from a flag
    /// that needs review.
    static func badge(_ status: CaseStatus, _ disposition: Disposition?) -> HTML {
        let kind = status == .redFlag && disposition == .emergency ? "red-flag emergency" : status.rawValue
        return "<span class=\"badge \(kind)\">\(status.title(disposition))</span>"
    }

    /// - Parameter code: an invite code just created, shown once.
    static func page(_ entries: [CaseloadService.Entry], code: String?, csrf: HTML) -> HTML {
        let table = entries.html { row in
            """
            <tr><td><a href="/patients/\(row.account.id)">\(row.account.name)</a></td>
            <td>\(badge(row.status, row.disposition))
            <small class="last-session">\(row.lastSession.map { "Last session \($0)" } ?? "No session yet")</small></td>
            <td>\(row.phase?.title ?? "")</td><td>\(row.reason)</td></tr>
            """
        }
        let list: HTML =
            entries.isEmpty
            ? "<p>No patients yet. Create an invite code and give it to a patient.</p>"
            : """
            <table class="caseload"><thead><tr><th>Patient</th><th>Status</th><th>Phase</th><th>Last decision and why</th></tr></thead>
            <tbody>\(table)</tbody></table>
            """
        return """
            <h1>Caseload</h1>
            \(code.map { HTML("<p class=\"flash\" role=\"status\">Invite code: <strong class=\"invite-code\">\($0)</strong>. Give it to your patient; they enter it under Join. It works once, within \(Words.days(AccountService.inviteDays)).</p>") })
            <form method="post" action="/caseload/invite">\(csrf)<button>Create an invite code</button></form>
            \(list)
            <p><a href="/caseload/report">Every report, one page a person</a> <span class="muted">(to print or save as PDF)</span></p>
            """
    }
}
