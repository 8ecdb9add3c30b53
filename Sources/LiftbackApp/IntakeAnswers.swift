import Foundation
import LiftbackCore

/// What the intake wizard has gathered so far, carried from step to step by the page; the service
/// checks each step's part and, at the end (or at a stop), saves it as one intake.
public struct IntakeAnswers: Codable, Sendable, Equatable {
    public var flags: [RedFlag] = []
    public var answers: [PatternAnswer] = []
    public var pain: Int?
    public var unit: WeightUnit = .kg
    public var weights: [WorkingWeight] = []
    public var startBack: [Int]?
    /// The Roland-Morris ticks so far (1 ticked, 0 not), kept when the person goes back a step.
    public var disability: [Int]?
    /// Movements avoided or feared (graded exposure brings each back).
    public var avoids: [FearedMovement]?
    /// The browser's time zone, so that the person's "today" is theirs.
    public var timeZone: String?
    /// When the pain began.
    public var onset: PainOnset?
    /// The age typed, carried between the wizard's steps in the person's own page; the intake keeps
    /// only whether it is over 50 (a weak flag).
    public var age: Int?

    public init() {}

    public var settings: PatientSettings { PatientSettings(unit: unit, timeZone: timeZone) }
}

extension CaseService {
    /// What the safety questions lead to: a stop ends the wizard at once, with the intake saved so
    /// that a clinician sees the flags.
    public func triage(_ flags: [RedFlag]) -> TriageResult { Triage.assess(flags) }

    /// A previous working weight checked against the core's limits in `unit`, as the intake will be.
    public func checkWorkingWeight(_ entry: WorkingWeight, unit: WeightUnit) throws(CaseError) {
        try entry.validate(unit: unit)
    }

    /// A questionnaire's answers checked by scoring them, as they will be scored when saved.
    public func checkAnswers(_ instrument: Instrument, _ answers: [Int?]) throws(InstrumentError) {
        _ = try instrument.score(answers)
    }

    /// Saves the wizard's intake, dated the person's today, and, when given, the STarT Back and
    /// Roland-Morris answers with it; everything is checked before anything is saved, so a tampered
    /// form stores nothing. Returns the intake's triage.
    @discardableResult
    public func completeIntake(_ gathered: IntakeAnswers, disability: [Int?]? = nil, patientID: String, by caller: Caller)
        async throws -> TriageResult
    {
        let day = today(for: gathered.settings)
        let questionnaires: [(Instrument, [Int?])] =
            disability.map { [(.startback, (gathered.startBack ?? []).map { $0 }), (.rmdq, $0)] } ?? []
        for (instrument, answers) in questionnaires { try checkAnswers(instrument, answers) }
        let overFifty = (gathered.age ?? 0) > 50
        let flags = gathered.flags.filter { $0 != .ageOver50 } + (overFifty ? [.ageOver50] : [])
        let intake = Intake(
            date: day, flags: flags, pattern: PatternAssessment.assess(Set(gathered.answers)).pattern,
            previousWorkingWeights: gathered.weights, pain: gathered.pain, avoids: gathered.avoids ?? [], onset: gathered.onset)
        let triage = try await saveIntake(intake, settings: gathered.settings, patientID: patientID, by: caller)
        for (instrument, answers) in questionnaires {
            try await addQuestionnaire(instrument, date: day, answers: answers, patientID: patientID, by: caller)
        }
        return triage
    }
}
