import LiftbackApp
import LiftbackCore

/// Progress for the person and the clinician: working load against the previous working weight,
/// pain over time, and questionnaires against their minimal important change.
enum ProgressView {
    static func page(_ data: CaseData, questionnaires: [QuestionnaireRecord], engine: Engine) -> HTML {
        """
        <h1>Your progress</h1>
        \(charts(data, questionnaires: questionnaires, engine: engine))
        """
    }

    static func charts(_ data: CaseData, questionnaires: [QuestionnaireRecord], engine: Engine) -> HTML {
        let settings = engine.settings
        let catalog = engine.catalog
        let baseline = Baseline.lifts(for: data.intake, unit: data.settings.unit)
        let load = data.workouts.flatMap { stored in
            stored.workout.exercises.compactMap { logged in
                catalog.referenceEquivalent(of: logged, on: .hinge).map { (x: stored.workout.date.ordinal, y: $0) }
            }
        }
        let previous = catalog.ladder(id: .hinge).flatMap {
            Baseline.carried(to: $0.reference, from: baseline, catalog: catalog)
        }
        let unit = data.settings.unit.rawValue
        let loadCaption: String =
            if let last = load.last, let previous, let percent = Int(rounding: 100 * last.y / previous.weight) {
                "Your hinge lifts, as deadlift equivalents, are at \(formatWeight(last.y)) \(unit): \(percent) % of your previous working weight of \(formatWeight(previous.weight)) \(unit)."
            } else if let last = load.last {
                "Your latest hinge lift is \(formatWeight(last.y)) \(unit) (deadlift equivalent)."
            } else { "No hinge lifts logged yet." }
        let during = data.workouts.compactMap { w in w.workout.peakPainDuring.map { (x: w.workout.date.ordinal, y: Double($0)) } }
        let daily = data.checkIns.map { (x: $0.date.ordinal, y: Double($0.pain)) }
        let settled = data.workouts.filter { $0.workout.nextDay == .settled || $0.workout.nextDay == .same }.count
        let answered = data.workouts.filter { $0.workout.nextDay != nil }.count
        let painCaption =
            "Pain during sessions and on check-ins, 0-10. Up to \(settings.acceptablePainMax) during a session is fine when it settles by the next morning; "
            + (answered == 0
                ? "no next-day answers yet."
                : "your back was back to usual or no worse the next day after \(settled) of \(answered) sessions.")
        let grouped = Dictionary(grouping: questionnaires, by: \.score.instrument)
        let questionnaireRows = grouped.keys.sorted { $0.rawValue < $1.rawValue }.html { instrument in
            let records = grouped[instrument]!
            let latest = records.last!
            var change: HTML = ""
            if records.count > 1, let measure = ChangeMeasure(instrument) {
                change =
                    "\(ImportantChange(measure: measure, baseline: records.first!.score.score, current: latest.score.score).explanation)"
            }
            return """
                <tr><td>\(instrument.rawValue)</td><td>\(records.map { "\(formatNumber($0.score.score)) (\($0.date))" }.joined(separator: ", "))</td><td>\(latest.score.interpretation) \(change)</td></tr>
                """
        }
        return """
            \(Chart.line(title: "Working load", caption: loadCaption, series: [Chart.Series(label: "hinge lifts, as deadlift equivalents", points: load, color: "#0b5cad")], reference: previous.map { ("previous working weight", $0.weight) }))
            \(Chart.line(title: "Pain", caption: painCaption, series: [Chart.Series(label: "during sessions", points: during, color: "#a3201b"), Chart.Series(label: "check-ins", points: daily, color: "#1d6b34")], yMax: 10))
            <h2>Questionnaires</h2>
            <table><thead><tr><th>Questionnaire</th><th>Scores</th><th>What it means</th></tr></thead><tbody>\(questionnaireRows)</tbody></table>
            """
    }
}
