// ZRANGE and its older forms, ZRANGESTORE, ZCOUNT, ZLEXCOUNT (Redis 7.0's
// zrangeGenericCommand): by rank, score or member bytes, forwards or reversed, with LIMIT and
// WITHSCORES.
import RESP

enum SortedSetRangeCommands {
    enum Kind { case rank, score, lex }

    static let entries: [CommandEntry] = [
        CollectionCommands.read("zrange", arity: -4, flags: [.readonly]) { argv, data in try range(argv, data, kind: nil, reverse: nil) },
        CollectionCommands.read("zrevrange", arity: -4, flags: [.readonly]) { argv, data in try range(argv, data, kind: .rank, reverse: true) },
        CollectionCommands.read("zrangebyscore", arity: -4, flags: [.readonly]) { argv, data in try range(argv, data, kind: .score, reverse: false) },
        CollectionCommands.read("zrevrangebyscore", arity: -4, flags: [.readonly]) { argv, data in try range(argv, data, kind: .score, reverse: true) },
        CollectionCommands.read("zrangebylex", arity: -4, flags: [.readonly]) { argv, data in try range(argv, data, kind: .lex, reverse: false) },
        CollectionCommands.read("zrevrangebylex", arity: -4, flags: [.readonly]) { argv, data in try range(argv, data, kind: .lex, reverse: true) },
        CommandEntry(spec: CommandSpec("zrangestore", arity: -5, flags: [.write, .denyOOM], firstKey: 1, lastKey: 2, keyStep: 1,
                                       summary: "zrangestore"),
                     data: .write(normalize: nil, apply: store)),
        CollectionCommands.read("zcount", arity: 4, flags: [.readonly, .fast]) { argv, data in
            guard let range = ScoreRange(min: argv[2], max: argv[3]) else { return ScoreRange.notAFloat }
            return try CollectionCommands.whole(argv, data, of: .zset, empty: .integer(0)) { record in
                .integer(Int64(try SortedSetSelection.count(range, from: data, argv[1], record)
                    ?? SortedSetSelection.score(range).select(try SortedSetReadCommands.ordered(argv[1], record, data)).count))
            }
        },
        CollectionCommands.read("zlexcount", arity: 4, flags: [.readonly, .fast]) { argv, data in
            guard let range = LexRange(min: argv[2], max: argv[3]) else { return LexRange.invalid }
            return try CollectionCommands.whole(argv, data, of: .zset, empty: .integer(0)) { record in
                .integer(Int64(SortedSetSelection.lex(range).select(try SortedSetReadCommands.ordered(argv[1], record, data)).count))
            }
        },
    ]

    /// A parsed range request: what to select, in which direction, how much of it.
    struct Request {
        var selection: SortedSetSelection
        var reverse = false
        var withScores = false
        var offset: Int64 = 0, limit: Int64 = -1

        func select(_ ordered: [ScoredMember]) -> [ScoredMember] {
            selection.select(ordered, reverse: reverse, offset: offset, limit: limit)
        }
    }

    /// `zrangeGenericCommand`'s parsing: the range is at `rangeIndex` and `rangeIndex + 1`, the
    /// options after it; `kind`/`reverse` nil when the options choose them (ZRANGE). The store
    /// form takes no WITHSCORES.
    static func parse(_ argv: [[UInt8]], rangeIndex: Int, kind: Kind?, reverse: Bool?, store: Bool) -> Result<Request, RESPError> {
        var kind = kind, reverse = reverse
        var withScores = false, hasLimit = false
        var offset: Int64 = 0, limit: Int64 = -1
        var index = rangeIndex + 2
        while index < argv.count {
            let word = String(decoding: argv[index], as: UTF8.self).lowercased()
            if !store && word == "withscores" {
                withScores = true
            } else if word == "limit" && argv.count - index - 1 >= 2 {
                guard let parsedOffset = StrictInteger.parse(argv[index + 1]), let parsedLimit = StrictInteger.parse(argv[index + 2]) else {
                    return .failure(RESPError(StringCommands.notAnInteger))
                }
                (offset, limit, hasLimit) = (parsedOffset, parsedLimit, true)
                index += 2
            } else if reverse == nil && word == "rev" {
                reverse = true
            } else if kind == nil && word == "bylex" {
                kind = .lex
            } else if kind == nil && word == "byscore" {
                kind = .score
            } else {
                return .failure(RESPError(StringCommands.syntaxError))
            }
            index += 1
        }
        let chosenKind = kind ?? .rank
        let isReverse = reverse ?? false
        if hasLimit && chosenKind == .rank {
            return .failure(RESPError(.error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX")))
        }
        if withScores && chosenKind == .lex {
            return .failure(RESPError(.error("ERR syntax error, WITHSCORES not supported in combination with BYLEX")))
        }
        // BYSCORE and BYLEX reversed take the range as max, min.
        let (low, high) = isReverse && chosenKind != .rank
            ? (argv[rangeIndex + 1], argv[rangeIndex]) : (argv[rangeIndex], argv[rangeIndex + 1])
        let selection: SortedSetSelection
        switch chosenKind {
        case .rank:
            guard let start = StrictInteger.parse(low), let stop = StrictInteger.parse(high) else {
                return .failure(RESPError(StringCommands.notAnInteger))
            }
            selection = .rank(start: start, stop: stop)
        case .score:
            guard let range = ScoreRange(min: low, max: high) else { return .failure(RESPError(ScoreRange.notAFloat)) }
            selection = .score(range)
        case .lex:
            guard let range = LexRange(min: low, max: high) else { return .failure(RESPError(LexRange.invalid)) }
            selection = .lex(range)
        }
        return .success(Request(selection: selection, reverse: isReverse, withScores: withScores, offset: offset, limit: limit))
    }

    private static func range(_ argv: [[UInt8]], _ data: KeyspaceRead, kind: Kind?, reverse: Bool?) throws -> RESPValue {
        guard argv.count >= 4 else { return .error(CommandErrors.wrongArity(String(decoding: argv[0], as: UTF8.self).lowercased())) }
        let request: Request
        switch parse(argv, rangeIndex: 2, kind: kind, reverse: reverse, store: false) {
        case .failure(let error): return error.reply
        case .success(let parsed): request = parsed
        }
        return try CollectionCommands.whole(argv, data, of: .zset, empty: .array([])) { record in
            let selected = try request.selection.select(from: data, argv[1], record, reverse: request.reverse,
                                                        offset: request.offset, limit: request.limit)
                ?? request.select(try SortedSetReadCommands.ordered(argv[1], record, data))
            return reply(selected, withScores: request.withScores)
        }
    }

    /// Members alone, or with their scores as pairs (nested in RESP3).
    static func reply(_ members: [ScoredMember], withScores: Bool) -> RESPValue {
        guard withScores else { return .array(members.map { .bulk($0.member) }) }
        return .pairs(members.map { RESPValue.Entry(key: .bulk($0.member), value: .double($0.score)) })
    }

    /// `zrangestore dst src min max [BYSCORE|BYLEX] [REV] [LIMIT offset count]`: the destination
    /// becomes the selection (without expiry), or is deleted when it is empty; the reply is its size.
    static let store: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 5 else { return .error(CommandErrors.wrongArity("zrangestore")) }
        let request: Request
        switch parse(arguments, rangeIndex: 3, kind: nil, reverse: nil, store: true) {
        case .failure(let error): return error.reply
        case .success(let parsed): request = parsed
        }
        let selected: [ScoredMember]
        switch try context.collection(arguments[2], of: .zset) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: selected = []
        case .found(let record): selected = request.select(SortedSetOrder.ordered(try context.members(of: arguments[2], record)))
        }
        return .integer(try SortedSetStore.replace(arguments[1], with: selected, &context))
    }
}

enum SortedSetStore {
    /// Makes `destination` a sorted set of `members` (any old value of any type dropped), or
    /// deletes it when there are none; returns how many members it now has.
    static func replace(_ destination: [UInt8], with members: [ScoredMember], _ context: inout ApplyContext) throws -> Int64 {
        try context.delete(destination)
        guard !members.isEmpty else { return 0 }
        var record = try context.newCollection(.zset, for: destination)
        for entry in members { try context.setScore(entry.score, of: entry.member, in: destination, previous: nil, &record) }
        try context.storeCollection(destination, record)
        return Int64(members.count)
    }
}
