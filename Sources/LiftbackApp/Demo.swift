import Foundation
import LiftbackCore
import LiftbackStore

/// `liftback serve --demo`: a demo clinician and a handful of patients whose weeks of history were
/// produced by following the engine's own prescriptions: some on track, one flaring, one
/// red-flagged, one stalled.
public enum Demo {
    public static let password = "liftback-demo"
    public static let clinicianEmail = "clinician@demo.liftback.test"

    public struct Persona: Sendable {
        var name: String
        var email: String
        var pattern: PresentationPattern
        var unit: WeightUnit
        var policy: ProgressionPolicy
        var deadlift: Double
        /// Pain during a session, by how many sessions from the end it is (0 = the last).
        var pain: @Sendable (_ fromEnd: Int) -> Int
        /// How many days before today the last session was.
        var lastSessionDaysAgo: Int
        var flagDaysAgo: Int?
    }

    public static let personas: [Persona] = [
        Persona(
            name: "Alex Morgan", email: "alex@demo.liftback.test", pattern: .muscular, unit: .kg, policy: .painMonitoring,
            deadlift: 140, pain: { _ in 2 }, lastSessionDaysAgo: 1, flagDaysAgo: nil),
        Persona(
            name: "Bea Santos", email: "bea@demo.liftback.test", pattern: .nonSpecific, unit: .kg, policy: .painMonitoring,
            deadlift: 100, pain: { $0 < 3 ? 6 - $0 : 2 }, lastSessionDaysAgo: 1, flagDaysAgo: nil),
        Persona(
            name: "Cal Nguyen", email: "cal@demo.liftback.test", pattern: .discRelated, unit: .lb, policy: .painFree,
            deadlift: 315, pain: { _ in 0 }, lastSessionDaysAgo: 3, flagDaysAgo: 1),
        Persona(
            name: "Dee Okafor", email: "dee@demo.liftback.test", pattern: .muscular, unit: .kg, policy: .painMonitoring,
            deadlift: 120, pain: { _ in 3 }, lastSessionDaysAgo: 20, flagDaysAgo: nil),
        Persona(
            name: "Eli Berg", email: "eli@demo.liftback.test", pattern: .muscular, unit: .lb, policy: .painMonitoring,
            deadlift: 405, pain: { _ in 1 }, lastSessionDaysAgo: 2, flagDaysAgo: nil),
    ]

    /// Seeds the demo once (nothing happens if the demo clinician exists) and returns how to sign in.
    public static func seed(_ store: any Store, today: Day, passwordCost: UInt8 = 10, engine: Engine) async throws
        -> [String]
    {
        let instructions =
            [
                "Demo accounts (password \(password)):",
                "  clinician: \(clinicianEmail)",
            ] + personas.map { "  patient:   \($0.email) (\($0.name))" }
        if try await store.credentials(email: clinicianEmail) != nil { return instructions }
        let hash = await Task.detached { Passwords.hashSync(password, cost: passwordCost) }.value
        let clinician = try await store.createAccount(
            email: clinicianEmail, passwordHash: hash, name: "Dr Demo Physio", role: .clinician, at: Date())
        for persona in personas {
            let patient = try await store.createAccount(
                email: persona.email, passwordHash: hash, name: persona.name, role: .patient, at: Date())
            let code = InviteCode.generate()  // random in every database, and used up at once
            try await store.createInvite(code: code, clinicianID: clinician.id, at: Date())
            _ = try await store.acceptInvite(code: code, patientID: patient.id, createdAfter: .distantPast)
            try await seedHistory(persona, patientID: patient.id, store: store, today: today, engine: engine)
        }
        return instructions
    }

    /// A persona's history, produced by following the engine's prescriptions three days a week.
    public static func history(_ persona: Persona, today: Day, weeks: Int = 8, engine: Engine) -> CaseData {
        let lastSession = today.adding(days: -persona.lastSessionDaysAgo)
        let intakeDay = today.adding(days: -7 * weeks)
        let intake = Intake(
            date: intakeDay, pattern: persona.pattern,
            previousWorkingWeights: [WorkingWeight(exercise: "conventional-deadlift", weight: persona.deadlift, reps: 5)], pain: 5
        )
        var data = CaseData(settings: PatientSettings(policy: persona.policy, unit: persona.unit), intake: intake)
        var c = data.asCase(asOf: intakeDay)
        var days: [Day] = []
        var day = intakeDay.adding(days: 1)
        while day <= lastSession {
            if [1, 3, 5].contains(day.isoWeekday) || day == lastSession { days.append(day) }
            day = day.adding(days: 1)
        }
        for (index, date) in days.enumerated() {
            c.asOf = date
            let prescription = engine.nextPrescription(for: c)
            let pain = persona.pain(days.count - 1 - index)
            let fallback: Double? = persona.unit == .kg ? 10 : 25
            let logged = prescription.exercises.filter { $0.decision != .stop }.map { line in
                let loaded = engine.catalog[line.exercise]?.loaded == true && prescription.phase.loadsLifts
                let set = line.setAsPrescribed(weight: line.weight ?? (loaded ? fallback : nil), pain: pain)
                return LoggedExercise(exercise: line.exercise, sets: Array(repeating: set, count: line.sets))
            }
            let isLast = index == days.count - 1
            let workout = Workout(
                date: date, exercises: logged, painDuring: pain, painAfter: max(0, pain - 1),
                nextDay: isLast && date >= today.adding(days: -1) ? nil : (pain > 5 ? .worse : .settled))
            c.workouts.append(workout)
            data.workouts.append(StoredWorkout(id: Int64(index), workout: workout))
            let checkIn = CheckIn(date: date.adding(days: 1), pain: max(0, pain - 1), stiffnessMinutes: 10)
            if checkIn.date <= today {
                c.checkIns.append(checkIn)
                data.checkIns.append(checkIn)
            }
        }
        return data
    }

    static func seedHistory(_ persona: Persona, patientID: String, store: any Store, today: Day, engine: Engine) async throws {
        let data = history(persona, today: today, engine: engine)
        try await store.saveIntake(data.intake, settings: data.settings, patientID: patientID)
        for stored in data.workouts {
            _ = try await store.addWorkout(stored.workout, patientID: patientID) { settings in
                try EntryValidation.workout(stored.workout, unit: settings.unit, catalog: engine.catalog)
            }
        }
        for checkIn in data.checkIns { try await store.addCheckIn(checkIn, patientID: patientID) }
        if let flagDaysAgo = persona.flagDaysAgo {
            try await store.addCheckIn(
                CheckIn(date: today.adding(days: -flagDaysAgo), pain: 4, flags: [.numbnessTingling]), patientID: patientID)
        }
        for (offset, answers) in [(-56, [1, 1, 0, 1, 1, 0, 1, 0, 3]), (-14, [0, 0, 0, 1, 0, 0, 0, 0, 1])] {
            let score = try Instrument.startback.score(answers)
            _ = try await store.addQuestionnaire(
                QuestionnaireRecord(date: today.adding(days: offset), answers: answers, score: score), patientID: patientID)
        }
    }
}
