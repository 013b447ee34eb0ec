// BLPOP BRPOP BRPOPLPUSH BLMOVE BLMPOP (Redis 7.0 t_list.c): the list pops that wait for data.
import RESP

enum BlockingListCommands {
    static let entries: [CommandEntry] = [
        entry("blpop", arity: -3, firstKey: 1, lastKey: -2, form: popFirst(left: true)),
        entry("brpop", arity: -3, firstKey: 1, lastKey: -2, form: popFirst(left: false)),
        entry("brpoplpush", arity: 4, firstKey: 1, lastKey: 2, form: move(fixedSides: (from: false, to: true))),
        entry("blmove", arity: 6, firstKey: 1, lastKey: 2, form: move(fixedSides: nil)),
        CommandEntry(spec: CommandSpec("blmpop", arity: -5, flags: [.write, .blocking], summary: "blmpop",
                                       keySpecs: [KeySpec(flags: [.readWrite, .access, .delete], beginSearch: .index(2),
                                                          findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1))]),
                     data: .blocking(multiPop)),
    ]

    static func entry(_ name: String, arity: Int, firstKey: Int, lastKey: Int, form: BlockingForm) -> CommandEntry {
        var flags: CommandFlags = [.write, .noscript, .blocking]
        if name == "brpoplpush" || name == "blmove" { flags.insert(.denyOOM) }
        return CommandEntry(spec: CommandSpec(name, arity: arity, flags: flags, firstKey: firstKey, lastKey: lastKey, keyStep: 1, summary: name),
                            data: .blocking(form))
    }

    /// `key [key …] timeout`: the keys of BLPOP, BRPOP, BZPOPMIN and BZPOPMAX.
    static func keysThenTimeout(_ argv: [[UInt8]]) -> Result<BlockingRequest, RESPError> {
        guard argv.count >= 3, let last = argv.last else { return .failure(RESPError(StringCommands.syntaxError)) }
        return BlockTimeout.parse(last).map { timeout in
            let keys = Array(argv[1..<(argv.count - 1)])
            return BlockingRequest(waitKeys: keys, allKeys: keys, timeout: timeout)
        }
    }

    /// The request with only `key` left before its timeout.
    static func narrowedToKey(_ argv: [[UInt8]], _ key: [UInt8]) -> [[UInt8]] {
        [argv[0], key] + (argv.last.map { [$0] } ?? [])
    }

    /// BLPOP and BRPOP: `[key, item]` from the first non-empty list.
    static func popFirst(left: Bool) -> BlockingForm {
        BlockingForm(waitsFor: .list, parse: keysThenTimeout, wake: narrowedToKey) { request, context in
            for key in request.waitKeys {
                switch try context.collection(key, of: .list) {
                case .missing: continue
                case .wrongType: return CollectionCommands.wrongType
                case .found(var record):
                    guard let item = try ListStorage.pop(left: left, of: key, &record, &context) else { continue }
                    try context.storeCollection(key, record)
                    return .array([.bulk(key), .bulk(item)])
                }
            }
            return .nullArray
        }
    }

    /// BRPOPLPUSH (`fixedSides` right to left) and BLMOVE (sides from the request): a missing
    /// source answers a null bulk, LMOVE's reply.
    static func move(fixedSides: (from: Bool, to: Bool)?) -> BlockingForm {
        let parse: @Sendable ([[UInt8]]) -> Result<BlockingRequest, RESPError> = { argv in
            let timeoutIndex = fixedSides == nil ? 5 : 3
            guard argv.count == timeoutIndex + 1 else { return .failure(RESPError(StringCommands.syntaxError)) }
            var options: [String: Int64] = [:]
            if fixedSides == nil {
                guard let from = ListStorage.isLeft(argv[3]), let to = ListStorage.isLeft(argv[4]) else {
                    return .failure(RESPError(StringCommands.syntaxError))
                }
                options = ["from": from ? 1 : 0, "to": to ? 1 : 0]
            }
            return BlockTimeout.parse(argv[timeoutIndex]).map { timeout in
                BlockingRequest(waitKeys: [argv[1]], allKeys: [argv[1], argv[2]], timeout: timeout, options: options)
            }
        }
        return BlockingForm(waitsFor: .list, parse: parse, wake: { argv, _ in argv }) { request, context in
            let fromLeft = fixedSides?.from ?? (request.options["from"] == 1)
            let toLeft = fixedSides?.to ?? (request.options["to"] == 1)
            return try ListMoveCommands.move(request.allKeys[0], request.allKeys[1], fromLeft: fromLeft, toLeft: toLeft, &context)
        }
    }

    /// BLMPOP timeout numkeys key [key …] LEFT|RIGHT [COUNT count]: LMPOP's syntax is checked
    /// before the timeout, as Redis does.
    static let multiPop = multiPopForm(waitsFor: .list, parse: ListMultiPopCommand.parse, keys: \.keys, pop: ListMultiPopCommand.pop)

    /// BLMPOP and BZMPOP: the non-blocking command's request after the timeout argument.
    static func multiPopForm<Request>(waitsFor: KeyType, parse: @escaping @Sendable ([[UInt8]]) -> Result<Request, RESPError>,
                                      keys: @escaping @Sendable (Request) -> [[UInt8]],
                                      pop: @escaping @Sendable (Request, inout ApplyContext) throws -> RESPValue) -> BlockingForm {
        BlockingForm(
            waitsFor: waitsFor,
            parse: { argv in
                guard argv.count >= 2 else { return .failure(RESPError(StringCommands.syntaxError)) }
                return parse(withoutTimeout(argv)).flatMap { request in
                    BlockTimeout.parse(argv[1]).map { timeout in
                        BlockingRequest(waitKeys: keys(request), allKeys: keys(request), timeout: timeout)
                    }
                }
            },
            wake: narrowedMultiKey,
            serve: { _, context in
                switch parse(withoutTimeout(context.arguments)) {
                case .failure(let error): return error.reply
                case .success(let request): return try pop(request, &context)
                }
            })
    }

    /// `name timeout numkeys …` as `name numkeys …`, the non-blocking form's arguments.
    static func withoutTimeout(_ argv: [[UInt8]]) -> [[UInt8]] {
        guard argv.count >= 2 else { return argv }
        return [argv[0]] + argv[2...]
    }

    /// `name timeout numkeys keys… rest` with one key: the woken entry pops only from it.
    static func narrowedMultiKey(_ argv: [[UInt8]], _ key: [UInt8]) -> [[UInt8]] {
        guard argv.count >= 3, let count = StrictInteger.parse(argv[2]), count >= 1, count < Int64(argv.count) - 3 else { return argv }
        return [argv[0], argv[1], Array("1".utf8), key] + argv[(3 + Int(count))...]
    }
}
