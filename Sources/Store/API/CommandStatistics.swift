// Per-command call counts and time, for INFO commandstats and stats (CONFIG RESETSTAT clears them),
// and the same events handed to the node's metrics exporter, which Store does not know.
import Synchronization

/// Where command and connection events go besides INFO: the node's Prometheus metrics. The
/// node implements it; Store only calls it, so Store does not depend on the exporter.
public protocol ServerMetricsSink: Sendable {
    /// The recorder for one command name (`get`, `client|list`, or whatever unknown word a
    /// client sent: the sink decides how to label it). Asked once per name and cached.
    func commandRecorder(for command: String) -> any CommandMetricsRecorder
    func connectionAccepted()
    func connectionRejected()
}

/// Records the calls of one command: a counter, an error counter and a latency histogram.
public protocol CommandMetricsRecorder: Sendable {
    func record(microseconds: Int64, failed: Bool)
}

public final class CommandStatistics: Sendable {
    public struct Entry: Sendable {
        public var calls: Int64 = 0
        public var microseconds: Int64 = 0
        public var rejectedCalls: Int64 = 0
        public var failedCalls: Int64 = 0
    }

    private struct State {
        var entries: [String: Entry] = [:]
        /// The sink's recorder per command name; never reset (Prometheus counters only grow).
        var recorders: [String: any CommandMetricsRecorder] = [:]
    }

    /// At most this many recorders are cached: the table has fewer names than this, so only
    /// unknown words a client sends go past it, and those are asked of the sink each time
    /// (which labels them all alike) instead of growing the cache.
    static let recorderCacheCapacity = 1024

    private let state = Mutex(State())
    private let connectionsReceived = Atomic<Int64>(0)
    private let rejectedConnections = Atomic<Int64>(0)
    private let sink: (any ServerMetricsSink)?

    public init(sink: (any ServerMetricsSink)? = nil) {
        self.sink = sink
    }

    public func record(_ command: String, microseconds: Int64, failed: Bool) {
        let recorder = state.withLock { state -> (any CommandMetricsRecorder)? in
            var entry = state.entries[command, default: Entry()]
            entry.calls &+= 1
            entry.microseconds &+= microseconds
            if failed { entry.failedCalls &+= 1 }
            state.entries[command] = entry
            guard let sink else { return nil }
            if let cached = state.recorders[command] { return cached }
            let recorder = sink.commandRecorder(for: command)
            if state.recorders.count < Self.recorderCacheCapacity { state.recorders[command] = recorder }
            return recorder
        }
        recorder?.record(microseconds: microseconds, failed: failed)
    }

    public func recordRejected(_ command: String) {
        state.withLock { $0.entries[command, default: Entry()].rejectedCalls &+= 1 }
    }

    public func connectionAccepted() {
        connectionsReceived.wrappingAdd(1, ordering: .relaxed)
        sink?.connectionAccepted()
    }

    public func connectionRejected() {
        rejectedConnections.wrappingAdd(1, ordering: .relaxed)
        sink?.connectionRejected()
    }

    public var snapshot: [String: Entry] { state.withLock { $0.entries } }
    public var totalConnectionsReceived: Int64 { connectionsReceived.load(ordering: .relaxed) }
    public var totalRejectedConnections: Int64 { rejectedConnections.load(ordering: .relaxed) }
    public var totalCommandsProcessed: Int64 { snapshot.values.reduce(0) { $0 &+ $1.calls } }

    /// Clears what INFO reports; the metrics sink's counters keep counting.
    public func reset() {
        state.withLock { $0.entries.removeAll() }
        connectionsReceived.store(0, ordering: .relaxed)
        rejectedConnections.store(0, ordering: .relaxed)
    }
}
