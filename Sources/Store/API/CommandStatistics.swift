// Per-command call counts and time, for INFO commandstats and stats (CONFIG RESETSTAT clears them).
import Synchronization

public final class CommandStatistics: Sendable {
    public struct Entry: Sendable {
        public var calls: Int64 = 0
        public var microseconds: Int64 = 0
        public var rejectedCalls: Int64 = 0
        public var failedCalls: Int64 = 0
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let connectionsReceived = Atomic<Int64>(0)
    private let rejectedConnections = Atomic<Int64>(0)

    public init() {}

    public func record(_ command: String, microseconds: Int64, failed: Bool) {
        entries.withLock { entries in
            var entry = entries[command, default: Entry()]
            entry.calls &+= 1
            entry.microseconds &+= microseconds
            if failed { entry.failedCalls &+= 1 }
            entries[command] = entry
        }
    }

    public func recordRejected(_ command: String) {
        entries.withLock { $0[command, default: Entry()].rejectedCalls &+= 1 }
    }

    public func connectionAccepted() { connectionsReceived.wrappingAdd(1, ordering: .relaxed) }
    public func connectionRejected() { rejectedConnections.wrappingAdd(1, ordering: .relaxed) }

    public var snapshot: [String: Entry] { entries.withLock { $0 } }
    public var totalConnectionsReceived: Int64 { connectionsReceived.load(ordering: .relaxed) }
    public var totalRejectedConnections: Int64 { rejectedConnections.load(ordering: .relaxed) }
    public var totalCommandsProcessed: Int64 { snapshot.values.reduce(0) { $0 &+ $1.calls } }

    public func reset() {
        entries.withLock { $0.removeAll() }
        connectionsReceived.store(0, ordering: .relaxed)
        rejectedConnections.store(0, ordering: .relaxed)
    }
}
