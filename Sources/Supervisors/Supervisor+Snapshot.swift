// A supervisor's subtree as values: what `whichChildren` and the admin `tree` command report.

import Runtime

extension Supervisor {
    /// This supervisor and, through running supervisor children, its whole subtree. Each
    /// supervisor answers for itself between the steps of its loop, so a subtree that is
    /// restarting may show children mid-restart.
    public func snapshot() async -> SupervisorSnapshot {
        let now = environment.timeSource.now()
        var snapshots: [ChildSnapshot] = []
        for record in children {
            let run = record.run
            var nested: SupervisorSnapshot?
            if let supervisor = run?.service as? Supervisor {
                nested = await supervisor.snapshot()
            }
            snapshots.append(ChildSnapshot(
                id: record.id, path: childPath(record.id), state: record.state, kind: record.spec.kind,
                restartType: record.spec.restart, restarts: record.restarts, lastReason: record.lastReason,
                generation: record.lastGeneration, startedAtNanoseconds: record.lastStartedAt?.nanoseconds,
                uptimeSeconds: run.map { Self.seconds(now.duration(since: $0.startedAt)) }, supervisor: nested))
        }
        return SupervisorSnapshot(
            path: path, strategy: strategy, intensity: intensity.intensity,
            periodSeconds: Self.seconds(intensity.period), restarts: intensity.restartsInWindow(at: now),
            children: snapshots)
    }

    /// The children, in start order (OTP's `which_children`, with more detail).
    public func whichChildren() async -> [ChildSnapshot] {
        await snapshot().children
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.nanosecondsSaturated) / 1e9
    }
}
