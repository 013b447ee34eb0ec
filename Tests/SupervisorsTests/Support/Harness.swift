// One test's world: a manual clock, captured logs, probe children, and supervisors running in tasks.

import Runtime
import TestSupport
import Supervisors
import Synchronization

final class CountingObserver: SupervisorObserver {
    private let state = Mutex<(restarts: [String], counts: [String: ChildStateCounts])>(([], [:]))

    func childRestarted(supervisor: String, child: String) {
        state.withLock { $0.restarts.append(supervisor.isEmpty ? child : supervisor + "." + child) }
    }

    func childCountsChanged(supervisor: String, counts: ChildStateCounts) {
        state.withLock { $0.counts[supervisor] = counts }
    }

    var restarts: [String] { state.withLock { $0.restarts } }

    func counts(_ supervisor: String) -> ChildStateCounts? {
        state.withLock { $0.counts[supervisor] }
    }
}

struct Harness {
    let clock = ManualTimeSource()
    let logs = LogCapture()
    let probe = Probe()
    let exits = Recorder<ChildExit>()
    let observer = CountingObserver()
    let generations = GenerationSource()

    var environment: SupervisorEnvironment {
        SupervisorEnvironment(timeSource: clock, timers: clock, generations: generations, observer: observer)
    }

    func supervisor(
        path: String = "",
        strategy: SupervisionStrategy = .oneForOne,
        intensity: RestartIntensity = RestartIntensity(),
        children: [ChildSpec]
    ) -> Supervisor {
        let exits = exits
        return Supervisor(
            path: path, strategy: strategy, intensity: intensity, children: children, environment: environment,
            logger: logs.logger, onChildEndedForGood: { exits.append($0) })
    }

    /// Runs `supervisor` in a task whose value is the error `run()` threw, or nil.
    func launch(_ supervisor: Supervisor) -> Task<(any Error)?, Never> {
        Task {
            do {
                try await supervisor.run()
                return nil
            } catch {
                return error
            }
        }
    }

    /// Waits until every id has been started at least `times` times.
    func waitForStarts(_ ids: [String], times: Int = 1) async -> Bool {
        await eventually { ids.allSatisfy { probe.startCount($0) >= times } }
    }
}

extension Supervisor {
    /// Returns once the supervisor has handled everything posted to it before this call: a
    /// request for a child that does not exist goes through the same queue as children's ends.
    func barrier() async {
        _ = try? await deleteChild("no-such-child")
    }
}
