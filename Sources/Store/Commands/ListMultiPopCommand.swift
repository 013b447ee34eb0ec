// LMPOP numkeys key [key …] LEFT|RIGHT [COUNT count] (Redis 7.0 `lmpopGenericCommand`). Its
// keys are found from numkeys, which the legacy key range cannot say, so it runs as a keyspace
// command: it checks the syntax and the keys' slot, then proposes itself to that slot's region,
// whose apply pops from the first non-empty list.
import RESP

enum ListMultiPopCommand {
    static let entry = CommandEntry(
        spec: CommandSpec("lmpop", arity: -4, flags: [.write], summary: "lmpop",
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
        internalApplies: ["lmpop": apply])

    struct Request {
        var keys: [[UInt8]]
        var left: Bool
        var count: Int64
    }

    static func parse(_ argv: [[UInt8]]) -> Result<Request, RESPError> {
        let badNumber = RESPError(.error("ERR numkeys should be greater than 0"))
        guard argv.count >= 2, let numberOfKeys = StrictInteger.parse(argv[1]), numberOfKeys >= 1 else { return .failure(badNumber) }
        guard numberOfKeys < Int64(argv.count) - 2 else { return .failure(RESPError(StringCommands.syntaxError)) }
        let whereIndex = 2 + Int(numberOfKeys)
        guard let left = ListStorage.isLeft(argv[whereIndex]) else { return .failure(RESPError(StringCommands.syntaxError)) }
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
        return .success(Request(keys: Array(argv[2..<whereIndex]), left: left, count: count ?? 1))
    }

    static let apply: ApplyHandler = { context in
        let request: Request
        switch parse(context.arguments) {
        case .failure(let error): return error.reply
        case .success(let parsed): request = parsed
        }
        return try pop(request, &context)
    }

    /// Pops up to `count` items from the first non-empty list of the request's keys, replying
    /// `[key, [items]]`; a null array when every list is empty.
    static func pop(_ request: Request, _ context: inout ApplyContext) throws -> RESPValue {
        for key in request.keys {
            switch try context.collection(key, of: .list) {
            case .missing: continue
            case .wrongType: return CollectionCommands.wrongType
            case .found(var record):
                var popped: [RESPValue] = []
                while Int64(popped.count) < request.count,
                      let item = try ListStorage.pop(left: request.left, of: key, &record, &context) {
                    popped.append(.bulk(item))
                }
                try context.storeCollection(key, record)
                return .array([.bulk(key), .array(popped)])
            }
        }
        return .nullArray
    }
}
