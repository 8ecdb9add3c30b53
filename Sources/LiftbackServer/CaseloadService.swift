import LiftbackCore
import LiftbackStore

/// The caseload, shared by the API and the clinician's page: one read of cached statuses, the
/// engine rerun only for patients whose case changed since, so the cost does not grow with history.
struct CaseloadService {
    let store: any Store
    let engine: Engine

    struct Entry {
        var account: Account
        var status: CaseStatus
        var reason: String
        var phase: Phase?
        var disposition: Disposition?
    }

    func entries(clinicianID: String, asOf: Day) async throws -> [Entry] {
        var entries: [Entry] = []
        for row in try await store.caseload(clinicianID: clinicianID) {
            if let cached = row.status, !row.stale, cached.asOf <= asOf {
                let (status, reason) = CaseStatus.aged(
                    cached.status, reason: cached.reason, computedOn: cached.asOf, lastTraining: cached.lastTraining, asOf: asOf)
                entries.append(
                    Entry(
                        account: row.account, status: status, reason: reason, phase: cached.phase, disposition: cached.disposition
                    ))
                continue
            }
            // The version is read before the case, so a write landing in between leaves the saved status stale.
            let version = try await store.caseVersion(patientID: row.account.id)
            guard let version, let data = try await store.caseData(patientID: row.account.id), asOf >= data.intake.date else {
                entries.append(Entry(account: row.account, status: .stalled, reason: "The intake is not done yet."))
                continue
            }
            let prescription = engine.nextPrescription(for: data.asCase(asOf: asOf))
            let (status, reason) = CaseStatus.classify(prescription)
            if row.status.map({ $0.asOf <= asOf }) ?? true {
                try await store.saveStatus(
                    StoredStatus(
                        asOf: asOf, status: status, reason: reason, phase: prescription.phase,
                        disposition: prescription.disposition,
                        lastTraining: data.workouts.last?.workout.date, caseVersion: version),
                    patientID: row.account.id)
            }
            entries.append(
                Entry(
                    account: row.account, status: status, reason: reason, phase: prescription.phase,
                    disposition: prescription.disposition))
        }
        return entries.sorted { ($1.status, $0.account.name) < ($0.status, $1.account.name) }
    }
}
