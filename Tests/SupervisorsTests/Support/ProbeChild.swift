// A child service the test drives: told to crash or finish, and choosing how to answer cancellation.

import ServiceLifecycle
import Supervisors
import Synchronization

/// How a probe's `run()` answers its task being cancelled.
enum CancelAnswer: Sendable {
    /// The usual well-behaved child.
    case throwCancellation
    case returnNormally
    /// Ends with an unrelated error, which a supervisor reports as a failure while stopping.
    case throwError(String)
    /// Keeps running until the test sends `finish` or `crash`: a child the supervisor must abandon.
    case ignore
}

struct ProbeCrash: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

struct ProbeStartError: Error, CustomStringConvertible {
    let id: String
    var description: String { "probe \(id) refused to start" }
}

/// One run of a probe child, as the test sees it.
final class ProbeInstance: Sendable {
    enum Command: Sendable {
        case crash(String)
        case finish
        case cancelled
    }

    private struct State {
        var queued: [Command] = []
        var waiter: CheckedContinuation<Command, Never>?
        var ended = false
    }

    let id: String
    let path: String
    let generation: UInt64
    private let state = Mutex(State())

    init(id: String, path: String, generation: UInt64) {
        self.id = id
        self.path = path
        self.generation = generation
    }

    func crash(_ reason: String = "boom") { send(.crash(reason)) }
    func finish() { send(.finish) }

    var hasEnded: Bool { state.withLock { $0.ended } }

    func markEnded() { state.withLock { $0.ended = true } }

    func send(_ command: Command) {
        let waiter = state.withLock { state -> CheckedContinuation<Command, Never>? in
            guard let waiter = state.waiter else {
                state.queued.append(command)
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume(returning: command)
    }

    func next() async -> Command {
        await withCheckedContinuation { continuation in
            let ready = state.withLock { state -> Command? in
                guard !state.queued.isEmpty else {
                    state.waiter = continuation
                    return nil
                }
                return state.queued.removeFirst()
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }
}

struct ProbeService: Service {
    let instance: ProbeInstance
    let probe: Probe
    let onCancel: CancelAnswer

    func run() async throws {
        let instance = instance
        let command = await withTaskCancellationHandler {
            await instance.next()
        } onCancel: {
            instance.send(.cancelled)
        }
        try await handle(command)
    }

    private func handle(_ command: ProbeInstance.Command) async throws {
        switch command {
        case .crash(let reason):
            end("crash")
            throw ProbeCrash(reason: reason)
        case .finish:
            end("finish")
        case .cancelled:
            switch onCancel {
            case .throwCancellation:
                end("stop")
                throw CancellationError()
            case .returnNormally:
                end("stop")
            case .throwError(let reason):
                end("stop")
                throw ProbeCrash(reason: reason)
            case .ignore:
                probe.note("ignore \(instance.id)")
                try await handle(await instance.next())
            }
        }
    }

    private func end(_ how: String) {
        instance.markEnded()
        probe.note("\(how) \(instance.id)")
    }
}

/// Makes probe child specs and records every start and end, in order.
final class Probe: Sendable {
    private struct State {
        var instances: [ProbeInstance] = []
        var notes: [String] = []
        var startFailures: [String: Int] = [:]
    }

    private let state = Mutex(State())

    func spec(
        _ id: String,
        restart: RestartType = .permanent,
        shutdown: ShutdownPolicy? = nil,
        backoff: RestartBackoff? = nil,
        onCancel: CancelAnswer = .throwCancellation
    ) -> ChildSpec {
        ChildSpec(id: id, restart: restart, shutdown: shutdown, backoff: backoff) { [self] context in
            if takeStartFailure(id) {
                note("start-error \(id)")
                throw ProbeStartError(id: id)
            }
            let instance = ProbeInstance(id: id, path: context.path, generation: context.generation)
            register(instance)
            return ProbeService(instance: instance, probe: self, onCancel: onCancel)
        }
    }

    /// The next `times` starts of `id` throw; `Int.max` for always.
    func failStarts(_ id: String, times: Int) {
        state.withLock { $0.startFailures[id] = times }
    }

    func instances(_ id: String) -> [ProbeInstance] {
        state.withLock { $0.instances.filter { $0.id == id } }
    }

    func current(_ id: String) -> ProbeInstance? {
        instances(id).last
    }

    func startCount(_ id: String) -> Int {
        instances(id).count
    }

    /// `start a`, `stop a`, `crash a`, `finish a`, `ignore a`, `start-error a`, in the order they happened.
    var notes: [String] {
        state.withLock { $0.notes }
    }

    func note(_ text: String) {
        state.withLock { $0.notes.append(text) }
    }

    private func register(_ instance: ProbeInstance) {
        state.withLock { state in
            state.instances.append(instance)
            state.notes.append("start \(instance.id)")
        }
    }

    private func takeStartFailure(_ id: String) -> Bool {
        state.withLock { state in
            guard let remaining = state.startFailures[id], remaining > 0 else { return false }
            if remaining != .max { state.startFailures[id] = remaining - 1 }
            return true
        }
    }
}
