// What server commands share across connections: clients, statistics, the slow log, pub/sub,
// monitors, and the node facts INFO reports.
public import Runtime
import Synchronization

public final class ServerContext: Sendable {
    /// Facts about the node that INFO and ROLE report; set once at start-up.
    public struct NodeFacts: Sendable {
        public var nodeID = "n1"
        public var version = CairnVersion.current
        public var processID: Int32 = 0
        public var configFile = ""
        public var loops = 1
        public var dataDirectory = ""
        public var syncAlways = true

        public init() {}
    }

    public let clients: ClientRegistry
    public let stats: CommandStatistics
    /// What the active expiry cycle did (INFO stats).
    public let expiry = ExpiryStatistics()
    public let slowLog = SlowLog()
    public let pubSub = PubSubHub()
    public let monitors = MonitorHub()
    public let queryBuffers = QueryBufferBudget()
    public let facts: NodeFacts
    public let startedAt = SystemTimeSource().now()
    /// Unix seconds of the last SAVE/BGSAVE (or start-up), for LASTSAVE.
    let lastSave: Atomic<Int64>
    private let listeningPort = Atomic<Int>(0)
    private let shutdownHandler = Mutex<(@Sendable () -> Void)?>(nil)

    /// - Parameter metrics: where command and connection events also go (the node's
    ///   Prometheus metrics); nil keeps them for INFO only.
    public init(clients: ClientRegistry, facts: NodeFacts = NodeFacts(), metrics: (any ServerMetricsSink)? = nil,
                nowUnixSeconds: Int64 = SystemWallClock().nowMilliseconds() / 1000) {
        self.clients = clients
        stats = CommandStatistics(sink: metrics)
        self.facts = facts
        lastSave = Atomic(nowUnixSeconds)
    }

    public var tcpPort: Int {
        get { listeningPort.load(ordering: .relaxed) }
        set { listeningPort.store(newValue, ordering: .relaxed) }
    }

    /// What SHUTDOWN calls to stop the node gracefully.
    public func onShutdownRequest(_ handler: @escaping @Sendable () -> Void) {
        shutdownHandler.withLock { $0 = handler }
    }

    /// Whether a shutdown handler was installed and called.
    func requestShutdown() -> Bool {
        guard let handler = shutdownHandler.withLock({ $0 }) else { return false }
        handler()
        return true
    }

    public var uptime: Duration { SystemTimeSource().now().duration(since: startedAt) }
}
