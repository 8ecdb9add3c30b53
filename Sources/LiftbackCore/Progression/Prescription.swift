/// What the engine decided for one exercise (docs/case-format.md, "The prescription").
public enum Decision: String, Codable, Sendable, CaseIterable {
    case start, progress, hold, regress, stop
}

/// Which lever moved (clinical model, section 5; seed 003).
public enum Lever: String, Codable, Sendable {
    case load, tempo, pause, sets, reps, hold, minutes, range, variation
}

/// The rule that decided an exercise (docs/rules.md lists each with its source). Its raw value is
/// the `rule` of docs/case-format.md, "The prescription".
public enum RuleID: String, Codable, Sendable, CaseIterable {
    case addLoad = "add-load"
    case awaitingNextDay = "awaiting-next-day"
    case clinicianLoad = "clinician-load"
    case completeTheWork = "complete-the-work"
    case doseProgress = "dose-progress"
    case doubleProgressionLoad = "double-progression-load"
    case doubleProgressionReps = "double-progression-reps"
    case gentleMovementOnly = "gentle-movement-only"
    case holdAfterSetback = "hold-after-setback"
    case leverProgress = "lever-progress"
    case loadProgress = "load-progress"
    case oneStepPerWeek = "one-step-per-week"
    case painNotReported = "pain-not-reported"
    case redFlagPause = "red-flag-pause"
    case regressOneStep = "regress-one-step"
    case regressVariation = "regress-variation"
    case repeatAfterClearance = "repeat-after-clearance"
    case resumeAfterBreak = "resume-after-break"
    case screenNeeded = "screen-needed"
    case severePainGentleDay = "severe-pain-gentle-day"
    case startBodyweight = "start-bodyweight"
    case startDose = "start-dose"
    case startHalfPrevious = "start-half-previous"
    case startLightChoice = "start-light-choice"
    case topOfRange = "top-of-range"
    case variationProgress = "variation-progress"
}

extension Decision {
    /// The decision as a clinician's page shows it.
    public var title: String {
        switch self {
        case .start: "Start"
        case .progress: "Step up"
        case .hold: "Hold"
        case .regress: "Step back"
        case .stop: "Stop"
        }
    }
}

extension RuleID {
    /// What the rule did, in a few words for a clinician (docs/rules.md has each in full).
    public var title: String {
        switch self {
        case .addLoad: "first load added"
        case .awaitingNextDay: "waiting for the next-day answer"
        case .clinicianLoad: "load set by a clinician"
        case .completeTheWork: "reps below the range: repeat"
        case .doseProgress: "one step more"
        case .doubleProgressionLoad: "top of the range: next weight"
        case .doubleProgressionReps: "one more rep a set"
        case .gentleMovementOnly: "gentle movement while a flag is open"
        case .holdAfterSetback: "held after a setback"
        case .leverProgress: "tempo, pause or a set added"
        case .loadProgress: "load stepped up"
        case .oneStepPerWeek: "one step a week at most"
        case .painNotReported: "no pain score: held"
        case .redFlagPause: "paused while a flag is open"
        case .regressOneStep: "last step taken back"
        case .regressVariation: "back to the easier variation"
        case .repeatAfterClearance: "repeat after a clearance"
        case .resumeAfterBreak: "lighter after a break"
        case .screenNeeded: "capped until a movement screen"
        case .severePainGentleDay: "gentle day after severe pain"
        case .startBodyweight: "start at bodyweight"
        case .startDose: "starting dose"
        case .startHalfPrevious: "start at about half the previous working weight"
        case .startLightChoice: "start light, at a weight they could lift about 15 times"
        case .topOfRange: "every lever in use"
        case .variationProgress: "next variation of the ladder"
        }
    }
}

/// One line of explanation: the rule that fired and a sentence with its numbers.
public struct Reason: Codable, Sendable, Equatable {
    public var rule: String
    public var text: String

    public init(_ rule: String, _ text: String) {
        self.rule = rule
        self.text = text
    }
}

/// One prescribed exercise of the next session.
public struct PrescribedExercise: Codable, Sendable, Equatable {
    public var exercise: ExerciseID
    public var name: String
    public var pattern: MovementPattern
    public var sets: Int
    public var reps: Int?
    public var holdSeconds: Int?
    public var minutes: Int?
    public var passes: Int?
    public var perSide: Bool
    /// In the case's unit; absent for unloaded work and whenever loading is stopped.
    public var weight: Double?
    public var unit: WeightUnit?
    public var tempo: String?
    public var pauseSeconds: Int?
    public var decision: Decision
    public var lever: Lever?
    /// The identifier of the rule that decided, such as `load-progress`.
    public var rule: RuleID
    /// Plain sentences with the numbers behind the decision.
    public var reasons: [String]
    /// Where the load sits on the bodyweight -> light -> moderate -> working ladder.
    public var stage: LoadStage
    /// The weight as a share of the previous working weight on this exercise, in percent.
    public var percentOfPrevious: Double?
    /// The weight last lifted, for comparison.
    public var lastWeight: Double?
    public var cue: String
    /// The decision in a clinician's words: what changed and on which report.
    public var forClinician: String? = nil
}

extension PrescribedExercise {
    /// What the dose is counted in: reps, a hold's seconds, minutes or passes.
    public var kind: DoseKind { reps != nil ? .reps : holdSeconds != nil ? .hold : minutes != nil ? .minutes : .passes }

    /// The amount per set, in `kind`.
    public var amount: Int? { reps ?? holdSeconds ?? minutes ?? passes }

    /// One set done as prescribed, at `weight` (the prescribed one when nil), with the pain felt.
    public func setAsPrescribed(weight: Double? = nil, pain: Int? = nil) -> LoggedSet {
        LoggedSet(kind, amount: amount, weight: weight ?? self.weight, tempo: tempo, pauseSeconds: pauseSeconds, pain: pain)
    }

    /// The dose in words with its load, tempo and pause: `3 × 8 at 40 kg · tempo 3-1-2`.
    public func describe(times: String = "x") -> String {
        let amount = kind.describe(sets: sets, amount: self.amount ?? 0, perSide: perSide, times: times)
        let load = weight.map { " at \(formatWeight($0)) \(unit?.rawValue ?? "")" } ?? ""
        let extras = [tempo.map { "tempo \($0)" }, pauseSeconds.map { "\($0) s pause" }].compactMap { $0 }
        return amount + load + (extras.isEmpty ? "" : " · " + extras.joined(separator: ", "))
    }
}

/// What an alert is about (docs/case-format.md, "The prescription", names the first five).
public enum AlertID: String, Codable, Sendable, CaseIterable {
    case redFlag = "red-flag"
    case flareUpCycle = "flare-up-cycle"
    case climbingSymptoms = "climbing-symptoms"
    case stalled
    case screenNeeded = "screen-needed"
    /// Pain at or above the severe level within 48 hours: no loaded work today (clinical model, section 5).
    case severePain = "severe-pain"
    /// The last session was stopped early for a stop signal (clinical model, section 5).
    case sessionStopped = "session-stopped"
    /// No pain report for a while: the plan waits and asks how things are.
    case checkInDue = "check-in-due"
    /// Fear of movement or a high psychosocial score shapes the plan (seeds 002, 004).
    case fearOfMovement = "fear-of-movement"
    /// A clinician reviewed and cleared a flag in the last week: who, when, and the outcome.
    case flagReviewed = "flag-reviewed"

    /// Whether the alert still speaks while loading is stopped: the safety ones do; advice on
    /// training (a stall, a screen due, a session missed) waits until the plan resumes.
    public var speaksWhilePaused: Bool {
        switch self {
        case .redFlag, .severePain, .sessionStopped, .flagReviewed: true
        case .flareUpCycle, .climbingSymptoms, .stalled, .screenNeeded, .checkInDue, .fearOfMovement: false
        }
    }
}

extension Prescription {
    /// The alerts to show now: all of them, or only those that speak while loading is stopped.
    public var alertsNow: [Alert] { disposition.stopsLoading ? alerts.filter(\.id.speaksWhilePaused) : alerts }
}

/// A notice for the person (`message`) and, worded for their clinician, `forClinician`.
public struct Alert: Codable, Sendable, Equatable {
    public var id: AlertID
    public var message: String
    /// The same notice written to the clinician, with dates and numbers, and no "you".
    public var forClinician: String

    public init(id: AlertID, message: String, forClinician: String? = nil) {
        self.id = id
        self.message = message
        self.forClinician = forClinician ?? message
    }

    enum CodingKeys: String, CodingKey { case id, message, forClinician }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(AlertID.self, forKey: .id), message: try c.decode(String.self, forKey: .message),
            forClinician: try c.decodeIfPresent(String.self, forKey: .forClinician))
    }
}

/// One day of the weekly structure (seed 003).
public struct PlannedDay: Codable, Sendable, Equatable {
    public var weekday: Int
    public var session: SessionKind
    public var description: String
}

/// The next prescription (docs/case-format.md, "The prescription").
public struct Prescription: Codable, Sendable, Equatable {
    public var asOf: Day
    public var disposition: Disposition
    public var phase: Phase
    public var phaseSince: Day
    /// Why the person is in this phase and what moves them on.
    public var phaseReasons: [String]
    public var session: SessionKind
    public var exercises: [PrescribedExercise]
    public var alerts: [Alert]
    /// What to do now when loading is stopped, plus notes such as a single weak flag.
    public var reasons: [String]
    public var notes: [String]
    public var policy: ProgressionPolicy
    public var unit: WeightUnit
    public var pattern: PresentationPattern
    public var expectedTimeline: String
    public var dailyRoutine: [PrescribedExercise]
    public var week: [PlannedDay]
    public var advice: [String]
    public var disclaimer: String
    /// Short cards for the phase, and more when fear of movement shapes the plan.
    public var educationCards: [EducationCard] = []
}

extension Prescription {
    /// What changed since the last session and why, one line per exercise that stepped up or back
    /// (issue 10's "what changed"): "Trap-bar deadlift 70 to 75 kg: the last session on 2026-11-30
    /// peaked at 3/10 and settled by the next morning."
    public var changes: [String] {
        movedLines(loadedOnly: false).map { line in
            let reason = line.reasons.first ?? ""
            if line.lever == .load, let from = line.lastWeight, let to = line.weight, from != to, let unit = line.unit,
                let colon = reason.range(of: ": ")
            {
                return
                    "\(line.name) \(formatWeight(from)) to \(formatWeight(to)) \(unit.rawValue): \(reason[colon.upperBound...])"
            }
            return "\(line.name): \(reason.prefix(1).lowercased() + reason.dropFirst())"
        }
    }

    /// The exercises that stepped up or back today; of loaded ones only when `loadedOnly` (the
    /// record's changes, `recordedChanges`).
    func movedLines(loadedOnly: Bool) -> [PrescribedExercise] {
        exercises.filter {
            ($0.decision == .progress || $0.decision == .regress) && (!loadedOnly || $0.weight != nil || $0.lastWeight != nil)
        }
    }
}
