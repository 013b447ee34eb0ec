// The sorted set writes that remove by position: ZPOPMIN ZPOPMAX ZREMRANGEBYRANK
// ZREMRANGEBYSCORE ZREMRANGEBYLEX (Redis 7.0 genericZpopCommand, zremrangeGenericCommand).
import RESP

enum SortedSetRemoveCommands {
    static let entries: [CommandEntry] = [
        write("zpopmin", arity: -2, flags: [.write, .fast]) { context in try pop(&context, highest: false) },
        write("zpopmax", arity: -2, flags: [.write, .fast]) { context in try pop(&context, highest: true) },
        write("zremrangebyrank", arity: 4) { context in
            let arguments = context.arguments
            guard let start = StrictInteger.parse(arguments[2]), let stop = StrictInteger.parse(arguments[3]) else { return StringCommands.notAnInteger }
            return try removeRange(&context, .rank(start: start, stop: stop))
        },
        write("zremrangebyscore", arity: 4) { context in
            guard let range = ScoreRange(min: context.arguments[2], max: context.arguments[3]) else { return ScoreRange.notAFloat }
            return try removeRange(&context, .score(range))
        },
        write("zremrangebylex", arity: 4) { context in
            guard let range = LexRange(min: context.arguments[2], max: context.arguments[3]) else { return LexRange.invalid }
            return try removeRange(&context, .lex(range))
        },
    ]

    private static func write(_ name: String, arity: Int, flags: CommandFlags = [.write],
                              _ apply: @escaping ApplyHandler) -> CommandEntry {
        CommandEntry(spec: CollectionCommands.keySpec(name, arity: arity, flags: flags), data: .write(normalize: nil, apply: { context in
            guard arity > 0 ? context.arguments.count == arity : context.arguments.count >= -arity else {
                return .error(CommandErrors.wrongArity(name))
            }
            return try apply(&context)
        }))
    }

    /// Every member with its score, in Redis's order, as the write sees them.
    static func ordered(_ key: [UInt8], _ record: KeyRecord, _ context: ApplyContext) throws -> [ScoredMember] {
        SortedSetOrder.ordered(try context.members(of: key, record))
    }

    /// `zpopmin key [count]`: without a count a flat member, score; with one, pairs (nested in RESP3).
    private static func pop(_ context: inout ApplyContext, highest: Bool) throws -> RESPValue {
        let arguments = context.arguments
        guard arguments.count <= 3 else { return StringCommands.syntaxError }
        var count: Int64 = 1
        if arguments.count == 3 {
            guard let parsed = StrictInteger.parse(arguments[2]), parsed >= 0 else { return SetCommands.notPositive }
            count = parsed
        }
        let key = arguments[1]
        let popped: [ScoredMember]
        switch try context.collection(key, of: .zset) {
        case .missing: popped = []
        case .wrongType: return CollectionCommands.wrongType
        case .found(var record): popped = try pop(count, highest: highest, from: key, &record, &context)
        }
        guard arguments.count == 3 else { return .array(popped.flatMap { [RESPValue.bulk($0.member), .double($0.score)] }) }
        return SortedSetRangeCommands.reply(popped, withScores: true)
    }

    /// Removes up to `count` members from the lowest (or highest) score on and returns them.
    static func pop(_ count: Int64, highest: Bool, from key: [UInt8], _ record: inout KeyRecord,
                    _ context: inout ApplyContext) throws -> [ScoredMember] {
        guard count > 0 else { return [] }
        let popped: [ScoredMember]
        let view = context.readView
        if view.indexIsCurrent {
            popped = try view.firstScored(key, record, reverse: highest, limit: Int(clamping: count))
        } else {
            let members = try ordered(key, record, context)
            popped = Array((highest ? Array(members.reversed()) : members).prefix(Int(clamping: count)))
        }
        for entry in popped { try context.removeScored(entry.member, in: key, &record) }
        try context.storeCollection(key, record)
        return popped
    }

    private static func removeRange(_ context: inout ApplyContext, _ selection: SortedSetSelection) throws -> RESPValue {
        let key = context.arguments[1]
        switch try context.collection(key, of: .zset) {
        case .missing: return .integer(0)
        case .wrongType: return CollectionCommands.wrongType
        case .found(var record):
            let chosen = selection.select(try ordered(key, record, context))
            for entry in chosen { try context.removeScored(entry.member, in: key, &record) }
            if !chosen.isEmpty { try context.storeCollection(key, record) }
            return .integer(Int64(chosen.count))
        }
    }
}
