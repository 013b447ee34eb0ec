// ZRANGE and its older forms, ZCOUNT, ZLEXCOUNT (Redis 7.0's zrangeGenericCommand): by rank,
// score or member bytes, forwards or reversed, with LIMIT and WITHSCORES.
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
        CollectionCommands.read("zcount", arity: 4, flags: [.readonly, .fast]) { argv, data in
            guard let range = ScoreRange(min: argv[2], max: argv[3]) else { return ScoreRange.notAFloat }
            return try CollectionCommands.whole(argv, data, of: .zset, empty: .integer(0)) { record in
                .integer(Int64(try SortedSetReadCommands.ordered(argv[1], record, data).count { range.contains($0.score) }))
            }
        },
        CollectionCommands.read("zlexcount", arity: 4, flags: [.readonly, .fast]) { argv, data in
            guard let range = LexRange(min: argv[2], max: argv[3]) else { return LexRange.invalid }
            return try CollectionCommands.whole(argv, data, of: .zset, empty: .integer(0)) { record in
                .integer(Int64(try SortedSetReadCommands.ordered(argv[1], record, data).count { range.contains($0.member) }))
            }
        },
    ]


    struct Options {
        var kind: Kind?, reverse: Bool?
        var withScores = false
        var offset: Int64 = 0, limit: Int64 = -1, hasLimit = false
    }

    private static func range(_ argv: [[UInt8]], _ data: KeyspaceRead, kind: Kind?, reverse: Bool?) throws -> RESPValue {
        guard argv.count >= 4 else { return .error(CommandErrors.wrongArity(String(decoding: argv[0], as: UTF8.self).lowercased())) }
        var options = Options(kind: kind, reverse: reverse)
        var index = 4
        while index < argv.count {
            let word = String(decoding: argv[index], as: UTF8.self).lowercased()
            if word == "withscores" {
                options.withScores = true
            } else if word == "limit" && argv.count - index - 1 >= 2 {
                guard let offset = StrictInteger.parse(argv[index + 1]), let limit = StrictInteger.parse(argv[index + 2]) else {
                    return StringCommands.notAnInteger
                }
                (options.offset, options.limit, options.hasLimit) = (offset, limit, true)
                index += 2
            } else if options.reverse == nil && word == "rev" {
                options.reverse = true
            } else if options.kind == nil && word == "bylex" {
                options.kind = .lex
            } else if options.kind == nil && word == "byscore" {
                options.kind = .score
            } else {
                return StringCommands.syntaxError
            }
            index += 1
        }
        let kind = options.kind ?? .rank
        let reverse = options.reverse ?? false
        if options.hasLimit && kind == .rank {
            return .error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX")
        }
        if options.withScores && kind == .lex { return .error("ERR syntax error, WITHSCORES not supported in combination with BYLEX") }
        // BYSCORE and BYLEX reversed take the range as max, min.
        let (low, high) = reverse && kind != .rank ? (argv[3], argv[2]) : (argv[2], argv[3])
        let select: ([(member: [UInt8], score: Double)]) -> [(member: [UInt8], score: Double)]
        switch kind {
        case .rank:
            guard let start = StrictInteger.parse(low), let stop = StrictInteger.parse(high) else { return StringCommands.notAnInteger }
            select = { members in byRank(members, start: start, stop: stop, reverse: reverse) }
        case .score:
            guard let range = ScoreRange(min: low, max: high) else { return ScoreRange.notAFloat }
            select = { members in limited(members.filter { range.contains($0.score) }, options, reverse: reverse) }
        case .lex:
            guard let range = LexRange(min: low, max: high) else { return LexRange.invalid }
            select = { members in limited(members.filter { range.contains($0.member) }, options, reverse: reverse) }
        }
        return try CollectionCommands.whole(argv, data, of: .zset, empty: .array([])) { record in
            let selected = select(try SortedSetReadCommands.ordered(argv[1], record, data))
            guard options.withScores else { return .array(selected.map { .bulk($0.member) }) }
            return .array(selected.flatMap { [RESPValue.bulk($0.member), .double($0.score)] })
        }
    }

    /// `genericZrangebyrankCommand`: negative indexes count from the end, then clamp.
    private static func byRank(_ members: [(member: [UInt8], score: Double)], start: Int64, stop: Int64, reverse: Bool)
        -> [(member: [UInt8], score: Double)]
    {
        let length = Int64(members.count)
        var first = start < 0 ? length &+ start : start
        var last = stop < 0 ? length &+ stop : stop
        if first < 0 { first = 0 }
        guard first <= last, first < length else { return [] }
        if last >= length { last = length - 1 }
        let ordered = reverse ? Array(members.reversed()) : members
        return Array(ordered[Int(first)...Int(last)])
    }

    /// LIMIT over the matching members in the reply's direction: a negative offset matches
    /// nothing, a negative count means all.
    private static func limited(_ matching: [(member: [UInt8], score: Double)], _ options: Options, reverse: Bool)
        -> [(member: [UInt8], score: Double)]
    {
        let ordered = reverse ? Array(matching.reversed()) : matching
        guard options.offset >= 0 else { return [] }
        let rest = ordered.dropFirst(Int(clamping: options.offset))
        return options.limit < 0 ? Array(rest) : Array(rest.prefix(Int(clamping: options.limit)))
    }
}
