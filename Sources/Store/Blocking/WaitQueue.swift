// The clients a region holds waiting for data, per key in arrival order.

/// One client waiting: what it asked for and where its reply goes.
struct BlockedClient: Sendable {
    let id: UInt64
    let form: BlockingForm
    let argv: [[UInt8]]
    let keys: [[UInt8]]
    let reply: PendingReply
}

/// Redis serves the clients blocked on a key first come, first served; a client waiting on
/// several keys is in each key's queue and leaves all of them when served.
struct WaitQueue {
    private var clients: [UInt64: BlockedClient] = [:]
    private var byKey: [[UInt8]: [UInt64]] = [:]

    var isEmpty: Bool { clients.isEmpty }
    var count: Int { clients.count }

    mutating func add(_ client: BlockedClient) {
        clients[client.id] = client
        for key in Set(client.keys) { byKey[key, default: []].append(client.id) }
    }

    /// Removes the client from every queue; nil when it is not waiting (already served).
    mutating func remove(_ id: UInt64) -> BlockedClient? {
        guard let client = clients.removeValue(forKey: id) else { return nil }
        for key in Set(client.keys) {
            byKey[key]?.removeAll { $0 == id }
            if byKey[key]?.isEmpty == true { byKey[key] = nil }
        }
        return client
    }

    func hasWaiters(on key: [UInt8]) -> Bool { byKey[key] != nil }

    /// The longest-waiting client on `key`.
    func first(waitingOn key: [UInt8]) -> BlockedClient? {
        byKey[key]?.first.flatMap { clients[$0] }
    }

    /// Empties the queue, returning every client.
    mutating func removeAll() -> [BlockedClient] {
        defer { clients = [:]; byKey = [:] }
        return clients.values.sorted { $0.id < $1.id }
    }
}
