// ZMPOP numkeys key [key …] MIN|MAX [COUNT count] (Redis 7.0 `zmpopGenericCommand`). Its keys
// are found from numkeys, so, as LMPOP, it runs as a keyspace command: it checks the syntax and
// the keys' slot, then proposes itself to that slot's region, whose apply pops from the first
// non-empty sorted set.
import RESP

enum SortedSetMultiPopCommand {
    static let entry = CommandEntry(
        spec: CommandSpec("zmpop", arity: -4, flags: [.write], summary: "zmpop",
                          keySpecs: [KeySpec(flags: [.readWrite, .access, .delete], beginSearch: .index(1),
                                             findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1))]),
        data: .keyspace { argv, keyspace in
            switch parse(argv) {
            case .failure(let error): return error.reply
            case .success(let parsed):
                guard case .slot(let slot) = KeySlots.of(keys: parsed.keys) else { return KeySlots.crossSlotError }
                return await keyspace.propose(slot: slot, arguments: argv)
            }
        },
        internalApplies: ["zmpop": apply])

    struct Request {
        var keys: [[UInt8]]
        var highest: Bool
        var count: Int64
    }

    static func parse(_ argv: [[UInt8]]) -> Result<Request, RESPError> {
        guard argv.count >= 2, let numberOfKeys = StrictInteger.parse(argv[1]), numberOfKeys >= 1 else {
            return .failure(RESPError(.error("ERR numkeys should be greater than 0")))
        }
        guard numberOfKeys < Int64(argv.count) - 2 else { return .failure(RESPError(StringCommands.syntaxError)) }
        let whereIndex = 2 + Int(numberOfKeys)
        let highest: Bool
        if StringCommands.isOption(argv[whereIndex], "min") {
            highest = false
        } else if StringCommands.isOption(argv[whereIndex], "max") {
            highest = true
        } else {
            return .failure(RESPError(StringCommands.syntaxError))
        }
        var count: Int64?
        var index = whereIndex + 1
        while index < argv.count {
            guard count == nil, StringCommands.isOption(argv[index], "count"), index + 1 < argv.count else {
                return .failure(RESPError(StringCommands.syntaxError))
            }
            guard let parsed = StrictInteger.parse(argv[index + 1]), parsed >= 1 else {
                return .failure(RESPError(.error("ERR count should be greater than 0")))
            }
            count = parsed
            index += 2
        }
        return .success(Request(keys: Array(argv[2..<whereIndex]), highest: highest, count: count ?? 1))
    }

    /// The first non-empty key and its popped `[member, score]` pairs, nested in both protocols
    /// as Redis 7.0 replies; a null array when every key is missing. A key of another type
    /// before the first sorted set answers WRONGTYPE.
    static let apply: ApplyHandler = { context in
        let request: Request
        switch parse(context.arguments) {
        case .failure(let error): return error.reply
        case .success(let parsed): request = parsed
        }
        return try pop(request, &context)
    }

    static func pop(_ request: Request, _ context: inout ApplyContext) throws -> RESPValue {
        for key in request.keys {
            switch try context.collection(key, of: .zset) {
            case .missing: continue
            case .wrongType: return CollectionCommands.wrongType
            case .found(var record):
                let popped = try SortedSetRemoveCommands.pop(request.count, highest: request.highest, from: key, &record, &context)
                return .array([.bulk(key), .array(popped.map { .array([.bulk($0.member), .double($0.score)]) })])
            }
        }
        return .nullArray
    }
}
