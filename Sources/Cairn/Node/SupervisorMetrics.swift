// Exports supervisor events as Prometheus metrics (restart counters, children by state).
import Prometheus
import Runtime
import Supervisors

struct SupervisorMetrics: SupervisorObserver {
    let registry: MetricsRegistry

    private static var restarts: MetricNameDescriptor {
        MetricNameDescriptor(
        namespace: "cairn", subsystem: "supervisor", metricName: "restarts", unitName: "total",
        helpText: "Restarts of a supervised child.")
    }
    private static var children: MetricNameDescriptor {
        MetricNameDescriptor(
        namespace: "cairn", subsystem: "supervisor", metricName: "children", unitName: "",
        helpText: "Children of a supervisor in each state.")
    }

    private static func label(_ supervisor: String) -> String {
        supervisor.isEmpty ? "root" : supervisor
    }

    func childRestarted(supervisor: String, child: String) {
        registry.prometheus.makeCounter(
            descriptor: Self.restarts,
            labels: [("supervisor", Self.label(supervisor)), ("child", child)]
        ).increment()
    }

    func childCountsChanged(supervisor: String, counts: ChildStateCounts) {
        for state in [ChildState.running, .restarting, .stopping, .stopped] {
            registry.prometheus.makeGauge(
                descriptor: Self.children,
                labels: [("supervisor", Self.label(supervisor)), ("state", "\(state)")]
            ).set(Double(counts[state]))
        }
    }
}
