// A supervisor's bookkeeping for one child: its spec, its phase and its history.

import Runtime

struct ChildRecord: Sendable {
    enum Phase: Sendable {
        /// Not running and not waiting to start.
        case stopped
        /// Waiting to (re)start. `restartReason` is nil for a first start (initial or `restartChild`).
        case pending(restartReason: String?)
        case running(ChildRun)
        case stopping(ChildRun)
    }

    var spec: ChildSpec
    var phase: Phase = .stopped
    var restarts = 0
    var lastReason: String?
    var lastGeneration: UInt64?
    var lastStartedAt: MonotonicInstant?
    /// Consecutive restarts, for the backoff delay.
    var backoffAttempt = 0

    init(spec: ChildSpec) {
        self.spec = spec
    }

    var id: String { spec.id }

    var state: ChildState {
        switch phase {
        case .stopped: .stopped
        case .pending: .restarting
        case .running: .running
        case .stopping: .stopping
        }
    }

    var run: ChildRun? {
        if case .running(let run) = phase { return run }
        return nil
    }

    var isPending: Bool {
        if case .pending = phase { return true }
        return false
    }
}
