// A region's actor: serializes its writes and reads, on the loop it is pinned to (DESIGN §6a).
public import Engine
public import RESP
public import Runtime

/// `propose(entry)` is the one seam for writes: today it applies the entry and writes its batch
/// unsynced; with Raft it will append to the region's log and answer after apply. Handlers
/// never learn which. Reads run here too, so a read never overtakes a write it follows.
///
/// Each instance carries the generation of the supervisor start that made it; the directory
/// knows the current one, and an older instance (abandoned after a shutdown timeout) has its
/// writes refused rather than racing its successor (DESIGN §4).
public actor Region: LoopPinned {
    public nonisolated let loop: EventLoop
    public nonisolated let descriptor: RegionDescriptor
    public nonisolated let generation: UInt64
    let engine: any StorageEngine
    private let applies: ApplyTable
    private let directory: RegionDirectory
    private var highestVersion: UInt64 = 0
    /// When each key last changed, for WATCH.
    private let modifications: ModificationLog
    /// Keys stored in this region, expired or not (what DBSIZE counts, as Redis does).
    public private(set) var keyCount = 0
    /// Of those, the keys with an expiry (INFO keyspace's `expires`).
    public private(set) var expiringKeyCount = 0
    /// Clients waiting in a blocking pop for one of this region's keys.
    var waitQueue = WaitQueue()
    private let failures: AsyncStream<String>.Continuation
    /// Yields a reason when the region met an error it cannot serve past; its supervisor child
    /// then crashes so the region restarts from the engine.
    public nonisolated let failed: AsyncStream<String>
    /// Writes a batch the engine refused during a write stall, off the loop (DESIGN §6a); nil:
    /// the loop waits out the stall.
    private let stallWriter: CommitThread?
    /// The region's turn: held by an entry, read or WATCH from its start to its end, so one that
    /// waits on a stalled write keeps every later one behind it, in arrival order.
    var turn = RegionTurn()

    public init(descriptor: RegionDescriptor, generation: UInt64, loop: EventLoop, engine: any StorageEngine,
                applies: ApplyTable, directory: RegionDirectory, stallWriter: CommitThread? = nil) throws {
        self.stallWriter = stallWriter
        self.descriptor = descriptor
        self.generation = generation
        self.loop = loop
        self.engine = engine
        self.applies = applies
        self.directory = directory
        (failed, failures) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
        modifications = ModificationLog(startSequence: engine.lastSequence)
        let counts = try KeyCounts.of(descriptor, in: engine)
        keyCount = counts.keys
        expiringKeyCount = counts.expiring
    }

    // The usual path below makes no async call: on this toolchain an awaited call, even to
    // this actor's own methods, goes through the loop's queue, which costs several times a
    // command's work. Only a held turn, a stalled write or waiting clients take that path.
    public func propose(_ entry: WriteEntry) async -> AppliedCommand {
        if !turn.take() { await waitForTurn() }
        defer { passTurn() }
        var (applied, batch): (AppliedCommand, WriteBatch?)
        switch applyNow(entry) {
        case .done(let result, let written): (applied, batch) = (result, written)
        case .stalled(let context, let reply): (applied, batch) = await finishStalled(context, reply)
        }
        if let batch, !waitQueue.isEmpty { await serveWaiters(after: batch, cause: entry) }
        return applied
    }

    /// `propose` for a caller that holds the turn.
    func proposeInTurn(_ entry: WriteEntry) async -> AppliedCommand {
        let (applied, batch) = await apply(entry)
        if let batch, !waitQueue.isEmpty { await serveWaiters(after: batch, cause: entry) }
        return applied
    }

    /// Applies one entry and writes its batch; the batch is nil when nothing was written. Only
    /// with the turn held: the next entry must see this one's writes.
    func apply(_ entry: WriteEntry) async -> (AppliedCommand, WriteBatch?) {
        switch applyNow(entry) {
        case .done(let applied, let batch): return (applied, batch)
        case .stalled(let context, let reply): return await finishStalled(context, reply)
        }
    }

    private enum Application {
        case done(AppliedCommand, WriteBatch?)
        /// RocksDB refused the batch during a write stall: it still has to be written.
        case stalled(ApplyContext, RESPValue)
    }

    /// Applies the entry and writes its batch with `no_slowdown` (when a stall writer exists).
    private func applyNow(_ entry: WriteEntry) -> Application {
        guard directory.isCurrent(descriptor.id, generation: generation) else {
            return .done(AppliedCommand(reply: RegionDirectory.unavailable(descriptor.id), sequence: 0), nil)
        }
        guard let apply = applies.handler(named: entry.commandName) else {
            return .done(AppliedCommand(reply: .error("ERR unknown write entry '\(entry.commandName)'"), sequence: 0), nil)
        }
        var context = ApplyContext(entry: entry, region: descriptor, engine: engine, highestVersion: highestVersion)
        context.modifications = modifications
        let reply: RESPValue
        do {
            reply = try apply(&context)
        } catch {
            return .done(failure(error), nil)
        }
        let sequence: UInt64
        do {
            sequence = try engine.write(context.batch, options: WriteOptions(noSlowdown: stallWriter != nil))
        } catch EngineError.writeStalled {
            return .stalled(context, reply)
        } catch {
            return .done(failure(error), nil)
        }
        return .done(record(context, reply: reply, sequence: sequence), context.batch.isEmpty ? nil : context.batch)
    }

    /// Writes a batch RocksDB refused during a stall on the stall writer's thread, so the loop
    /// stays free while this region's turn stays held.
    private func finishStalled(_ context: ApplyContext, _ reply: RESPValue) async -> (AppliedCommand, WriteBatch?) {
        guard let stallWriter else { return (failure(EngineError.writeStalled), nil) }
        do {
            let sequence = try await stallWriter.writeOnThread(context.batch)
            return (record(context, reply: reply, sequence: sequence), context.batch.isEmpty ? nil : context.batch)
        } catch {
            return (failure(error), nil)
        }
    }

    /// The region's bookkeeping once an entry's batch is written.
    private func record(_ context: ApplyContext, reply: RESPValue, sequence: UInt64) -> AppliedCommand {
        modifications.record(context.batch, sequence: sequence)
        highestVersion = context.highestVersion
        keyCount += context.keyCountChange
        expiringKeyCount += context.expiringCountChange
        return AppliedCommand(reply: reply, sequence: sequence)
    }

    public func read(_ argv: [[UInt8]], nowMilliseconds: Int64, handler: ReadHandler) async -> AppliedCommand {
        if !turn.take() { await waitForTurn() }
        defer { passTurn() }
        let sequence = engine.lastSequence
        do {
            let reply = try handler(argv, KeyspaceRead(engine: engine, nowMilliseconds: nowMilliseconds))
            return AppliedCommand(reply: reply, sequence: sequence)
        } catch {
            return failure(error)
        }
    }

    /// WATCH: how each key is now, with the sequence its later changes will be newer than.
    func watch(_ keys: [[UInt8]], nowMilliseconds: Int64) async throws -> [WatchedKey] {
        if !turn.take() { await waitForTurn() }
        defer { passTurn() }
        let sequence = engine.lastSequence
        return try keys.map { key in
            let stored = try engine.get(.meta, key: StoredKey.meta(key)).map { try KeyRecord.decode($0) }
            return WatchedKey(key: key, sequence: sequence, existed: stored != nil,
                              wasLive: stored.map { !$0.isExpired(atMilliseconds: nowMilliseconds) } ?? false)
        }
    }

    /// Runs `body` over this region's data, for keyspace-wide commands (SCAN, KEYS…).
    public func inspect<Result: Sendable>(nowMilliseconds: Int64, _ body: @Sendable (KeyspaceRead, Int) throws -> Result)
        async throws -> (result: Result, sequence: UInt64)
    {
        if !turn.take() { await waitForTurn() }
        defer { passTurn() }
        let sequence = engine.lastSequence
        return (try body(KeyspaceRead(engine: engine, nowMilliseconds: nowMilliseconds), keyCount), sequence)
    }

    /// Keys stored, and of those the ones with an expiry.
    public func counts() -> KeyCounts {
        KeyCounts(keys: keyCount, expiring: expiringKeyCount)
    }

    private func failure(_ error: any Error) -> AppliedCommand {
        let reason = "region \(descriptor.id): \(error)"
        releaseWaiters()
        failures.yield(reason)
        return AppliedCommand(reply: .error("ERR storage error in region \(descriptor.id); the region is restarting"), sequence: 0)
    }
}
