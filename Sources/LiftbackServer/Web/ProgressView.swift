import LiftbackApp
import LiftbackCore

/// Progress for the person and the clinician, drawn from the core's `ProgressSummary`: working
/// load against the previous working weight, pain over time, and questionnaires against their
/// minimal important change.
enum ProgressView {
    static func page(_ summary: ProgressSummary, settings: EngineSettings) -> HTML {
        """
        <h1>Your progress</h1>
        \(charts(summary, settings: settings))
        """
    }

    static func charts(_ summary: ProgressSummary, settings: EngineSettings) -> HTML {
        let unit = summary.unit.rawValue
        func points(_ list: [ProgressSummary.Point]) -> [(x: Int, y: Double)] { list.map { ($0.day.ordinal, $0.value) } }
        let loadCaption: String =
            if let last = summary.hingeLoad.last, let previous = summary.previousWorkingWeight,
                let percent = summary.percentOfPrevious
            {
                "Hinge lifts, as deadlift equivalents, are at \(formatWeight(last.value)) \(unit): \(percent) % of the previous working weight of \(formatWeight(previous)) \(unit)."
            } else if let last = summary.hingeLoad.last {
                "The latest hinge lift is \(formatWeight(last.value)) \(unit) (deadlift equivalent)."
            } else { "No hinge lifts logged yet." }
        let painCaption =
            "Pain during sessions and on check-ins, 0-10. \(summary.policy.duringRule(settings)) "
            + (summary.answeredSessions == 0
                ? "No next-day answers yet."
                : "The back was back to usual or no worse the next day after \(summary.settledSessions) of \(summary.answeredSessions) sessions.")
        let questionnaireRows = summary.questionnaires.html { q in
            """
            <tr><td>\(q.instrument.title)</td><td>\(q.scores.map { "\(formatNumber($0.value)) (\($0.day))" }.joined(separator: ", "))</td><td>\(q.interpretation) \(q.change?.explanation ?? "")</td></tr>
            """
        }
        return """
            \(Chart.line(title: "Working load", caption: loadCaption, series: [Chart.Series(label: "hinge lifts, as deadlift equivalents", points: points(summary.hingeLoad), color: "#0b5cad")], reference: summary.previousWorkingWeight.map { ("previous working weight", $0) }))
            \(Chart.line(title: "Pain", caption: painCaption, series: [Chart.Series(label: "during sessions", points: points(summary.painDuring), color: "#a3201b"), Chart.Series(label: "check-ins", points: points(summary.checkIns), color: "#1d6b34")], yMax: 10))
            <h2>Questionnaires</h2>
            <table><thead><tr><th>Questionnaire</th><th>Scores</th><th>What it means</th></tr></thead><tbody>\(questionnaireRows)</tbody></table>
            """
    }
}
