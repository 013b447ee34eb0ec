// Exports the RESP server's commands and connections as Prometheus metrics.
import Prometheus
import Runtime
import Store
import Synchronization

/// What `CommandStatistics` feeds besides INFO:
/// - `cairn_commands_total{command}`: calls, error replies included;
/// - `cairn_command_errors_total{command}`: calls answered with an error (unknown, arity,
///   NOAUTH, WRONGTYPE, …), made the first time a command fails;
/// - `cairn_command_duration_seconds{command}`: a histogram of each call's time, from the
///   session taking the request to its reply being ready (a data command's wait for its
///   region included, the WAL sync wait not);
/// - `cairn_connections_total`, `cairn_connections_rejected_total` (refused at `resp.max-clients`);
/// - `cairn_connections`: clients connected now, set from the client registry on each scrape.
///
/// The `command` label is the name INFO commandstats uses (`get`, `client|list`); a word the
/// command table does not know is labelled `unknown`, so clients cannot create series.
/// Handles are made once per command name and cached by `CommandStatistics`.
final class ServerMetrics: ServerMetricsSink {
    let registry: MetricsRegistry
    /// The table whose names are labels; set once the table exists (it is built with the
    /// server context this sink belongs to), before any command runs.
    private let table = Mutex<CommandTable?>(nil)
    private let accepted: Counter
    private let rejected: Counter

    /// 50 µs … 10 s, about three buckets a decade.
    static let durationBuckets: [Duration] = [
        .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .milliseconds(2) + .microseconds(500), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    static var commandsTotal: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "cairn", subsystem: "", metricName: "commands", unitName: "total",
            helpText: "Commands run, by command name (errors included).")
    }
    static var commandErrors: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "cairn", subsystem: "command", metricName: "errors", unitName: "total",
            helpText: "Commands answered with an error reply, by command name.")
    }
    static var commandDuration: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "cairn", subsystem: "command", metricName: "duration", unitName: "seconds",
            helpText: "Time from taking a command to its reply being ready, by command name.")
    }
    static var connections: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "cairn", subsystem: "", metricName: "connections", unitName: "",
            helpText: "RESP clients connected now.")
    }
    static var connectionsTotal: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "cairn", subsystem: "", metricName: "connections", unitName: "total",
            helpText: "RESP connections accepted.")
    }
    static var connectionsRejected: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "cairn", subsystem: "connections", metricName: "rejected", unitName: "total",
            helpText: "RESP connections refused because resp.max-clients were connected.")
    }

    init(registry: MetricsRegistry) {
        self.registry = registry
        accepted = registry.prometheus.makeCounter(descriptor: Self.connectionsTotal)
        rejected = registry.prometheus.makeCounter(descriptor: Self.connectionsRejected)
    }

    func commandRecorder(for command: String) -> any CommandMetricsRecorder {
        let label = isKnown(command) ? command : "unknown"
        let prometheus = registry.prometheus
        return Recorder(
            prometheus: prometheus, label: label,
            calls: prometheus.makeCounter(descriptor: Self.commandsTotal, labels: [("command", label)]),
            duration: prometheus.makeDurationHistogram(descriptor: Self.commandDuration, labels: [("command", label)],
                                                       buckets: Self.durationBuckets))
    }

    func label(commandsOf commands: CommandTable) {
        table.withLock { $0 = commands }
    }

    func connectionAccepted() { accepted.increment() }
    func connectionRejected() { rejected.increment() }

    /// Sets the scrape-time gauges; called before each exposition.
    func sample(connectedClients: Int) {
        registry.prometheus.makeGauge(descriptor: Self.connections).set(Double(connectedClients))
    }

    /// Whether `name` is a command (or `container|sub`) of the table.
    private func isKnown(_ name: String) -> Bool {
        let parts = name.split(separator: "|", maxSplits: 1)
        guard let first = parts.first, let entry = table.withLock({ $0?.entry(named: String(first)) }) else { return false }
        guard parts.count == 2 else { return true }
        return entry.subcommands[String(parts[1])] != nil
    }

    private final class Recorder: CommandMetricsRecorder {
        let prometheus: PrometheusCollectorRegistry
        let label: String
        let calls: Counter
        let duration: DurationHistogram
        /// Made on the first error, so commands that never fail export no error series.
        private let errors = Mutex<Counter?>(nil)

        init(prometheus: PrometheusCollectorRegistry, label: String, calls: Counter, duration: DurationHistogram) {
            self.prometheus = prometheus
            self.label = label
            self.calls = calls
            self.duration = duration
        }

        func record(microseconds: Int64, failed: Bool) {
            calls.increment()
            duration.record(.microseconds(microseconds))
            guard failed else { return }
            let counter = errors.withLock { cached in
                if let cached { return cached }
                let made = prometheus.makeCounter(descriptor: ServerMetrics.commandErrors, labels: [("command", label)])
                cached = made
                return made
            }
            counter.increment()
        }
    }
}
