// The node's metrics: a Prometheus registry that swift-metrics also reports into.
import Metrics
public import Prometheus

/// One per node. `install()` makes swift-metrics' global API write here (the executable
/// calls it once); tests use their own registry without installing it.
public final class MetricsRegistry: Sendable {
    public let prometheus: PrometheusCollectorRegistry

    public init() {
        prometheus = PrometheusCollectorRegistry()
    }

    public func install() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: prometheus))
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        var buffer: [UInt8] = []
        prometheus.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
