// The connected clients: ids, the count `resp.max-clients` limits, and a handle for each.
import Synchronization

public final class ClientRegistry: Sendable {
    private let nextID = Atomic<Int64>(0)
    private let connected = Atomic<Int>(0)
    private let handles = Mutex<[Int64: ClientHandle]>([:])
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

    func register(_ handle: ClientHandle) {
        handles.withLock { $0[handle.id] = handle }
    }

    func leave(_ id: Int64) {
        handles.withLock { $0[id] = nil }
        connected.wrappingSubtract(1, ordering: .relaxed)
    }

    public var connectedCount: Int { connected.load(ordering: .relaxed) }

    /// Every registered client, by id.
    public var all: [ClientHandle] {
        handles.withLock { Array($0.values) }.sorted { $0.id < $1.id }
    }

    public func client(id: Int64) -> ClientHandle? {
        handles.withLock { $0[id] }
    }
}
