import GRDB
import Metrics
import Synchronization

/// Group commit: writes that arrive while a transaction is being committed wait, and go together
/// into the next one, each in a savepoint of its own. One durable commit (one sync of the log with
/// `synchronous=FULL`) then covers the whole batch, and each write is answered only once that
/// commit is on disk: logging is no longer held to one request per sync of the disk. A write that
/// fails rolls back its own savepoint and is answered with its error; the others commit.
final class GroupCommit: Sendable {
    private let pool: DatabasePool
    /// The most writes one transaction takes, so that a long queue still commits in steps.
    let batchLimit: Int
    private let state = Mutex(State())
    private let batchSize = Recorder(label: "liftback_commit_batch_size")

    private struct State {
        var pending: [Job] = []
        var committing = false
    }

    /// One write: runs inside the batch's transaction, and is answered after its commit.
    private struct Job: Sendable {
        let run: @Sendable (Database) -> @Sendable () -> Void
        let fail: @Sendable (any Error) -> Void
    }

    init(pool: DatabasePool, batchLimit: Int = 64) {
        self.pool = pool
        self.batchLimit = batchLimit
    }

    /// Runs `work` in the next transaction, in a savepoint, and returns once that transaction is committed.
    func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let job = Job(
                run: { db in
                    var outcome: Result<T, any Error>
                    do {
                        var value: T?
                        try db.inSavepoint {
                            value = try work(db)
                            return .commit
                        }
                        outcome = .success(value!)
                    } catch {
                        outcome = .failure(error)
                    }
                    let answer = outcome
                    return { continuation.resume(with: answer) }
                },
                fail: { continuation.resume(throwing: $0) })
            let start = state.withLock { state -> Bool in
                state.pending.append(job)
                guard !state.committing else { return false }
                state.committing = true
                return true
            }
            if start { Task { await self.drain() } }
        }
    }

    /// Commits batches until nothing waits.
    private func drain() async {
        while true {
            let batch = state.withLock { state -> [Job] in
                let batch = Array(state.pending.prefix(batchLimit))
                state.pending.removeFirst(batch.count)
                if batch.isEmpty { state.committing = false }
                return batch
            }
            guard !batch.isEmpty else { return }
            batchSize.record(batch.count)
            do {
                let answers = try await pool.write { db in batch.map { $0.run(db) } }
                for answer in answers { answer() }
            } catch {
                // The commit itself failed: nothing of the batch is on disk, and each write says so.
                for job in batch { job.fail(error) }
            }
        }
    }
}
