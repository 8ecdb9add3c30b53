import LiftbackCore
import LiftbackStore
import Logging
import ServiceLifecycle
import Synchronization

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
    }

    public init(store: any Store, engine: Engine) {
        self.store = store
        self.engine = engine
    }

    public func entries(clinicianID: String, asOf: Day) async throws -> [Entry] {
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
            let keep = row.status.map { $0.asOf <= asOf } ?? true
            guard let status = try await refresh(patientID: row.account.id, asOf: asOf, keep: keep) else {
                entries.append(Entry(account: row.account, status: .stalled, reason: "The intake is not done yet."))
                continue
            }
            entries.append(
                Entry(
                    account: row.account, status: status.status, reason: status.reason, phase: status.phase,
                    disposition: status.disposition))
        }
        return entries.sorted { ($1.status, $0.account.name) < ($0.status, $1.account.name) }
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

/// Keeps caseload statuses fresh from the background: a second or so after a patient writes (or
/// after a bulk import or an upgrade), their status is recomputed, so the clinician's caseload is
/// one read rather than an engine run per patient who trained today.
///
/// Its work is bounded so that it never crowds out requests: at most `batch` patients a round, a
/// round a second, and a patient at most once in `gap` (someone logging set after set is refreshed
/// once, not after every set). A caseload read in between still recomputes any stale status itself.
public final class StatusRefresher: Service, Sendable {
    let caseload: CaseloadService
    let today: @Sendable () -> Day
    let logger: Logger
    let interval: Duration = .seconds(1)
    let batch: Int
    /// Five minutes: a refresh decodes the whole case, which for a long history is tens of milliseconds of a core.
    let gap: Duration = .seconds(300)
    private let refreshed = Mutex<[String: ContinuousClock.Instant]>([:])

    public init(caseload: CaseloadService, today: @escaping @Sendable () -> Day, logger: Logger, batch: Int = 10) {
        self.caseload = caseload
        self.today = today
        self.logger = logger
        self.batch = batch
    }

    /// Recomputes up to `batch` stale statuses not refreshed within `gap`; returns how many.
    @discardableResult
    public func refreshOnce(now: ContinuousClock.Instant = .now) async throws -> Int {
        let due = refreshed.withLock { refreshed in
            refreshed = refreshed.filter { now - $0.value < gap }
            return refreshed
        }
        let stale = try await caseload.store.patientsWithStaleStatus(limit: batch + due.count).filter { due[$0] == nil }
            .prefix(batch)
        let asOf = today()
        for patientID in stale {
            do {
                try await caseload.refresh(patientID: patientID, asOf: asOf)
            } catch {
                // One case that cannot be read must not hold up everyone after it; it is tried again after `gap`.
                logger.warning("the status of patient \(patientID) could not be refreshed: \(error)")
            }
            refreshed.withLock { $0[patientID] = now }
            await Task.yield()
        }
        return stale.count
    }

    public func run() async {
        await cancelWhenGracefulShutdown { [self] in
            while (try? await Task.sleep(for: interval)) != nil {
                do {
                    try await refreshOnce()
                } catch {
                    logger.warning("refreshing caseload statuses failed: \(error)")
                }
            }
        }
    }
}
