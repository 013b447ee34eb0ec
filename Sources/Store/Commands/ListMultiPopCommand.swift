// LMPOP numkeys key [key …] LEFT|RIGHT [COUNT count] (Redis 7.0 `lmpopGenericCommand`). Its
// keys are found from numkeys, which the legacy key range cannot say, so it runs as a keyspace
// command: it checks the syntax and the keys' slot, then proposes itself to that slot's region,
// whose apply pops from the first non-empty list.
import RESP

enum ListMultiPopCommand {
    static let entry = MultiPopArguments.entry("lmpop", keys: { parse($0).map(\.keys) }, apply: apply)

    struct Request {
        var keys: [[UInt8]]
        var left: Bool
        var count: Int64
    }

    static func parse(_ argv: [[UInt8]]) -> Result<Request, RESPError> {
        MultiPopArguments.parse(argv, side: ListStorage.isLeft).map { Request(keys: $0.keys, left: $0.side, count: $0.count) }
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
