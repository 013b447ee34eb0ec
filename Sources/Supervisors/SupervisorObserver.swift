// Hooks through which a metrics exporter follows supervisors, without this module knowing metrics.

/// Called on the supervisor's actor, synchronously: keep it short and non-blocking. Meant for
/// `cairn_supervisor_restarts_total{supervisor,child}` and `cairn_supervisor_children{supervisor,state}`.
public protocol SupervisorObserver: Sendable {
    /// `child` of the supervisor at path `supervisor` was started again (by its own end or by
    /// its strategy taking it down with a sibling).
    func childRestarted(supervisor: String, child: String)

    /// How many children are in each state, after any change. A supervisor that has stopped
    /// reports all zeros, so gauges for a vanished subtree drop to zero.
    func childCountsChanged(supervisor: String, counts: ChildStateCounts)
}
