// Commands whose keys may span slots (DESIGN §5): one sub-request per slot, atomic per slot.
import RESP

enum FanOut {
    /// Proposes `name key…` once per slot for the keys at `argv[1...]` and adds the integer replies
    /// (DEL, UNLINK). An error from any slot is the reply.
    static func sumOfWrites(_ name: String, _ argv: [[UInt8]], _ keyspace: Keyspace) async -> RESPValue {
        let keys = Array(argv.dropFirst())
        var total: Int64 = 0
        for group in Keyspace.groupBySlot(keys) {
            let reply = await keyspace.propose(slot: group.slot, arguments: [Array(name.utf8)] + group.positions.map { keys[$0] })
            guard case .integer(let count) = reply else { return reply }
            total &+= count
        }
        return .integer(total)
    }

    /// Runs `handler` once per slot for the keys at `argv[1...]` and adds the integer replies
    /// (EXISTS, TOUCH).
    static func sumOfReads(_ argv: [[UInt8]], _ keyspace: Keyspace, _ handler: @escaping ReadHandler) async -> RESPValue {
        let keys = Array(argv.dropFirst())
        var total: Int64 = 0
        for group in Keyspace.groupBySlot(keys) {
            let reply = await keyspace.read(slot: group.slot, argv: [argv[0]] + group.positions.map { keys[$0] }, handler: handler)
            guard case .integer(let count) = reply else { return reply }
            total &+= count
        }
        return .integer(total)
    }

    /// Runs `handler` once per slot and puts each slot's array reply back in key order (MGET).
    static func gatheredReads(_ argv: [[UInt8]], _ keyspace: Keyspace, _ handler: @escaping ReadHandler) async -> RESPValue {
        let keys = Array(argv.dropFirst())
        var replies = [RESPValue](repeating: .nullBulk, count: keys.count)
        for group in Keyspace.groupBySlot(keys) {
            let reply = await keyspace.read(slot: group.slot, argv: [argv[0]] + group.positions.map { keys[$0] }, handler: handler)
            guard case .array(let values) = reply, values.count == group.positions.count else { return reply }
            for (position, value) in zip(group.positions, values) { replies[position] = value }
        }
        return .array(replies)
    }
}
