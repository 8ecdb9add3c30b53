import Foundation
import LiftbackApp
import LiftbackCore

/// A person's record on one A4 page, for a referral letter or the clinical record: who and where
/// they are in the plan, the questionnaires against their minimal important change, the main lift
/// against the previous working weight, flags and reviews, and the decisions of the last weeks with
/// their reasons. Several reports print one to a page (the caseload's).
enum ReportView {
    /// The most days of decisions one page shows.
    static let decisionRows = 6

    static func page(_ reports: [CaseService.Report], printedOn: Day, settings: EngineSettings) -> HTML {
        """
        <p class="no-print"><button type="button" data-print>Print or save as PDF</button> \
        <span class="muted">\(reports.count == 1 ? "One page." : "\(reports.count) pages, one a person.")</span></p>
        \(reports.html { report(for: $0, printedOn: printedOn, settings: settings) })
        """
    }

    static func report(for r: CaseService.Report, printedOn: Day, settings: EngineSettings) -> HTML {
        let p = r.prescription
        let c = r.data.asCase(asOf: p.asOf)
        let unit = r.progress.unit.rawValue
        let status = CaseStatus.classify(p)
        let hinge = r.progress.lifts.first { $0.ladder == .hinge }
        let loadLine: String =
            if let hinge, let last = hinge.load.last, let previous = hinge.previousWorkingWeight,
                let percent = hinge.percentOfPrevious
            {
                "\(hinge.name): latest \(formatWeight(last.value)) \(unit) (\(last.day)), \(percent) % of the previous working weight of \(formatWeight(previous)) \(unit)."
            } else if let previous = hinge?.previousWorkingWeight {
                "No lifting logged yet; previous working weight \(formatWeight(previous)) \(unit) (\(hinge?.name.lowercased() ?? "deadlift"))."
            } else { "No lifting logged yet." }
        let chart: HTML =
            hinge.map { lift in
                Chart.line(
                    title: "\(lift.name) (variations counted as their equivalent)", caption: loadLine, unit: unit,
                    series: [
                        Chart.Series(label: lift.name, points: lift.load.map { ($0.day.ordinal, $0.value) }, color: "#0b5cad")
                    ],
                    reference: lift.previousWorkingWeight.map { ("previous working weight", $0) })
            } ?? HTML("<p>\(loadLine)</p>")
        let questionnaires: HTML =
            r.progress.questionnaires.isEmpty
            ? "<p class=\"muted\">No questionnaires answered.</p>"
            : """
            <table class="compact"><thead><tr><th>Questionnaire</th><th>Scores</th><th>Against the minimal important change</th></tr></thead><tbody>\(r.progress.questionnaires.html { q in
                "<tr><td>\(q.instrument.title)</td><td>\(q.scores.map { "\(formatNumber($0.value)) (\($0.day))" }.joined(separator: ", "))</td><td>\(q.change?.explanation ?? (q.scores.count > 1 ? "No published minimal important change. Latest: \(q.interpretation)" : "One score so far: \(q.interpretation)"))</td></tr>"
            })</tbody></table>
            """
        let reports = c.flagReports
        let flags: HTML =
            reports.isEmpty && c.clearances.isEmpty
            ? "<p>No red flags reported.</p>"
            : """
            <ul class="compact">\(reports.html { "<li>\($0.day): \($0.flag.plainName) reported</li>" })\(c.clearances.html { clearance in
                "<li>\(clearance.date): \(clearance.flag.plainName) reviewed and cleared by \(clearance.by ?? "a clinician")\(clearance.note.map { ". \($0)" } ?? "")</li>"
            })</ul>
            """
        // Days on which something changed, the latest `decisionRows` of them: a page holds them all.
        // Days when only reps rose at the same load are counted, not listed.
        let changed = r.decisions.filter { $0.disposition.stopsLoading || !$0.changes.isEmpty }.suffix(Self.decisionRows)
        let repOnlyDays = r.decisions.filter { !$0.disposition.stopsLoading && $0.changes.isEmpty && !$0.repSteps.isEmpty }.count
        // The phase is named on its first row and where it changes, not on every row.
        let engineRows: [(Day, HTML)] = changed.enumerated().map { index, day in
            let reps = day.repSteps.isEmpty ? [] : ["\(Words.list(day.repSteps)): a rep more at the same load"]
            let what = day.stopped.map { [$0] } ?? day.changes + reps
            let phase = index == 0 || changed[changed.index(changed.startIndex, offsetBy: index - 1)].phase != day.phase
            return (
                day.day,
                "<tr><td class=\"day\">\(day.day)</td><td>\(phase ? day.phase.title : "")</td><td>\(what.joined(separator: "; "))</td></tr>"
            )
        }
        // The clinician's own changes, under their name, among the engine's by day.
        let clinicianRows: [(Day, HTML)] = r.clinicianChanges.prefix(Self.decisionRows / 2).map { version in
            let name = if case .clinician(let name) = version.author { name } else { "A clinician" }
            let what = version.lines.map { "\($0.what): \($0.after)\($0.why.map { " (\($0))" } ?? "")" }
            return (
                version.day,
                "<tr><td class=\"day\">\(version.day)</td><td>\(name)</td><td>\(what.joined(separator: "; "))</td></tr>"
            )
        }
        let rows = (engineRows + clinicianRows).sorted { $0.0 < $1.0 }.html(\.1)
        let decisions: HTML =
            changed.isEmpty && r.clinicianChanges.isEmpty
            ? "<p>No load changed in these weeks.</p>"
            : """
            <table class="compact"><thead><tr><th>Day</th><th>Phase or who</th><th>What changed and why</th></tr></thead><tbody>\(rows)</tbody></table>\
            \(repOnlyDays == 0 ? "" : HTML("<p class=\"muted small\">On \(repOnlyDays == 1 ? "one other day" : "\(repOnlyDays) other days") only reps rose at the same load (double progression).</p>"))
            """
        let intake = r.data.intake
        return """
            <article class="report">
            <header><h1>\(r.patient.name)</h1>
            <p class="muted">Liftback report printed on \(printedOn) · intake on \(intake.date)\(intake.pain.map { " at \($0)/10" } ?? "")\(intake.onset.map { ", \($0.summary)" } ?? "") · \(intake.pattern.summary)</p></header>
            <p><strong>Now:</strong> \(p.phase.title) since \(p.phaseSince) · \(status.reason.hasPrefix(status.status.title(p.disposition)) ? status.reason : "\(status.status.title(p.disposition)) (\(status.reason.prefix(1).lowercased() + status.reason.dropFirst()))") · policy: \(p.policy.title(settings).lowercased())</p>
            <h2>Load</h2>
            \(chart)
            <h2>Questionnaires</h2>
            \(questionnaires)
            <h2>Red flags and reviews</h2>
            \(flags)
            <h2>Decisions of the last \(r.weeks) weeks</h2>
            \(decisions)
            <p class="muted small">\(Engine.disclaimer)</p>
            </article>
            """
    }
}
