// Running a blocking pop: try it in its region; if it waits, until it is served, times out or
// its client goes away.
import RESP
import Synchronization

extension StoreServer {
    func execute(blocking form: BlockingForm, argv: [[UInt8]]) async -> AppliedCommand {
        let request: BlockingRequest
        switch form.parse(argv) {
        case .failure(let error): return AppliedCommand(reply: error.reply, sequence: 0)
        case .success(let parsed): request = parsed
        }
        let slot: Int
        switch KeySlots.of(keys: request.allKeys) {
        case .crossSlot: return AppliedCommand(reply: KeySlots.crossSlotError, sequence: 0)
        case .noKeys: return AppliedCommand(reply: .error("ERR '\(String(decoding: argv[0], as: UTF8.self).lowercased())' names no key"), sequence: 0)
        case .slot(let found): slot = found
        }
        let id = directory.layout.region(forSlot: slot).id
        guard let region = await directory.region(id: id) else { return AppliedCommand(reply: RegionDirectory.unavailable(id), sequence: 0) }
        let nowMicroseconds = clock.nowMicroseconds()
        let entry = WriteEntry(nowMilliseconds: nowMicroseconds / 1000, seed: UInt64.random(in: .min ... .max),
                               versionProposal: UInt64(clamping: nowMicroseconds), arguments: argv)
        let client = BlockedClient(id: blockedClients.nextID(), form: form, argv: argv, keys: request.waitKeys, reply: PendingReply())
        switch await region.proposeOrWait(entry, client) {
        case .applied(let applied): return applied
        case .waiting: return await wait(for: client, in: region, timeout: request.timeout)
        }
    }

    /// Redis answers a timed-out pop, and a client unblocked without data, with a null array.
    static let timedOut = AppliedCommand(reply: .nullArray, sequence: 0)

    /// The client id of the connection whose commands the current task runs (set by its
    /// session), so CLIENT UNBLOCK can find a waiting pop by client.
    @TaskLocal public static var requestingConnection: Int64?

    /// CLIENT UNBLOCK: ends the pop `connection` waits in, as a timeout or with Redis's
    /// UNBLOCKED error; false when it waits in none.
    public func unblock(connection: Int64, withError: Bool) async -> Bool {
        guard let (region, client) = blockedClients.waiting(connection: connection), await region.cancelWait(client.id) else { return false }
        client.reply.settle(withError ? AppliedCommand(reply: .error("UNBLOCKED client unblocked via CLIENT UNBLOCK"), sequence: 0) : Self.timedOut)
        return true
    }

    /// Waits for the region to serve `client`. Its timeout and the cancellation of the waiting
    /// task (the connection closed) take it out of the queue first, so a client that is gone
    /// can never take data away from the keys.
    private func wait(for client: BlockedClient, in region: Region, timeout: BlockTimeout) async -> AppliedCommand {
        let connection = Self.requestingConnection
        blockedClients.began(timed: timeout != .forever, connection: connection, waiting: (region, client))
        defer { blockedClients.ended(timed: timeout != .forever, connection: connection) }
        var timer: Task<Void, Never>?
        if case .milliseconds(let milliseconds) = timeout {
            timer = Task {
                try? await Task.sleep(for: .milliseconds(milliseconds))
                guard !Task.isCancelled else { return }
                if await region.cancelWait(client.id) { client.reply.settle(Self.timedOut) }
            }
        }
        let began = ContinuousClock.now
        var applied = await withTaskCancellationHandler {
            await client.reply.value
        } onCancel: {
            Task { if await region.cancelWait(client.id) { client.reply.settle(Self.timedOut) } }
        }
        timer?.cancel()
        applied.waited = ContinuousClock.now - began
        return applied
    }
}

/// How many clients wait in blocking pops (INFO's `blocked_clients`, and of those
/// `clients_in_timeout_table`), and the ids that tell them apart.
public final class BlockedClientCount: Sendable {
    private let lastID = Atomic<UInt64>(0)
    private let waiting = Atomic<Int>(0)
    private let waitingWithTimeout = Atomic<Int>(0)
    /// Where each connection's pop waits, for CLIENT UNBLOCK.
    private let byConnection = Mutex<[Int64: (region: Region, client: BlockedClient)]>([:])

    public init() {}

    func nextID() -> UInt64 { lastID.wrappingAdd(1, ordering: .relaxed).newValue }

    func began(timed: Bool, connection: Int64?, waiting place: (Region, BlockedClient)) {
        waiting.wrappingAdd(1, ordering: .relaxed)
        if timed { waitingWithTimeout.wrappingAdd(1, ordering: .relaxed) }
        if let connection { byConnection.withLock { $0[connection] = (place.0, place.1) } }
    }

    func ended(timed: Bool, connection: Int64?) {
        waiting.wrappingSubtract(1, ordering: .relaxed)
        if timed { waitingWithTimeout.wrappingSubtract(1, ordering: .relaxed) }
        if let connection { byConnection.withLock { _ = $0.removeValue(forKey: connection) } }
    }

    func waiting(connection: Int64) -> (Region, BlockedClient)? {
        byConnection.withLock { $0[connection] }.map { ($0.region, $0.client) }
    }

    public var count: Int { waiting.load(ordering: .relaxed) }
    public var countWithTimeout: Int { waitingWithTimeout.load(ordering: .relaxed) }
}
