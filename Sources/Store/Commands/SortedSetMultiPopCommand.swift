// ZMPOP numkeys key [key …] MIN|MAX [COUNT count] (Redis 7.0 `zmpopGenericCommand`). Its keys
// are found from numkeys, so, as LMPOP, it runs as a keyspace command: it checks the syntax and
// the keys' slot, then proposes itself to that slot's region, whose apply pops from the first
// non-empty sorted set.
import RESP

enum SortedSetMultiPopCommand {
    static let entry = MultiPopArguments.entry("zmpop", keys: { parse($0).map(\.keys) }, apply: apply)

    struct Request {
        var keys: [[UInt8]]
        var highest: Bool
        var count: Int64
    }

    static func parse(_ argv: [[UInt8]]) -> Result<Request, RESPError> {
        let side: ([UInt8]) -> Bool? = { word in
            StringCommands.isOption(word, "min") ? false : StringCommands.isOption(word, "max") ? true : nil
        }
        return MultiPopArguments.parse(argv, side: side).map { Request(keys: $0.keys, highest: $0.side, count: $0.count) }
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
