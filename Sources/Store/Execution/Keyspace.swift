// What keyspace-wide commands (MGET, DEL, SCAN, FLUSHALL…) use to reach several regions.
public import RESP
import Synchronization

/// Each call reaches one region and is atomic there; together they are not (DESIGN §5: a
/// multi-slot read or delete is atomic per slot). Records the highest write sequence any call
/// depended on, so the reply waits for the sync that covers all of them.
public final class Keyspace: Sendable {
    let server: StoreServer
    public let nowMicroseconds: Int64
    private let sequence = Atomic<UInt64>(0)

    init(server: StoreServer, nowMicroseconds: Int64) {
        self.server = server
        self.nowMicroseconds = nowMicroseconds
    }

    public var nowMilliseconds: Int64 { nowMicroseconds / 1000 }
    public var regions: [RegionDescriptor] { server.directory.layout.regions }
    var highestSequence: UInt64 { sequence.load(ordering: .relaxed) }

    public func region(forSlot slot: Int) -> RegionDescriptor {
        server.directory.layout.region(forSlot: slot)
    }

    /// Runs a read on the region owning `slot`.
    public func read(slot: Int, argv: [[UInt8]], handler: ReadHandler) async -> RESPValue {
        record(await server.read(slot: slot, argv: argv, nowMilliseconds: nowMilliseconds, handler: handler))
    }

    /// Proposes an entry with these arguments to the region owning `slot`.
    public func propose(slot: Int, arguments: [[UInt8]]) async -> RESPValue {
        record(await server.propose(slot: slot, arguments: arguments, nowMicroseconds: nowMicroseconds))
    }

    /// Runs `body` on a region's data with its key count; an error reply when the region is
    /// unavailable or its data does not read.
    public func inspect<Result: Sendable>(_ descriptor: RegionDescriptor,
                                          _ body: @Sendable (KeyspaceRead, Int) throws -> Result) async -> Swift.Result<Result, RESPError> {
        guard let region = await server.directory.region(id: descriptor.id) else {
            return .failure(RESPError(RegionDirectory.unavailable(descriptor.id)))
        }
        do {
            let (result, sequence) = try await region.inspect(nowMilliseconds: nowMilliseconds, body)
            self.sequence.max(sequence, ordering: .relaxed)
            return .success(result)
        } catch {
            return .failure(RESPError(.error("ERR storage error in region \(descriptor.id): \(error)")))
        }
    }

    /// A region's key counts (INFO keyspace).
    public func counts(of descriptor: RegionDescriptor) async -> Swift.Result<KeyCounts, RESPError> {
        guard let region = await server.directory.region(id: descriptor.id) else {
            return .failure(RESPError(RegionDirectory.unavailable(descriptor.id)))
        }
        return .success(await region.counts())
    }

    /// Whether the region's supervisor gave up on it on this node.
    public func isFailed(_ descriptor: RegionDescriptor) -> Bool {
        server.directory.failedRegions.contains(descriptor.id)
    }

    /// Makes the reply wait until every write so far is durable (SAVE).
    public func coverEverythingWritten() {
        sequence.max(server.engine.lastSequence, ordering: .relaxed)
    }

    var scanCursors: ScanCursorTable { server.scanCursors }

    private func record(_ applied: AppliedCommand) -> RESPValue {
        sequence.max(applied.sequence, ordering: .relaxed)
        return applied.reply
    }

    /// The positions of `keys`, grouped by slot in order of first appearance.
    public static func groupBySlot(_ keys: [[UInt8]]) -> [(slot: Int, positions: [Int])] {
        var groups: [(slot: Int, positions: [Int])] = []
        var groupOfSlot: [Int: Int] = [:]
        for (position, key) in keys.enumerated() {
            let slot = KeySlot.of(key)
            if let index = groupOfSlot[slot] {
                groups[index].positions.append(position)
            } else {
                groupOfSlot[slot] = groups.count
                groups.append((slot, [position]))
            }
        }
        return groups
    }
}

/// An error reply carried through `Result`.
public struct RESPError: Error, Sendable {
    public let reply: RESPValue

    public init(_ reply: RESPValue) {
        self.reply = reply
    }
}
