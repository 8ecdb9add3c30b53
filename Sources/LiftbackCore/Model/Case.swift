/// The unit weights are written in.
public enum WeightUnit: String, Codable, Sendable, CaseIterable {
    case kg, lb

    /// The smallest total change most gyms allow: a pair of 1.25 kg or 2.5 lb plates.
    public var defaultIncrement: Double { self == .kg ? 2.5 : 5 }

    /// Kilograms in one of this unit.
    public var kilograms: Double { self == .kg ? 1 : 0.453_592_37 }

    public func convert(_ weight: Double, to other: WeightUnit) -> Double {
        self == other ? weight : weight * kilograms / other.kilograms
    }
}

/// Which symptom rule gates progression (clinical model, section 5).
public enum ProgressionPolicy: String, Codable, Sendable, CaseIterable {
    /// Default: up to 5/10 during, settled by the next morning, no week-on-week rise (Thomeé 1997).
    case painMonitoring = "pain-monitoring"
    /// Stricter: progress only after sessions without pain (seed 001).
    case painFree = "pain-free"
}

extension ProgressionPolicy {
    /// The policy's name on a clinician's page, with its limit.
    public func title(_ settings: EngineSettings) -> String {
        switch self {
        case .painMonitoring: "Pain monitoring (up to \(settings.acceptablePainMax)/10, settled next morning)"
        case .painFree: "Pain-free only"
        }
    }

    /// What the policy allows during a session, as a sentence for the person.
    public func duringRule(_ settings: EngineSettings) -> String {
        switch self {
        case .painMonitoring:
            "Some discomfort during training is fine if it stays at or below \(settings.acceptablePainMax)/10 and settles by the next morning."
        case .painFree:
            "The plan steps up only after sessions without pain, and eases back a step when pain returns."
        }
    }
}

/// The person's likely presentation pattern; never a diagnosis.
public enum PresentationPattern: String, Codable, Sendable, CaseIterable {
    case muscular
    case discRelated = "disc-related"
    case nonSpecific = "non-specific"
}

/// The next-day answer to "is your back back to usual?".
public enum NextDayResponse: String, Codable, Sendable, CaseIterable {
    /// Back to the usual level.
    case settled
    /// The same as before the session.
    case same
    /// Worse than before the session.
    case worse
}

extension NextDayResponse {
    /// The answer as a clinician's timeline shows it.
    public var title: String {
        switch self {
        case .settled: "back to usual"
        case .same: "about the same"
        case .worse: "worse"
        }
    }
}

/// A previous working weight, entered by the person or a clinician.
public struct WorkingWeight: Codable, Sendable, Equatable {
    public var exercise: ExerciseID
    public var weight: Double
    public var reps: Int
    /// The unit of this entry when it differs from the case's.
    public var unit: WeightUnit?

    public init(exercise: ExerciseID, weight: Double, reps: Int, unit: WeightUnit? = nil) {
        self.exercise = exercise
        self.weight = weight
        self.reps = reps
        self.unit = unit
    }
}

/// One set as performed.
public struct LoggedSet: Codable, Sendable, Equatable {
    public var weight: Double?
    public var reps: Int?
    public var holdSeconds: Int?
    public var rpe: Double?
    /// Eccentric-pause-concentric seconds, such as `3-1-2`.
    public var tempo: String?
    public var pauseSeconds: Int?
    /// Pain during this set (0-10), when logged per set.
    public var pain: Int?

    public init(
        weight: Double? = nil, reps: Int? = nil, holdSeconds: Int? = nil, rpe: Double? = nil, tempo: String? = nil,
        pauseSeconds: Int? = nil, pain: Int? = nil
    ) {
        self.weight = weight
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.rpe = rpe
        self.tempo = tempo
        self.pauseSeconds = pauseSeconds
        self.pain = pain
    }
}

extension LoggedSet {
    /// A set of an exercise dosed in `kind`, its amount where the engine reads it: reps and passes
    /// as `reps`, holds and minutes as `holdSeconds` (a walk's minutes are its amount; a logged set
    /// has no field for minutes).
    public init(
        _ kind: DoseKind, amount: Int?, weight: Double? = nil, tempo: String? = nil, pauseSeconds: Int? = nil,
        pain: Int? = nil
    ) {
        switch kind {
        case .hold, .minutes: self.init(weight: weight, holdSeconds: amount, tempo: tempo, pauseSeconds: pauseSeconds, pain: pain)
        case .reps, .passes: self.init(weight: weight, reps: amount, tempo: tempo, pauseSeconds: pauseSeconds, pain: pain)
        }
    }
}

/// One exercise within a workout.
public struct LoggedExercise: Codable, Sendable, Equatable {
    public var exercise: ExerciseID
    /// Overrides the workout's `painDuring` for this exercise.
    public var painDuring: Int?
    public var sets: [LoggedSet]

    public init(exercise: ExerciseID, painDuring: Int? = nil, sets: [LoggedSet]) {
        self.exercise = exercise
        self.painDuring = painDuring
        self.sets = sets
    }
}

/// A training session and the symptoms around it.
public struct Workout: Codable, Sendable, Equatable {
    public var date: Day
    public var exercises: [LoggedExercise]
    /// Peak pain during the session, 0-10.
    public var painDuring: Int?
    /// Pain right after the session, 0-10.
    public var painAfter: Int?
    /// The next-day answer; absent until known.
    public var nextDay: NextDayResponse?
    /// Red-flag symptoms reported with this session.
    public var flags: [RedFlag]
    /// The session was stopped for sharp pain or a new symptom (seed 003).
    public var stoppedEarly: Bool?
    /// Felt locked up for hours afterwards: counts as too much (clinical model, section 5).
    public var lockedUp: Bool?

    public init(
        date: Day, exercises: [LoggedExercise], painDuring: Int? = nil, painAfter: Int? = nil,
        nextDay: NextDayResponse? = nil, flags: [RedFlag] = [], stoppedEarly: Bool? = nil, lockedUp: Bool? = nil
    ) {
        self.date = date
        self.exercises = exercises
        self.painDuring = painDuring
        self.painAfter = painAfter
        self.nextDay = nextDay
        self.flags = flags
        self.stoppedEarly = stoppedEarly
        self.lockedUp = lockedUp
    }
}

/// A day's check-in away from training.
public struct CheckIn: Codable, Sendable, Equatable {
    public var date: Day
    /// Usual pain today, 0-10.
    public var pain: Int
    /// Minutes of morning stiffness.
    public var stiffnessMinutes: Int?
    public var flags: [RedFlag]

    public init(date: Day, pain: Int, stiffnessMinutes: Int? = nil, flags: [RedFlag] = []) {
        self.date = date
        self.pain = pain
        self.stiffnessMinutes = stiffnessMinutes
        self.flags = flags
    }
}

/// The four-part movement screen before maximal efforts (seed 001).
public struct MovementScreen: Codable, Sendable, Equatable {
    public var date: Day
    public var passed: Bool
    /// Pain-free toe touch in a hip hinge.
    public var toeTouch: Bool?
    /// 20 bodyweight squats without discomfort.
    public var squats: Bool?
    /// A 60 s plank without back tension.
    public var plank: Bool?
    /// A 10 minute walk without more symptoms.
    public var walk: Bool?

    public init(date: Day, passed: Bool, toeTouch: Bool? = nil, squats: Bool? = nil, plank: Bool? = nil, walk: Bool? = nil) {
        self.date = date
        self.passed = passed
        self.toeTouch = toeTouch
        self.squats = squats
        self.plank = plank
        self.walk = walk
    }

    /// A screen watched part by part: it passes when all four parts did (the one place that says so).
    public init(date: Day, toeTouch: Bool, squats: Bool, plank: Bool, walk: Bool) {
        self.init(
            date: date, passed: toeTouch && squats && plank && walk, toeTouch: toeTouch, squats: squats, plank: plank,
            walk: walk)
    }

    /// The parts as recorded, by their field names.
    public var parts: [(field: String, passed: Bool?)] {
        [("toeTouch", toeTouch), ("squats", squats), ("plank", plank), ("walk", walk)]
    }

    /// The first part that contradicts `passed`: a failed part under `passed: true`, or, under
    /// `passed: false`, `passed` itself when all four parts were recorded as passed.
    public var contradiction: (field: String, message: String)? {
        if passed, let failed = parts.first(where: { $0.passed == false }) {
            return (failed.field, "failed, so the screen cannot pass: each of its four parts must pass")
        }
        if !passed, parts.allSatisfy({ $0.passed == true }) {
            return ("passed", "is false while all four parts passed")
        }
        return nil
    }
}

extension MovementScreen {
    /// The four parts, by their field name, as a clinician reads them.
    public static let parts: [(field: String, title: String)] = [
        ("toeTouch", "Toe touch in a hip hinge, without pain"),
        ("squats", "20 bodyweight squats, without discomfort"),
        ("plank", "A 60 s plank, without back tension"),
        ("walk", "A 10-minute walk, without more symptoms"),
    ]

    /// A screen from the parts, by field name, that went without symptoms.
    public init(date: Day, passedParts: Set<String>) {
        self.init(
            date: date, toeTouch: passedParts.contains("toeTouch"), squats: passedParts.contains("squats"),
            plank: passedParts.contains("plank"), walk: passedParts.contains("walk"))
    }
}

/// A flag a clinician reviewed and cleared on a date; the same flag reported later opens again.
public struct Clearance: Codable, Sendable, Equatable {
    public var flag: RedFlag
    public var date: Day
    /// The clinician's name as the person reads it, and their account, which names them for good.
    public var by: String?
    public var byAccount: String?
    /// The outcome of the review, in the clinician's words, which the person sees.
    public var note: String?

    public init(flag: RedFlag, date: Day, by: String? = nil, note: String? = nil) {
        self.flag = flag
        self.date = date
        self.by = by
        self.note = note
    }
}

/// The intake: flags, likely pattern, previous working weights and any training log from before.
public struct Intake: Codable, Sendable, Equatable {
    public var date: Day
    public var flags: [RedFlag]
    public var pattern: PresentationPattern
    public var previousWorkingWeights: [WorkingWeight]
    /// Training logged before the back pain (imported or typed in), used to derive working weights.
    public var trainingHistory: [Workout]?
    /// Pain at intake, 0-10.
    public var pain: Int?
    /// Movements the person avoids, or positions that feel threatening (clinical model, section 3).
    public var avoids: [FearedMovement]
    /// When this episode of pain began, as the person remembers it.
    public var onset: PainOnset?

    public init(
        date: Day, flags: [RedFlag] = [], pattern: PresentationPattern, previousWorkingWeights: [WorkingWeight] = [],
        trainingHistory: [Workout]? = nil, pain: Int? = nil, avoids: [FearedMovement] = [], onset: PainOnset? = nil
    ) {
        self.date = date
        self.flags = flags
        self.pattern = pattern
        self.previousWorkingWeights = previousWorkingWeights
        self.trainingHistory = trainingHistory
        self.pain = pain
        self.avoids = avoids
        self.onset = onset
    }
}

/// When the pain started, in the bands that matter clinically: under two weeks (acute, seed 001's
/// "see a physiotherapist when it lasts beyond two weeks"), up to six and up to twelve weeks
/// (subacute), and longer (persistent).
public enum PainOnset: String, Codable, Sendable, CaseIterable {
    case underTwoWeeks = "under-2-weeks"
    case twoToSixWeeks = "2-6-weeks"
    case sixToTwelveWeeks = "6-12-weeks"
    case overTwelveWeeks = "over-12-weeks"

    /// As the person chooses it.
    public var title: String {
        switch self {
        case .underTwoWeeks: "In the last two weeks"
        case .twoToSixWeeks: "Two to six weeks ago"
        case .sixToTwelveWeeks: "Six to twelve weeks ago"
        case .overTwelveWeeks: "More than three months ago"
        }
    }

    /// As a clinician's summary writes it.
    public var summary: String {
        switch self {
        case .underTwoWeeks: "pain for under 2 weeks"
        case .twoToSixWeeks: "pain for 2-6 weeks"
        case .sixToTwelveWeeks: "pain for 6-12 weeks"
        case .overTwelveWeeks: "pain for over 12 weeks"
        }
    }
}

/// A movement or position a person avoids or finds threatening (seeds 002, 004). Each one comes
/// back through its own small graded-exposure ladder.
public enum FearedMovement: String, Codable, Sendable, CaseIterable {
    case bendingToFloor = "bending-to-floor"
    case liftingFromFloor = "lifting-from-floor"
    case twisting
    case sittingLong = "sitting-long"

    /// As a person would say it.
    public var title: String {
        switch self {
        case .bendingToFloor: "Bending down to the floor"
        case .liftingFromFloor: "Lifting something from the floor"
        case .twisting: "Twisting or turning"
        case .sittingLong: "Sitting for a long time"
        }
    }
}

/// A questionnaire as answered on a day (the API, described at /openapi.json), scored by the engine when it reads the case.
public struct QuestionnaireAnswers: Codable, Sendable, Equatable {
    public var instrument: Instrument
    public var date: Day
    /// As on the command line; `nil` for a missing ODI section.
    public var answers: [Int?]

    public init(instrument: Instrument, date: Day, answers: [Int?]) {
        self.instrument = instrument
        self.date = date
        self.answers = answers
    }
}

/// A clinician's change to the plan; the engine takes it as input.
public struct Override: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// `phase` holds the phase to use from `date`.
        case phase
        /// Replace `exercise` with `replacement`.
        case swap
        /// Prescribe `weight` for `exercise` from `date`.
        case load
        /// A note shown to the person.
        case note
    }

    public var kind: Kind
    public var date: Day
    /// The clinician's name as the person reads it, and their account, which names them for good.
    public var by: String?
    public var byAccount: String?
    public var phase: Phase?
    public var exercise: ExerciseID?
    public var replacement: ExerciseID?
    public var weight: Double?
    public var note: String?

    public init(
        kind: Kind, date: Day, by: String? = nil, phase: Phase? = nil, exercise: ExerciseID? = nil,
        replacement: ExerciseID? = nil, weight: Double? = nil, note: String? = nil
    ) {
        self.kind = kind
        self.date = date
        self.by = by
        self.phase = phase
        self.exercise = exercise
        self.replacement = replacement
        self.weight = weight
        self.note = note
    }
}

/// Everything the engine knows about one person (docs/case-format.md, "The case").
public struct Case: Codable, Sendable, Equatable {
    public var asOf: Day
    public var policy: ProgressionPolicy
    public var unit: WeightUnit
    /// The smallest total change of the load, in `unit` (2.5 kg or 5 lb when absent).
    public var plateIncrement: Double
    public var intake: Intake
    public var screens: [MovementScreen]
    public var clearances: [Clearance]
    public var workouts: [Workout]
    public var checkIns: [CheckIn]
    public var overrides: [Override]
    /// Kettlebells and dumbbells at hand; the usual gym's when absent.
    public var equipment: EquipmentAtHand?
    /// Questionnaires answered (STarT Back and TSK-11 shape the plan).
    public var questionnaires: [QuestionnaireAnswers]

    public init(
        asOf: Day, policy: ProgressionPolicy = .painMonitoring, unit: WeightUnit = .kg, plateIncrement: Double? = nil,
        intake: Intake, screens: [MovementScreen] = [], clearances: [Clearance] = [], workouts: [Workout] = [],
        checkIns: [CheckIn] = [], overrides: [Override] = [], equipment: EquipmentAtHand? = nil,
        questionnaires: [QuestionnaireAnswers] = []
    ) {
        self.asOf = asOf
        self.policy = policy
        self.unit = unit
        self.plateIncrement = plateIncrement ?? unit.defaultIncrement
        self.intake = intake
        self.screens = screens
        self.clearances = clearances
        self.workouts = workouts
        self.checkIns = checkIns
        self.overrides = overrides
        self.equipment = equipment
        self.questionnaires = questionnaires
    }

    enum CodingKeys: String, CodingKey {
        case asOf, policy, unit, plateIncrement, intake, screens, clearances, workouts, checkIns, overrides, equipment
        case questionnaires
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let unit = try c.decodeIfPresent(WeightUnit.self, forKey: .unit) ?? .kg
        self.init(
            asOf: try c.decode(Day.self, forKey: .asOf),
            policy: try c.decodeIfPresent(ProgressionPolicy.self, forKey: .policy) ?? .painMonitoring,
            unit: unit,
            plateIncrement: try c.decodeIfPresent(Double.self, forKey: .plateIncrement),
            intake: try c.decode(Intake.self, forKey: .intake),
            screens: try c.decodeIfPresent([MovementScreen].self, forKey: .screens) ?? [],
            clearances: try c.decodeIfPresent([Clearance].self, forKey: .clearances) ?? [],
            workouts: try c.decodeIfPresent([Workout].self, forKey: .workouts) ?? [],
            checkIns: try c.decodeIfPresent([CheckIn].self, forKey: .checkIns) ?? [],
            overrides: try c.decodeIfPresent([Override].self, forKey: .overrides) ?? [],
            equipment: try c.decodeIfPresent(EquipmentAtHand.self, forKey: .equipment),
            questionnaires: try c.decodeIfPresent([QuestionnaireAnswers].self, forKey: .questionnaires) ?? [])
    }
}
