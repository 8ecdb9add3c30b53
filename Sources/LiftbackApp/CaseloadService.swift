import LiftbackCore
import LiftbackStore

/// The caseload, shared by the API and the clinician's page: one read of cached statuses, the
/// engine rerun only for patients whose case changed since, so the cost does not grow with history.
public struct CaseloadService: Sendable {
    let store: any Store
    let engine: Engine

    public struct Entry: Sendable {
        public var account: Account
        public var status: CaseStatus
        public var reason: String
        public var phase: Phase?
        public var disposition: Disposition?
        /// The day of the latest logged session, `nil` before the first.
        public var lastSession: Day?
    }

    public init(store: any Store, engine: Engine) {
        self.store = store
        self.engine = engine
    }

    public func entries(clinicianID: String, asOf: Day) async throws -> [Entry] {
        var entries: [Entry] = []
        for row in try await store.caseload(clinicianID: clinicianID) {
            // A status holds for the case version and the day it was computed on: windows such as
            // severe pain's 48 hours or a check-in falling due end with the days, not with a write.
            if let cached = row.status, !row.stale, cached.asOf == asOf {
                entries.append(
                    Entry(
                        account: row.account, status: cached.status, reason: cached.reason, phase: cached.phase,
                        disposition: cached.disposition, lastSession: cached.lastTraining))
                continue
            }
            let keep = row.status.map { $0.asOf <= asOf } ?? true
            guard let status = try await refresh(patientID: row.account.id, asOf: asOf, keep: keep) else {
                entries.append(Entry(account: row.account, status: .stalled, reason: "The intake is not done yet."))
                continue
            }
            entries.append(
                Entry(
                    account: row.account, status: status.status, reason: status.reason, phase: status.phase,
                    disposition: status.disposition, lastSession: status.lastTraining))
        }
        // Most urgent first: an emergency before a flag that needs review, then by name.
        return entries.sorted {
            ($1.status, $1.disposition ?? .proceed, $0.account.name) < ($0.status, $0.disposition ?? .proceed, $1.account.name)
        }
    }

    /// Runs the engine on the patient's case as of `asOf` and, when `keep`, caches the status with
    /// the case version it came from; `nil` before the intake (or for a day before it).
    @discardableResult
    public func refresh(patientID: String, asOf: Day, keep: Bool = true) async throws -> StoredStatus? {
        // The version is read before the case, so a write landing in between leaves the saved status stale.
        guard let version = try await store.caseVersion(patientID: patientID),
            let data = try await store.caseData(patientID: patientID), asOf >= data.intake.date
        else { return nil }
        let prescription = engine.nextPrescription(for: data.asCase(asOf: asOf))
        let (status, reason) = CaseStatus.classify(prescription)
        let stored = StoredStatus(
            asOf: asOf, status: status, reason: reason, phase: prescription.phase, disposition: prescription.disposition,
            lastTraining: data.workouts.last?.workout.date, caseVersion: version)
        if keep { try await store.saveStatus(stored, patientID: patientID) }
        return stored
    }
}
