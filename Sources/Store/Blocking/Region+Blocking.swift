// Blocking pops in the region: a try that finds nothing leaves its client waiting on its keys,
// and every write that gives a waited-on key data serves the waiters, oldest first.
import Engine
import RESP

extension Region {
    enum Attempt: Sendable {
        case applied(AppliedCommand)
        /// Nothing to pop: the client now waits in this region's queue.
        case waiting
    }

    /// Tries the pop; when it finds nothing, queues `client` in the same turn of the region, so
    /// no write can slip between the try and the wait.
    func proposeOrWait(_ entry: WriteEntry, _ client: BlockedClient) async -> Attempt {
        await takeTurn()
        defer { passTurn() }
        let applied = await proposeInTurn(entry)
        guard applied.reply.isNull else { return .applied(applied) }
        waitQueue.add(client)
        return .waiting
    }

    /// Takes a client out of the queue (its timeout, or its connection closed); false when it
    /// was already served or released. In turn, so it never lands while a write that is
    /// serving this very client waits out a stall.
    func cancelWait(_ id: UInt64) async -> Bool {
        await takeTurn()
        defer { passTurn() }
        return waitQueue.remove(id) != nil
    }

    /// `releaseWaiters` for the region's owner, once the entries before it are done.
    public func stopServingWaiters() async {
        await takeTurn()
        defer { passTurn() }
        releaseWaiters()
    }

    /// Answers every waiting client with the region's unavailability: the region is stopping
    /// or failed, and its successor starts with an empty queue.
    func releaseWaiters() {
        for client in waitQueue.removeAll() {
            client.reply.settle(AppliedCommand(reply: RegionDirectory.unavailable(descriptor.id), sequence: 0))
        }
    }

    /// Serves the waiters on every key `batch` wrote, each key's oldest first, while the key
    /// holds data of the type they wait for. Each serving is its own entry (DESIGN §6a) at the
    /// causing entry's time; its own writes (BLMOVE's push) may make more keys ready.
    func serveWaiters(after batch: WriteBatch, cause: WriteEntry) async {
        var ready = readyKeys(batch)
        var index = 0
        var served: UInt64 = 0
        while index < ready.count {
            let key = ready[index]
            index += 1
            while let client = waitQueue.first(waitingOn: key), holds(key, client.form.waitsFor, at: cause.nowMilliseconds) {
                served &+= 1
                let entry = WriteEntry(nowMilliseconds: cause.nowMilliseconds, seed: cause.seed &+ served,
                                       versionProposal: cause.versionProposal, arguments: client.form.wake(client.argv, key))
                let (applied, written) = await apply(entry)
                if applied.reply.isNull { break }
                _ = waitQueue.remove(client.id)
                client.reply.settle(applied)
                if let written {
                    for next in readyKeys(written) where !ready[index...].contains(next) { ready.append(next) }
                }
            }
        }
    }

    /// The keys `batch` wrote that clients wait on, in the batch's order, each once.
    private func readyKeys(_ batch: WriteBatch) -> [[UInt8]] {
        var keys: [[UInt8]] = []
        for case .key(let key) in batch.changedKeys() where waitQueue.hasWaiters(on: key) && !keys.contains(key) {
            keys.append(key)
        }
        return keys
    }

    private func holds(_ key: [UInt8], _ type: KeyType, at nowMilliseconds: Int64) -> Bool {
        guard let record = try? KeyspaceRead(engine: engine, nowMilliseconds: nowMilliseconds).record(key) else { return false }
        return record.type == type && record.count > 0
    }
}

extension RESPValue {
    /// A null of any protocol: what a pop answers when it found nothing.
    var isNull: Bool {
        switch self {
        case .nullBulk, .nullArray, .null: true
        default: false
        }
    }
}
