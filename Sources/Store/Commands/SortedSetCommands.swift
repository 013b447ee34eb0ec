// Sorted set commands (Redis 7.0 t_zset.c) as data for the command table: the writes ZADD
// ZINCRBY ZREM; the others are listed with them (reads, ranges, removals, algebra, ZMPOP,
// ZRANDMEMBER, ZSCAN).
import RESP

enum SortedSetCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: CollectionCommands.keySpec("zadd", arity: -4, flags: [.write, .denyOOM, .fast]),
                     data: .write(normalize: nil, apply: add)),
        CommandEntry(spec: CollectionCommands.keySpec("zincrby", arity: 4, flags: [.write, .denyOOM, .fast]),
                     data: .write(normalize: nil, apply: incrementBy)),
        CommandEntry(spec: CollectionCommands.keySpec("zrem", arity: -3, flags: [.write, .fast]),
                     data: .write(normalize: nil, apply: remove)),
    ] + SortedSetReadCommands.entries + SortedSetRangeCommands.entries + SortedSetRemoveCommands.entries
        + SortedSetAlgebraCommands.entries
        + [SortedSetMultiPopCommand.entry, SortedSetRandomMemberCommand.entry, CollectionScanCommands.sortedSetScan]

    struct AddOptions {
        var nx = false, xx = false, gt = false, lt = false, ch = false, incr = false
    }

    static let add: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 4 else { return .error(CommandErrors.wrongArity("zadd")) }
        var options = AddOptions()
        var index = 2
        flags: while index < arguments.count {
            switch String(decoding: arguments[index], as: UTF8.self).lowercased() {
            case "nx": options.nx = true
            case "xx": options.xx = true
            case "gt": options.gt = true
            case "lt": options.lt = true
            case "ch": options.ch = true
            case "incr": options.incr = true
            default: break flags
            }
            index += 1
        }
        return try apply(Array(arguments[index...]), options, &context)
    }

    static let incrementBy: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("zincrby")) }
        var options = AddOptions()
        options.incr = true
        return try apply(Array(arguments[2...]), options, &context)
    }

    /// `zaddGenericCommand` from its score/member pairs on.
    private static func apply(_ pairs: [[UInt8]], _ options: AddOptions, _ context: inout ApplyContext) throws -> RESPValue {
        guard !pairs.isEmpty, pairs.count % 2 == 0 else { return StringCommands.syntaxError }
        if options.nx && options.xx { return .error("ERR XX and NX options at the same time are not compatible") }
        if (options.gt && options.nx) || (options.lt && options.nx) || (options.gt && options.lt) {
            return .error("ERR GT, LT, and/or NX options at the same time are not compatible")
        }
        if options.incr && pairs.count > 2 { return .error("ERR INCR option supports a single increment-element pair") }
        var scores: [Double] = []
        for position in stride(from: 0, to: pairs.count, by: 2) {
            guard let score = SortedSetScore.parse(pairs[position]) else { return SortedSetScore.notAFloat }
            scores.append(score)
        }
        let key = context.arguments[1]
        var record: KeyRecord
        switch try context.collection(key, of: .zset) {
        case .wrongType: return CollectionCommands.wrongType
        case .found(let found): record = found
        case .missing:
            if options.xx { return options.incr ? .nullBulk : .integer(0) }
            record = try context.newCollection(.zset, for: key)
        }
        var added: Int64 = 0, updated: Int64 = 0, processed = 0
        var reported = 0.0
        var failure: RESPValue?
        for (offset, requested) in scores.enumerated() {
            let member = pairs[2 * offset + 1]
            var score = requested
            if let current = try context.score(of: member, in: key, record) {
                if options.nx { continue }
                if options.incr {
                    score += current
                    if score.isNaN { failure = SortedSetScore.notANumber; break }
                }
                if (options.lt && score >= current) || (options.gt && score <= current) { continue }
                if score != current {
                    try context.setScore(score, of: member, in: key, previous: current, &record)
                    updated += 1
                }
            } else {
                if options.xx { continue }
                try context.setScore(score, of: member, in: key, previous: nil, &record)
                added += 1
            }
            processed += 1
            reported = score
        }
        if added > 0 || updated > 0 { try context.storeCollection(key, record) }
        if let failure { return failure }
        if options.incr { return processed > 0 ? .double(reported) : .nullBulk }
        return .integer(options.ch ? added &+ updated : added)
    }

    static let remove: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 3 else { return .error(CommandErrors.wrongArity("zrem")) }
        let key = arguments[1]
        switch try context.collection(key, of: .zset) {
        case .missing: return .integer(0)
        case .wrongType: return CollectionCommands.wrongType
        case .found(var record):
            var removed: Int64 = 0
            for member in arguments[2...] where try context.removeScored(member, in: key, &record) { removed += 1 }
            if removed > 0 { try context.storeCollection(key, record) }
            return .integer(removed)
        }
    }
}
