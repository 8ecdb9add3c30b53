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

    /// - Parameter forClinician: the captions speak of the person ("the previous working weight")
    ///   rather than to them ("your").
    static func charts(_ summary: ProgressSummary, settings: EngineSettings, forClinician: Bool = false) -> HTML {
        let unit = summary.unit.rawValue
        let your = forClinician ? "the" : "your"
        func points(_ list: [ProgressSummary.Point]) -> [(x: Int, y: Double)] { list.map { ($0.day.ordinal, $0.value) } }
        let liftColors = ["#0b5cad", "#1d6b34", "#6a3d9a", "#8a4b00"]
        let liftCharts = summary.lifts.enumerated().html { index, lift in
            let caption: String =
                if let last = lift.load.last, let previous = lift.previousWorkingWeight, let percent = lift.percentOfPrevious {
                    "The latest is \(formatWeight(last.value)) \(unit), \(percent) % of \(your) previous working weight of \(formatWeight(previous)) \(unit). Easier variations are counted as their \(lift.name.lowercased()) equivalent."
                } else if let last = lift.load.last {
                    "The latest is \(formatWeight(last.value)) \(unit). Easier variations are counted as their \(lift.name.lowercased()) equivalent."
                } else { "Nothing lifted on this yet." }
            return Chart.line(
                title: lift.name, caption: caption, unit: unit,
                series: [Chart.Series(label: lift.name, points: points(lift.load), color: liftColors[index % liftColors.count])],
                reference: lift.previousWorkingWeight.map { ("previous working weight", $0) })
        }
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
            <h2>Loads</h2>
            \(liftCharts)
            <h2>Pain</h2>
            \(Chart.line(title: "Pain, 0 to 10", caption: painCaption, unit: "/10", series: [Chart.Series(label: "during sessions", points: points(summary.painDuring), color: "#a3201b"), Chart.Series(label: "check-ins", points: points(summary.checkIns), color: "#1d6b34")], yMax: 10))
            <h2>Questionnaires</h2>
            <table><thead><tr><th>Questionnaire</th><th>Scores</th><th>What it means</th></tr></thead><tbody>\(questionnaireRows)</tbody></table>
            """
    }
}
