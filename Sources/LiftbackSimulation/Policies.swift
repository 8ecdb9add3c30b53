import Foundation
import LiftbackCore

/// The progression policies the simulation compares, all over the same people.
public enum PolicyName: String, CaseIterable, Codable, Sendable {
    /// Liftback's engine with its default pain-monitoring policy.
    case liftback
    /// Liftback's engine with the stricter pain-free policy (seed 001).
    case liftbackPainFree = "liftback-pain-free"
    /// Seed 001's protocol by the calendar alone.
    case seed001 = "seed-001"
    /// A naive linear app: 50 % from day one, +2.5 kg (5 lb) a session, -10 % after a failed session.
    case naiveLinear = "naive-linear"

    /// Parses `a,b,c`; the failure names the first unknown name.
    public static func parseList(_ text: String) -> Result<[PolicyName], UnknownPolicy> {
        var result: [PolicyName] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            guard let policy = PolicyName(rawValue: item) else { return .failure(UnknownPolicy(name: item)) }
            if !result.contains(policy) { result.append(policy) }
        }
        return .success(result)
    }
}

public struct UnknownPolicy: Error, Equatable, CustomStringConvertible {
    public var name: String
    public var description: String {
        "unknown policy \"\(name)\" (use one or more of \(PolicyName.allCases.map(\.rawValue).joined(separator: ", ")))"
    }
}

/// One line of a session as the person will do it.
public struct PlannedLine: Sendable, Equatable {
    public var exercise: ExerciseID
    public var sets: Int
    public var reps: Int?
    public var holdSeconds: Int?
    public var weight: Double?
    public var tempo: String?
    public var pauseSeconds: Int?

    public init(
        exercise: ExerciseID, sets: Int, reps: Int? = nil, holdSeconds: Int? = nil, weight: Double? = nil,
        tempo: String? = nil, pauseSeconds: Int? = nil
    ) {
        self.exercise = exercise
        self.sets = sets
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.weight = weight
        self.tempo = tempo
        self.pauseSeconds = pauseSeconds
    }

    init(_ line: PrescribedExercise) {
        let set = line.setAsPrescribed()
        self.init(
            exercise: line.exercise, sets: line.sets, reps: set.reps, holdSeconds: set.holdSeconds, weight: line.weight,
            tempo: line.tempo, pauseSeconds: line.pauseSeconds)
    }

    var logged: LoggedExercise {
        let set = LoggedSet(weight: weight, reps: reps, holdSeconds: holdSeconds, tempo: tempo, pauseSeconds: pauseSeconds)
        return LoggedExercise(exercise: exercise, sets: Array(repeating: set, count: max(1, sets)))
    }
}

/// What a day holds under a policy.
public enum DayPlan: Sendable, Equatable {
    /// Nothing planned.
    case rest
    /// Easy activity the person does from the weekly plan without logging it (a walk, easy mobility).
    case easyActivity
    /// A session to ask for and log.
    case session
}

/// A policy decides from the reports alone: it gets the `ReportLog`, never the person or the back.
protocol Policy {
    /// What day `day` (0 is the intake) holds; `weekday` is ISO (1 Monday).
    func plan(day: Int, weekday: Int) -> DayPlan
    /// The session for today from the reports so far (their `asOf` is today).
    mutating func session(day: Int, log: ReportLog) -> (lines: [PlannedLine], screenRequested: Bool)
    /// After today's session is logged.
    mutating func logged(day: Int, log: ReportLog)
    /// Flags the policy raised from the reports (not reported by the person), for a clinician's review.
    var flagsToReview: [RedFlag] { get }
}

extension Policy {
    var flagsToReview: [RedFlag] { [] }
}

/// Liftback's engine: the person asks for the next prescription on each session day and does
/// exactly what it prescribes (lines it stops are not done).
struct LiftbackPolicy: Policy {
    let engine: Engine
    /// Whether the last prescription was in a lifting phase (then the weekly structure decides the day).
    var liftingPhase = false
    var observer: ((ReportLog, Prescription) -> Void)?
    private(set) var engineCalls = 0

    /// The lifting phases' weekly structure: these days are asked for; active recovery is a walk and
    /// easy mobility the person does from the plan; the rest day is rest.
    static let askedFor: Set<SessionKind> = [.lowerBody, .mobilityCore, .upperBody, .fullBody]

    func plan(day: Int, weekday: Int) -> DayPlan {
        guard liftingPhase else { return .session }
        let kind = SessionPlan.week[weekday - 1].0
        return Self.askedFor.contains(kind) ? .session : kind == .rest ? .rest : .easyActivity
    }

    mutating func session(day: Int, log: ReportLog) -> (lines: [PlannedLine], screenRequested: Bool) {
        let prescription = engine.nextPrescription(for: log.reports)
        engineCalls += 1
        observer?(log, prescription)
        liftingPhase = prescription.phase.loadsLifts
        let lines = prescription.exercises.filter { $0.decision != .stop }.map(PlannedLine.init)
        // Flags the engine derived from the reports (severe pain that has not eased over two weeks)
        // go to the clinician for review, as a reported flag does.
        let reported = Set(log.reports.checkIns.flatMap(\.flags) + log.reports.workouts.flatMap(\.flags))
        flagsToReview = engine.openFlags(for: log.reports).filter { !reported.contains($0) }
        return (lines, prescription.alerts.contains { $0.id == .screenNeeded })
    }

    /// Open flags the person did not report, for the clinician to review.
    private(set) var flagsToReview: [RedFlag] = []

    mutating func logged(day: Int, log: ReportLog) {}
}

/// Rounds to the plates the person has.
func plates(_ weight: Double, _ unit: WeightUnit) -> Double {
    max(unit.defaultIncrement, (weight / unit.defaultIncrement).rounded() * unit.defaultIncrement)
}

/// The three main lifts the comparison policies load, with the person's previous working weights.
struct MainLifts {
    static let ids: [ExerciseID] = ["conventional-deadlift", "back-squat", "bench-press"]
    let previous: [Double]
    let unit: WeightUnit

    init(person: Person) {
        previous = [person.deadlift, person.squat, person.bench]
        unit = person.unit
    }
}

/// Seed 001 by the calendar alone: settle (days 1-2), restore movement (the rest of week 1), core
/// work (weeks 2-4), then the deadlift, squat and bench at 50 % of the previous working weights,
/// three sessions a week, +7.5 % a week, whatever is reported; 3 x 8, then 3 x 6 from 65 % and
/// 3 x 5 from 85 %; held at the previous working weight once there (the seed stops there).
struct SeedProtocolPolicy: Policy {
    let lifts: MainLifts
    let parameters: Parameters

    func plan(day: Int, weekday: Int) -> DayPlan { .session }

    func session(day: Int, log: ReportLog) -> (lines: [PlannedLine], screenRequested: Bool) {
        let p = parameters
        if day < 2 {
            return (
                [
                    PlannedLine(exercise: "walk", sets: 1, holdSeconds: 3),
                    PlannedLine(exercise: "pelvic-tilt", sets: 1, reps: 10),
                ], false
            )
        }
        if day < 7 {
            return (
                [
                    PlannedLine(exercise: "glute-bridge", sets: 2, reps: 12),
                    PlannedLine(exercise: "prone-press-up", sets: 2, holdSeconds: 20),
                    PlannedLine(exercise: "cat-cow", sets: 1, reps: 10),
                ], false
            )
        }
        let core = [
            PlannedLine(exercise: "front-plank", sets: 3, holdSeconds: 30),
            PlannedLine(exercise: "side-plank", sets: 2, holdSeconds: 20),
            PlannedLine(exercise: "bird-dog", sets: 2, reps: 8), PlannedLine(exercise: "dowel-hip-hinge", sets: 2, reps: 10),
        ]
        guard day >= p.seedStartDay else { return (core, false) }
        let since = day - p.seedStartDay
        guard [0, 2, 4].contains(since % 7) else {
            // The daily mobility routine of seed 001 on the days between.
            return (
                [
                    PlannedLine(exercise: "hip-flexor-stretch", sets: 2, holdSeconds: 30),
                    PlannedLine(exercise: "glute-bridge", sets: 1, reps: 15),
                ], false
            )
        }
        var share = p.seedStartShare
        for _ in 0..<(since / 7) { share *= 1 + p.seedWeeklyIncrease }
        share = min(1, share)
        let reps = share < 0.65 ? 8 : share < 0.85 ? 6 : 5
        let lines = zip(MainLifts.ids, lifts.previous).map { id, previous in
            PlannedLine(exercise: id, sets: 3, reps: reps, weight: plates(previous * share, lifts.unit))
        }
        return (lines, false)
    }

    func logged(day: Int, log: ReportLog) {}
}

/// A naive linear app: deadlift, squat and bench 3 x 5 from 50 % on day one, three sessions a week,
/// one plate step (2.5 kg or 5 lb) a session, 10 % off every lift after a failed session (reported
/// pain during above 5/10, or stopped early). It reads those two reports and nothing else.
struct NaiveLinearPolicy: Policy {
    let lifts: MainLifts
    let parameters: Parameters
    var weights: [Double]

    init(lifts: MainLifts, parameters: Parameters) {
        self.lifts = lifts
        self.parameters = parameters
        weights = lifts.previous.map { plates($0 * parameters.naiveStartShare, lifts.unit) }
    }

    func plan(day: Int, weekday: Int) -> DayPlan { [0, 2, 4].contains(day % 7) ? .session : .rest }

    func session(day: Int, log: ReportLog) -> (lines: [PlannedLine], screenRequested: Bool) {
        (zip(MainLifts.ids, weights).map { PlannedLine(exercise: $0, sets: 3, reps: 5, weight: $1) }, false)
    }

    mutating func logged(day: Int, log: ReportLog) {
        guard let last = log.reports.workouts.last else { return }
        let failed = (last.painDuring ?? 0) > parameters.naiveFailurePain || last.stoppedEarly == true
        weights = weights.map {
            failed ? plates($0 * (1 - parameters.naiveFailureDrop), lifts.unit) : $0 + lifts.unit.defaultIncrement
        }
    }
}
