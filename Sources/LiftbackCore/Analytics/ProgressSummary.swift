import Foundation

/// What progress looks like for one case, computed once for the progress page and the clinician's
/// view: the hinge lifts as deadlift equivalents against the previous working weight, pain over
/// time, how often the back settled by the next morning, and each questionnaire against its
/// minimal important change. The pages only draw it.
public struct ProgressSummary: Sendable {
    public struct Point: Sendable, Equatable {
        public var day: Day
        public var value: Double
    }

    /// One questionnaire's scores, oldest first, with the latest reading and, from two scores on,
    /// the change since the first against its minimal important change.
    public struct Questionnaire: Sendable {
        public var instrument: Instrument
        public var scores: [Point]
        public var interpretation: String
        public var change: ImportantChange?
    }

    /// One main lift's loads, each session's heaviest set carried to the lift its ladder is measured
    /// by (a trap-bar deadlift as a conventional deadlift), against the previous working weight there.
    public struct Lift: Sendable {
        public var ladder: LadderID
        /// The lift as people say it: "Conventional deadlift".
        public var name: String
        public var load: [Point]
        public var previousWorkingWeight: Double?
        /// The latest load as a share of the previous working weight, in whole percent.
        public var percentOfPrevious: Int?
    }

    /// The main lifts charted, one line each: the hinge, squat, push and pull ladders that have a logged load.
    public static let chartedLadders: [LadderID] = [.hinge, .squat, .push, .pull]

    public var unit: WeightUnit
    /// The case's progression policy, which says how much pain a session may bring.
    public var policy: ProgressionPolicy
    /// Each logged hinge lift, as its deadlift equivalent, in session order.
    public var hingeLoad: [Point]
    /// The previous working weight carried to the deadlift, when there is one.
    public var previousWorkingWeight: Double?
    /// The latest hinge lift as a share of the previous working weight, in whole percent.
    public var percentOfPrevious: Int?
    /// The highest pain felt during each session that reported one.
    public var painDuring: [Point]
    public var checkIns: [Point]
    /// Sessions whose next morning was answered, and of those the ones that settled or stayed the same.
    public var answeredSessions: Int
    public var settledSessions: Int
    /// By instrument name.
    public var questionnaires: [Questionnaire]
    /// The main lifts with a logged load, in `chartedLadders` order.
    public var lifts: [Lift]

    public init(_ c: Case, questionnaires scored: [(date: Day, score: InstrumentScore)], catalog: Catalog) {
        unit = c.unit
        policy = c.policy
        let baseline = Baseline.lifts(for: c.intake, unit: c.unit)
        lifts = Self.chartedLadders.compactMap { id in
            guard let ladder = catalog.ladder(id: id) else { return nil }
            let load = c.workouts.flatMap { workout in
                workout.exercises.compactMap { logged in
                    catalog.referenceEquivalent(of: logged, on: id).map {
                        // An equivalent is an estimate: to the half unit, never "33.33 kg".
                        Point(day: workout.date, value: ($0 * 2).rounded() / 2)
                    }
                }
            }
            let previous = Baseline.carried(to: ladder.reference, from: baseline, catalog: catalog)?.weight
            guard !load.isEmpty || id == .hinge else { return nil }
            return Lift(
                ladder: id, name: catalog[ladder.reference]?.name ?? ladder.reference.rawValue, load: load,
                previousWorkingWeight: previous,
                percentOfPrevious: load.last.flatMap { last in previous.flatMap { Int(rounding: 100 * last.value / $0) } })
        }
        let hinge = lifts.first { $0.ladder == .hinge }
        hingeLoad = hinge?.load ?? []
        previousWorkingWeight = hinge?.previousWorkingWeight
        percentOfPrevious = hinge?.percentOfPrevious
        painDuring = c.workouts.compactMap { w in w.peakPainDuring.map { Point(day: w.date, value: Double($0)) } }
        checkIns = c.checkIns.map { Point(day: $0.date, value: Double($0.pain)) }
        answeredSessions = c.workouts.filter { $0.nextDay != nil }.count
        settledSessions = c.workouts.filter { $0.nextDay == .settled || $0.nextDay == .same }.count
        let grouped = Dictionary(grouping: scored, by: \.score.instrument)
        questionnaires = grouped.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { instrument in
            guard let records = grouped[instrument], let first = records.first, let latest = records.last else { return nil }
            let change =
                records.count > 1
                ? ChangeMeasure(instrument).map {
                    ImportantChange(measure: $0, baseline: first.score.score, current: latest.score.score)
                } : nil
            return Questionnaire(
                instrument: instrument, scores: records.map { Point(day: $0.date, value: $0.score.score) },
                interpretation: latest.score.interpretation, change: change)
        }
    }
}
