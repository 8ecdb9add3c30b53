import LiftbackCore
import Logging
import Metrics
import ServiceLifecycle
import Synchronization

/// Keeps caseload statuses fresh from the background: a second or so after a patient writes (or
/// after a bulk import or an upgrade), their status is recomputed, so the clinician's caseload is
/// one read rather than an engine run per patient who trained today.
///
/// Its work is bounded so that it never crowds out requests: at most `batch` patients a round, a
/// round a second. A refresh reads the whole case (about a millisecond for a year of history,
/// docs/performance.md), so someone logging set after set is simply refreshed after each write,
/// at most once a second. Only a case that cannot be read waits, `retryAfter`, before it is tried
/// again. A caseload read in between still recomputes any stale status itself.
public final class StatusRefresher: Service, Sendable {
    let caseload: CaseloadService
    let today: @Sendable () -> Day
    let logger: Logger
    let interval: Duration = .seconds(1)
    let batch: Int
    /// How long a case that could not be read waits before it is tried again.
    let retryAfter: Duration = .seconds(300)
    private let failed = Mutex<[String: ContinuousClock.Instant]>([:])
    /// For whoever runs several instances (`/metrics`): statuses recomputed, and how many were still
    /// stale after the last pass (the refresher's lag, in patients).
    private let refreshedCount = Counter(label: "liftback_status_refreshed_total")
    private let staleLeft = Gauge(label: "liftback_status_stale_patients")

    public init(caseload: CaseloadService, today: @escaping @Sendable () -> Day, logger: Logger, batch: Int = 10) {
        self.caseload = caseload
        self.today = today
        self.logger = logger
        self.batch = batch
    }

    /// Recomputes up to `batch` stale statuses (past any that failed within `retryAfter`); returns how many. With
    /// several instances on one PostgreSQL, one of them does a pass at a time (`Store.asTheOnlyOne`),
    /// so the work is done once; the others' passes find it taken and do nothing.
    @discardableResult
    public func refreshOnce(now: ContinuousClock.Instant = .now) async throws -> Int {
        try await caseload.store.asTheOnlyOne(.statusRefresh) { [self] in try await pass(now: now) } ?? 0
    }

    private func pass(now: ContinuousClock.Instant) async throws -> Int {
        let waiting = failed.withLock { failed in
            failed = failed.filter { now - $0.value < retryAfter }
            return failed
        }
        let stale = try await caseload.store.patientsWithStaleStatus(limit: batch + waiting.count)
            .filter { waiting[$0] == nil }.prefix(batch)
        let asOf = today()
        for patientID in stale {
            do {
                try await caseload.refresh(patientID: patientID, asOf: asOf)
                refreshedCount.increment()
            } catch {
                // One case that cannot be read must not hold up everyone after it; it is tried again after `retryAfter`.
                logger.warning("the status of patient \(patientID) could not be refreshed: \(error)")
                failed.withLock { $0[patientID] = now }
            }
            await Task.yield()
        }
        staleLeft.record(stale.count < batch ? 0 : try await caseload.store.patientsWithStaleStatus(limit: 1_000).count)
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
