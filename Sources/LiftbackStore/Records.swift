import Foundation
import LiftbackCore

/// Who an account belongs to.
public enum Role: String, Codable, Sendable, CaseIterable {
    case patient, clinician
}

/// A signed-up person. The password hash never leaves the store except for sign-in.
public struct Account: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var email: String
    public var name: String
    public var role: Role
    public var createdAt: Date

    public init(id: String, email: String, name: String, role: Role, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.createdAt = createdAt
    }
}

/// What a token opens: the JSON API (a bearer token) or the pages (a session cookie). One kind is
/// never accepted as the other.
public enum TokenKind: String, Codable, Sendable, CaseIterable {
    case bearer, session
    /// A one-time link to set a password: a new clinician's first, or a reset.
    case setPassword = "set-password"
    /// A personal calendar feed's secret address: read-only, for the person's planned sessions.
    case calendar
}

/// A stored token (by its hash) with whose it is and when it ends.
public struct StoredToken: Sendable, Equatable {
    public var account: Account
    public var kind: TokenKind
    public var createdAt: Date
    public var expiresAt: Date
    public var lastUsedAt: Date

    public init(account: Account, kind: TokenKind, createdAt: Date, expiresAt: Date, lastUsedAt: Date) {
        self.account = account
        self.kind = kind
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastUsedAt = lastUsedAt
    }
}

/// The case settings a patient (or their clinician) chooses.
public struct PatientSettings: Codable, Sendable, Equatable {
    public var policy: ProgressionPolicy
    public var unit: WeightUnit
    public var plateIncrement: Double
    /// The person's time zone (an IANA name such as `Europe/Oslo`), so that their "today" is theirs.
    public var timeZone: String?
    /// The kettlebells and dumbbells the person has, in `unit`; a usual gym's when absent.
    public var equipment: EquipmentAtHand?

    public init(
        policy: ProgressionPolicy = .painMonitoring, unit: WeightUnit = .kg, plateIncrement: Double? = nil,
        timeZone: String? = nil, equipment: EquipmentAtHand? = nil
    ) {
        self.policy = policy
        self.unit = unit
        self.plateIncrement = plateIncrement ?? unit.defaultIncrement
        self.timeZone = timeZone
        self.equipment = equipment
    }
}

/// A scored questionnaire as stored.
public struct QuestionnaireRecord: Codable, Sendable, Equatable {
    public var id: Int64
    public var date: Day
    public var answers: [Int?]
    public var score: InstrumentScore

    public init(id: Int64 = 0, date: Day, answers: [Int?], score: InstrumentScore) {
        self.id = id
        self.date = date
        self.answers = answers
        self.score = score
    }
}

/// A stored workout with its identifier, so the next-day answer can be added later.
public struct StoredWorkout: Codable, Sendable, Equatable {
    public var id: Int64
    public var workout: Workout

    public init(id: Int64, workout: Workout) {
        self.id = id
        self.workout = workout
    }
}

/// Everything stored for one patient: a case without its `asOf`.
public struct CaseData: Sendable, Equatable {
    public var settings: PatientSettings
    public var intake: Intake
    public var workouts: [StoredWorkout]
    public var checkIns: [CheckIn]
    public var screens: [MovementScreen]
    public var clearances: [Clearance]
    public var overrides: [Override]
    /// Questionnaires as answered: the engine reads the latest TSK-11 and STarT Back.
    public var questionnaires: [QuestionnaireAnswers]

    public init(
        settings: PatientSettings, intake: Intake, workouts: [StoredWorkout] = [], checkIns: [CheckIn] = [],
        screens: [MovementScreen] = [], clearances: [Clearance] = [], overrides: [Override] = [],
        questionnaires: [QuestionnaireAnswers] = []
    ) {
        self.settings = settings
        self.intake = intake
        self.workouts = workouts
        self.checkIns = checkIns
        self.screens = screens
        self.clearances = clearances
        self.overrides = overrides
        self.questionnaires = questionnaires
    }

    /// Clearances as they stand against reports written after them (`Clearance.reopened`, in the core).
    mutating func reopenClearances(clearanceOrder: [Int64], reports: [FlagReport]) {
        clearances = Clearance.reopened(clearances, written: clearanceOrder, reports: reports)
    }

    /// The engine's case as of a day.
    public func asCase(asOf: Day) -> Case {
        Case(
            asOf: asOf, policy: settings.policy, unit: settings.unit, plateIncrement: settings.plateIncrement, intake: intake,
            screens: screens, clearances: clearances, workouts: workouts.map(\.workout), checkIns: checkIns, overrides: overrides,
            equipment: settings.equipment, questionnaires: questionnaires)
    }
}

/// A patient's latest status as the caseload shows it, computed by the engine after a write.
public struct StoredStatus: Codable, Sendable, Equatable {
    public var asOf: Day
    public var status: CaseStatus
    public var reason: String
    public var phase: Phase?
    public var disposition: Disposition
    /// The last day a session was logged, so the caseload can age the status without rereading the history.
    public var lastTraining: Day?
    /// The case version the status was computed from; a later write makes it stale.
    public var caseVersion: Int64

    public init(
        asOf: Day, status: CaseStatus, reason: String, phase: Phase?, disposition: Disposition, lastTraining: Day?,
        caseVersion: Int64
    ) {
        self.asOf = asOf
        self.status = status
        self.reason = reason
        self.phase = phase
        self.disposition = disposition
        self.lastTraining = lastTraining
        self.caseVersion = caseVersion
    }
}

/// One linked patient for the caseload: the account, the cached status if any, and whether a write
/// since made it stale (its case version moved on).
public struct CaseloadRow: Sendable, Equatable {
    public var account: Account
    public var status: StoredStatus?
    public var stale: Bool

    public init(account: Account, status: StoredStatus?, stale: Bool) {
        self.account = account
        self.status = status
        self.stale = stale
    }
}

/// What can go wrong in a store, beyond I/O.
public enum StoreError: Error, Equatable, Sendable {
    /// An account with this email already exists.
    case emailTaken
    /// The patient has no intake yet, so nothing can be logged against a case.
    case noIntake
    /// The case's settings kept changing while an entry was being saved; nothing was saved.
    case busy
    /// The idempotency key was already used for a different entry; nothing was saved.
    case keyReused
}
