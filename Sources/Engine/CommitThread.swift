// Group commit (DESIGN §3, §6): one thread syncs the WAL for every write that waits on it.
import Dispatch
import Foundation
import Synchronization

/// Writers write their batches unsynced, then wait here for the sequence their write returned.
/// The thread takes every waiter queued so far, syncs the WAL once — which covers all of them,
/// since each write returned before its waiter was queued — and resumes them together. So a
/// pipeline, or many connections at once, share one fsync, and no fsync runs on a loop thread.
public final class CommitThread: Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case notRunning
        case syncFailed(String)

        public var description: String {
            switch self {
            case .notRunning: "the commit thread is not running"
            case .syncFailed(let reason): "WAL sync failed: \(reason)"
            }
        }
    }

    private struct Waiter {
        let sequence: UInt64
        let continuation: CheckedContinuation<Void, any Error>
    }

    private struct PendingWrite {
        let batch: WriteBatch
        let continuation: CheckedContinuation<UInt64, any Error>
    }

    private struct State {
        var waiters: [Waiter] = []
        var writes: [PendingWrite] = []
        var running = false
        var stopping = false
        var syncs: UInt64 = 0
        var threadWrites: UInt64 = 0
    }

    private let engine: any StorageEngine
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)

    public init(engine: any StorageEngine) {
        self.engine = engine
    }

    /// How many WAL syncs the thread has performed.
    public var syncCount: UInt64 { state.withLock { $0.syncs } }

    /// Starts the thread; a second call while it runs does nothing.
    public func start() {
        let alreadyRunning = state.withLock { state in
            defer { state.running = true; state.stopping = false }
            return state.running
        }
        guard !alreadyRunning else { return }
        let thread = Thread { [self] in runLoop() }
        thread.name = "cairn-commit"
        thread.start()
    }

    /// Fails every waiter still queued and ends the thread.
    public func stop() {
        state.withLock { $0.stopping = true }
        wake.signal()
    }

    /// Returns once a WAL sync covers `sequence`.
    public func waitUntilDurable(_ sequence: UInt64) async throws {
        if engine.syncedSequence >= sequence { return }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let accepted = state.withLock { state in
                guard state.running, !state.stopping else { return false }
                state.waiters.append(Waiter(sequence: sequence, continuation: continuation))
                return true
            }
            if accepted {
                wake.signal()
            } else {
                continuation.resume(throwing: Failure.notRunning)
            }
        }
    }

    /// Writes `batch` without blocking the calling thread: first with `noSlowdown`, on the
    /// caller's thread (the usual case, microseconds); if the engine refuses it because it is
    /// stalling writes, the batch goes to this thread, which writes it with default options
    /// (waiting out the stall) and resumes the caller with its sequence (DESIGN §6a). Either
    /// way the batch is applied whole, once.
    ///
    /// The caller must not write anything that depends on this batch (in particular, apply a
    /// later entry of the same region) before this returns: a region awaits it in order.
    public func write(_ batch: WriteBatch) async throws -> UInt64 {
        do {
            return try engine.write(batch, options: WriteOptions(noSlowdown: true))
        } catch EngineError.writeStalled {
            return try await writeOnThread(batch)
        }
    }

    /// Writes `batch` on this thread with default options (which may block while the engine
    /// stalls writes), and returns its sequence.
    public func writeOnThread(_ batch: WriteBatch) async throws -> UInt64 {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<UInt64, any Error>) in
            let accepted = state.withLock { state in
                guard state.running, !state.stopping else { return false }
                state.writes.append(PendingWrite(batch: batch, continuation: continuation))
                return true
            }
            if accepted {
                wake.signal()
            } else {
                continuation.resume(throwing: Failure.notRunning)
            }
        }
    }

    /// How many batches this thread has written (`writeOnThread`, and `write` calls the engine
    /// refused during a stall).
    public var threadWriteCount: UInt64 { state.withLock { $0.threadWrites } }

    private func runLoop() {
        while true {
            wake.wait()
            let (waiters, writes, stopping) = state.withLock { state in
                defer { state.waiters.removeAll(); state.writes.removeAll() }
                return (state.waiters, state.writes, state.stopping)
            }
            if stopping {
                state.withLock { $0.running = false }
                for write in writes { write.continuation.resume(throwing: Failure.notRunning) }
                for waiter in waiters { waiter.continuation.resume(throwing: Failure.notRunning) }
                // Waiters that raced in after the flag flipped were refused by `waitUntilDurable`.
                return
            }
            // Writes first, in the order they came: a waiter queued after a write it follows
            // is then covered by the sync below.
            for write in writes {
                do {
                    let sequence = try engine.write(write.batch)
                    state.withLock { $0.threadWrites &+= 1 }
                    write.continuation.resume(returning: sequence)
                } catch {
                    write.continuation.resume(throwing: error)
                }
            }
            guard !waiters.isEmpty else { continue }
            do {
                if waiters.contains(where: { $0.sequence > engine.syncedSequence }) {
                    try engine.syncWAL()
                    state.withLock { $0.syncs &+= 1 }
                }
                for waiter in waiters { waiter.continuation.resume() }
            } catch {
                for waiter in waiters { waiter.continuation.resume(throwing: Failure.syncFailed("\(error)")) }
            }
        }
    }
}
