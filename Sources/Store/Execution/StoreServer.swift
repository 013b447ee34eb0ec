// The store's entry point for data commands: routes each to its region (DESIGN §5, §6a).
public import Engine
public import RESP
import Synchronization

public final class StoreServer: Sendable {
    public let directory: RegionDirectory
    public let engine: any StorageEngine
    public let applies: ApplyTable
    public let clock: any WallClock
    private let commitThread: CommitThread?
    /// Whether replies still wait for the WAL sync: only the negative control turns it off.
    private let waitsForSyncBeforeAcknowledging = Atomic<Bool>(true)
    /// The durability check on replies as they leave (DESIGN §11).
    public let acknowledgements = AcknowledgementAudit()
    /// Keyspace-wide cursors (SCAN): id → where to resume.
    let scanCursors: ScanCursorTable
    /// Clients waiting in blocking pops.
    public let blockedClients = BlockedClientCount()

    /// Writes the batches RocksDB refuses during a write stall, so no loop waits one out.
    public let writeThread: CommitThread?

    /// - Parameter commitThread: nil with `storage.sync: none` (replies never wait for a sync).
    /// - Parameter writeThread: writes stalled batches (default: the commit thread; nil: the
    ///   loop waits out a stall).
    /// - Parameter scanCursorCapacity: how many SCAN cursor ids are remembered (nil: the
    ///   default); tests make it small to watch ids being forgotten.
    public init(engine: any StorageEngine, layout: RegionLayout, applies: ApplyTable, commitThread: CommitThread?, writeThread: CommitThread? = nil,
                clock: any WallClock = SystemWallClock(), scanCursorCapacity: Int? = nil) {
        scanCursors = ScanCursorTable(capacity: scanCursorCapacity ?? ScanCursorTable.defaultCapacity)
        self.engine = engine
        directory = RegionDirectory(layout: layout)
        self.applies = applies
        self.commitThread = commitThread
        self.writeThread = writeThread ?? commitThread
        self.clock = clock
    }

    /// Runs a data command and returns its reply with the sequence it must wait for.
    public func execute(_ command: DataCommand, spec: CommandSpec, argv: [[UInt8]]) async -> AppliedCommand {
        let nowMicroseconds = clock.nowMicroseconds()
        let now = nowMicroseconds / 1000
        switch command {
        case .read(let handler):
            switch KeySlots.of(spec, argv) {
            case .crossSlot: return AppliedCommand(reply: KeySlots.crossSlotError, sequence: 0)
            case .noKeys: return AppliedCommand(reply: .error("ERR '\(spec.name)' names no key"), sequence: 0)
            case .slot(let slot):
                return await read(slot: slot, argv: argv, nowMilliseconds: now, handler: handler)
            }
        case .write(let normalize, _):
            var arguments = argv
            if let normalize {
                switch normalize(argv, NormalizeContext(nowMilliseconds: now)) {
                case .reply(let reply): return AppliedCommand(reply: reply, sequence: 0)
                case .entry(let normalized): arguments = normalized
                }
            }
            switch KeySlots.of(spec, argv) {
            case .crossSlot: return AppliedCommand(reply: KeySlots.crossSlotError, sequence: 0)
            case .noKeys: return AppliedCommand(reply: .error("ERR '\(spec.name)' names no key"), sequence: 0)
            case .slot(let slot):
                return await propose(slot: slot, arguments: arguments, nowMicroseconds: nowMicroseconds)
            }
        case .blocking(let form):
            return await execute(blocking: form, argv: argv)
        case .keyspace(let handler):
            let keyspace = Keyspace(server: self, nowMicroseconds: nowMicroseconds)
            let reply = await handler(argv, keyspace)
            return AppliedCommand(reply: reply, sequence: keyspace.highestSequence)
        }
    }

    func read(slot: Int, argv: [[UInt8]], nowMilliseconds: Int64, handler: ReadHandler) async -> AppliedCommand {
        let id = directory.layout.region(forSlot: slot).id
        guard let region = await directory.region(id: id) else { return AppliedCommand(reply: RegionDirectory.unavailable(id), sequence: 0) }
        return await region.read(argv, nowMilliseconds: nowMilliseconds, handler: handler)
    }

    func propose(slot: Int, arguments: [[UInt8]], nowMicroseconds: Int64) async -> AppliedCommand {
        let id = directory.layout.region(forSlot: slot).id
        guard let region = await directory.region(id: id) else { return AppliedCommand(reply: RegionDirectory.unavailable(id), sequence: 0) }
        let entry = WriteEntry(nowMilliseconds: nowMicroseconds / 1000, seed: UInt64.random(in: .min ... .max),
                               versionProposal: UInt64(clamping: nowMicroseconds), arguments: arguments)
        return await region.propose(entry)
    }

    /// Returns once `sequence` is durable (at once with `storage.sync: none`).
    public func waitUntilDurable(_ sequence: UInt64) async throws {
        guard let commitThread, sequence > 0, waitsForSyncBeforeAcknowledging.load(ordering: .relaxed) else { return }
        try await commitThread.waitUntilDurable(sequence)
    }

    /// Called as replies that depended on `sequence` leave: with `storage.sync: always`,
    /// counts them as unsynced unless a WAL sync already covers it.
    public func auditAcknowledgement(of sequence: UInt64) {
        guard commitThread != nil, sequence > 0 else { return }
        acknowledgements.record(sequence: sequence, syncedSequence: engine.syncedSequence)
    }

    /// The sync-before-ack negative control (DESIGN §11): replies stop waiting for the WAL
    /// sync, so the durability test's audit must report unsynced acknowledgements. Tests only.
    @_spi(Testing) public func skipSyncBeforeAcknowledging() {
        waitsForSyncBeforeAcknowledging.store(false, ordering: .relaxed)
    }
}
