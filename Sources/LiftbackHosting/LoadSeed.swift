import Foundation
import LiftbackApp
import LiftbackCore
import LiftbackPostgres
import LiftbackSQLite
import LiftbackStore

/// A store that takes many patients at once.
protocol PatientImporting: Store {
    func importPatients(_ patients: [(account: Account, passwordHash: String, data: CaseData)], clinicianID: String?)
        async throws
}
extension SQLiteStore: PatientImporting {}
extension PostgresStore: PatientImporting {}

/// Seeds a database for load tests (an SQLite file, or an empty PostgreSQL database by its URL):
/// clinicians and `patients` patients, each with `weeks` weeks of history produced through the
/// engine (three sessions and check-ins a week).
public enum LoadSeed {
    public static let clinicianEmail = "load-clinician@liftback.test"
    public static let password = "load-test-password"

    /// - Parameter perClinician: patients on each clinician's caseload (clinician 0 is
    ///   `clinicianEmail`, the next `load-clinician1@liftback.test`...); all on one when `nil`.
    public static func seed(
        path: String, patients: Int, weeks: Int, today: Day, engine: Engine, perClinician: Int? = nil,
        progress: (String) -> Void
    ) async throws {
        guard Services.isPostgres(path) else {
            return try await seed(
                into: try SQLiteStore(path: path), patients: patients, weeks: weeks, today: today, engine: engine,
                perClinician: perClinician, progress: progress)
        }
        let store = try PostgresStore(url: path)
        let pool = Task { await store.run() }
        defer { pool.cancel() }
        try await store.migrate()
        try await seed(
            into: store, patients: patients, weeks: weeks, today: today, engine: engine, perClinician: perClinician,
            progress: progress)
    }

    static func seed(
        into store: some PatientImporting, patients: Int, weeks: Int, today: Day, engine: Engine, perClinician: Int?,
        progress: (String) -> Void
    ) async throws {
        let hash = Passwords.hashSync(password, cost: 4)
        let perClinician = perClinician ?? patients
        var clinicians: [Account] = []
        for index in 0..<max(1, (patients + perClinician - 1) / perClinician) {
            clinicians.append(
                try await store.createAccount(
                    email: index == 0 ? clinicianEmail : "load-clinician\(index)@liftback.test", passwordHash: hash,
                    name: "Load Clinician \(index)", role: .clinician, at: Date()))
        }
        progress("Generating \(weeks) weeks of history through the engine...")
        let history = Demo.history(Demo.personas[0], today: today, weeks: weeks, engine: engine)
        progress(
            "\(history.workouts.count) sessions and \(history.checkIns.count) check-ins per patient; importing \(patients) patients..."
        )
        let prescription = engine.nextPrescription(for: history.asCase(asOf: today))
        let (status, reason) = CaseStatus.classify(prescription)
        let cached = StoredStatus(
            asOf: today, status: status, reason: reason, phase: prescription.phase, disposition: prescription.disposition,
            lastTraining: history.workouts.last?.workout.date, caseVersion: 0)
        var batch: [(account: Account, passwordHash: String, data: CaseData)] = []
        for index in 0..<patients {
            let account = Account(
                id: UUID().uuidString.lowercased(), email: "patient\(index)@liftback.test", name: "Patient \(index)",
                role: .patient,
                createdAt: Date())
            batch.append((account, hash, history))
            // A batch never spans two caseloads.
            if batch.count == 100 || index == patients - 1 || (index + 1) % perClinician == 0 {
                try await store.importPatients(batch, clinicianID: clinicians[index / perClinician].id)
                // Every copy shares one history, so one engine run gives each its caseload status.
                for patient in batch { try await store.saveStatus(cached, patientID: patient.account.id) }
                batch.removeAll()
                progress("  \(index + 1) of \(patients)")
            }
        }
    }
}
