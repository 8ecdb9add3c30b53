import Foundation
import LiftbackApp
import LiftbackCore
import LiftbackSQLite
import LiftbackStore

/// Seeds an SQLite database for load tests: one clinician and `patients` patients, each with
/// `weeks` weeks of history produced through the engine (three sessions and check-ins a week).
public enum LoadSeed {
    public static let clinicianEmail = "load-clinician@liftback.test"
    public static let password = "load-test-password"

    public static func seed(
        path: String, patients: Int, weeks: Int, today: Day, engine: Engine, progress: (String) -> Void
    ) async throws {
        let store = try SQLiteStore(path: path)
        let hash = Passwords.hashSync(password, cost: 4)
        let clinician = try await store.createAccount(
            email: clinicianEmail, passwordHash: hash, name: "Load Clinician", role: .clinician, at: Date())
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
            if batch.count == 100 || index == patients - 1 {
                try await store.importPatients(batch, clinicianID: clinician.id)
                // Every copy shares one history, so one engine run gives each its caseload status.
                for patient in batch { try await store.saveStatus(cached, patientID: patient.account.id) }
                batch.removeAll()
                progress("  \(index + 1) of \(patients)")
            }
        }
    }
}
