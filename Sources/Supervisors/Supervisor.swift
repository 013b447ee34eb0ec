// The supervisor actor: starts children in order, restarts them by strategy and intensity, stops them in reverse.

public import Logging
import Runtime
public import ServiceLifecycle

/// OTP's `supervisor` as a swift-service-lifecycle `Service`, so it can run in a `ServiceGroup`,
/// under `RootSupervisor`, or as a child (kind `supervisor`) of another supervisor.
///
/// `run()` starts the children in order, then handles one message at a time — a child's end, a
/// request, a timer — in arrival order, as an OTP process reads its mailbox; while it stops or
/// starts children for one message, others wait. Cancelling the task running `run()` (or a
/// graceful shutdown of its service group) stops the children in reverse start order and makes
/// `run()` return. When a restart would exceed the restart intensity, it stops the children the
/// same way and `run()` throws `SupervisorGaveUp`.
///
/// Initial start errors are not fatal as in OTP: the child is retried through the restart path,
/// so a child that keeps failing to start exhausts the intensity and the supervisor gives up;
/// children after it start only once it has. A supervisor runs once; to restart a subtree its
/// parent builds a new one from the factory.
///
/// Requests (`startChild`, `terminateChild`, …) are answered by the running loop: made before
/// `run()` begins they wait for it; made after the supervisor stopped they fail with
/// `SupervisorError.notRunning`.
public actor Supervisor: Service {
    /// Dotted path from the root ("" for the root): the `supervisor` key of its log lines.
    public nonisolated let path: String
    public nonisolated let strategy: SupervisionStrategy
    /// The limits it was made with; the live window is kept internally.
    public nonisolated let restartIntensity: RestartIntensity
    nonisolated let logger: Logger
    nonisolated let log: SupervisorLog
    nonisolated let mailbox = SupervisorMailbox()
    let environment: SupervisorEnvironment
    let onChildEndedForGood: (@Sendable (ChildExit) -> Void)?

    var intensity: RestartIntensity
    /// In start order.
    var children: [ChildRecord]
    var lifecycle = Lifecycle.idle
    var stopCause: StopCause?
    /// At most one pending backoff per child that failed.
    var backoffTimers: [String: any ScheduledTimer] = [:]
    var reportedCounts: ChildStateCounts?

    enum Lifecycle {
        case idle
        case running
        case stopped
    }

    enum StopCause {
        case shutdown
        case gaveUp(SupervisorGaveUp)
    }

    /// - Parameters:
    ///   - path: "" for the root; a nested supervisor passes its `ChildContext.path`.
    ///   - logger: labelled `supervisor` (the label is the lines' `component`).
    ///   - onChildEndedForGood: called on the supervisor's actor for each child that will not
    ///     be restarted (see `ChildExit`); keep it short.
    public init(
        path: String = "",
        strategy: SupervisionStrategy = .oneForOne,
        intensity: RestartIntensity = RestartIntensity(),
        children: [ChildSpec] = [],
        environment: SupervisorEnvironment = SupervisorEnvironment(),
        logger: Logger,
        onChildEndedForGood: (@Sendable (ChildExit) -> Void)? = nil
    ) {
        self.path = path
        self.strategy = strategy
        restartIntensity = RestartIntensity(intensity: intensity.intensity, period: intensity.period)
        self.intensity = restartIntensity
        self.children = children.map(ChildRecord.init)
        self.environment = environment
        self.logger = logger
        log = SupervisorLog(logger: logger, supervisor: path, intensity: intensity.intensity, period: intensity.period)
        self.onChildEndedForGood = onChildEndedForGood
    }

    public func run() async throws {
        guard case .idle = lifecycle else { throw SupervisorError.alreadyRunning(supervisor: path) }
        lifecycle = .running
        let mailbox = mailbox
        try await withTaskCancellationOrGracefulShutdownHandler {
            try await supervise()
        } onCancelOrGracefulShutdown: {
            mailbox.post(.shutdown)
        }
    }

    private func supervise() async throws {
        if let problem = problemWithInitialChildren() {
            finish()
            throw problem
        }
        for index in children.indices {
            children[index].phase = .pending(restartReason: nil)
        }
        await startPending(ids: children.map(\.id))
        reportCounts()
        while stopCause == nil {
            await handle(await mailbox.next())
            reportCounts()
        }
        for timer in backoffTimers.values {
            timer.cancel()
        }
        backoffTimers = [:]
        await stopAll()
        finish()
        if case .gaveUp(let gaveUp) = stopCause {
            throw gaveUp
        }
        log.emit(.shutdown, restarts: restartsNow)
    }

    private func handle(_ message: SupervisorMessage) async {
        switch message {
        case .shutdown:
            if stopCause == nil { stopCause = .shutdown }
        case .childEnded(let id, let generation):
            await childEnded(id: id, generation: generation)
        case .startPending(let ids):
            await startPending(ids: ids)
        case .retryStart(let id, let reason, let batch):
            guard let index = index(of: id), children[index].isPending else {
                // Terminated or deleted meanwhile: the children queued behind it still start.
                await startPending(ids: batch)
                return
            }
            await restart(id: id, reason: reason, escalation: nil, batch: batch)
        case .startChild(let spec, let reply):
            reply(await startDynamicChild(spec))
        case .restartChild(let id, let reply):
            reply(await restartStoppedChild(id))
        case .terminateChild(let id, let reply):
            reply(await terminate(id))
        case .deleteChild(let id, let reply):
            reply(delete(id))
        case .crashChild(let id, let reason, let reply):
            reply(await injectCrash(id, reason: reason))
        }
    }

    /// Marks the supervisor stopped: later requests fail, queued ones are refused, gauges drop to zero.
    private func finish() {
        lifecycle = .stopped
        for message in mailbox.close() {
            message.refuse(.notRunning(supervisor: path))
        }
        reportedCounts = ChildStateCounts()
        environment.observer?.childCountsChanged(supervisor: path, counts: ChildStateCounts())
    }

    private func problemWithInitialChildren() -> SupervisorError? {
        var seen: Set<String> = []
        for record in children {
            if let problem = ChildSpec.problem(withID: record.id) {
                return .invalidChildID(supervisor: path, child: record.id, problem: problem)
            }
            if !seen.insert(record.id).inserted {
                return .duplicateChildID(supervisor: path, child: record.id)
            }
        }
        return nil
    }

    // MARK: - Helpers shared by the extensions

    func index(of id: String) -> Int? {
        children.firstIndex { $0.id == id }
    }

    nonisolated func childPath(_ id: String) -> String {
        path.isEmpty ? id : path + "." + id
    }

    /// The `restarts` figure of log lines: restarts inside the intensity window now.
    var restartsNow: Int {
        intensity.restartsInWindow(at: environment.timeSource.now())
    }

    func reportCounts() {
        guard let observer = environment.observer else { return }
        var counts = ChildStateCounts()
        for record in children {
            counts[record.state] += 1
        }
        guard counts != reportedCounts else { return }
        reportedCounts = counts
        observer.childCountsChanged(supervisor: path, counts: counts)
    }

    func notifyEndedForGood(_ id: String, generation: UInt64?, restartType: RestartType, reason: ChildExitReason) {
        onChildEndedForGood?(
            ChildExit(supervisor: path, id: id, generation: generation, restartType: restartType, reason: reason))
    }
}
