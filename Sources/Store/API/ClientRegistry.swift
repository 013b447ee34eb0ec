// Client ids and the connection count that `resp.max-clients` limits.
import Synchronization

public final class ClientRegistry: Sendable {
    private let nextID = Atomic<Int64>(0)
    private let connected = Atomic<Int>(0)
    private let limit: Atomic<Int>

    public init(maxClients: Int) {
        limit = Atomic(maxClients)
    }

    /// `resp.max-clients`; CONFIG SET changes it for the connections that come next (those
    /// already connected stay, as in Redis).
    public var maxClients: Int {
        get { limit.load(ordering: .relaxed) }
        set { limit.store(newValue, ordering: .relaxed) }
    }

    /// A new client id, or nil when `maxClients` are already connected.
    func admit() -> Int64? {
        let now = connected.wrappingAdd(1, ordering: .relaxed).newValue
        guard now <= maxClients else {
            connected.wrappingSubtract(1, ordering: .relaxed)
            return nil
        }
        return nextID.wrappingAdd(1, ordering: .relaxed).newValue
    }

    func leave() {
        connected.wrappingSubtract(1, ordering: .relaxed)
    }

    public var connectedCount: Int { connected.load(ordering: .relaxed) }
}
