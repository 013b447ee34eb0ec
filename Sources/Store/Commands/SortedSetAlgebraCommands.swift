// ZUNION ZINTER ZDIFF, their STORE forms, and ZINTERCARD (Redis 7.0
// `zunionInterDiffGenericCommand`): WEIGHTS, AGGREGATE SUM|MIN|MAX, WITHSCORES, LIMIT. Plain
// sets take part as sorted sets whose scores are all 1. Their keys are found from numkeys, so,
// as SINTERCARD and LMPOP, they run as keyspace commands: they check numkeys and the keys' slot
// (DESIGN §5), then read from, or propose themselves to, that slot's region.
import RESP

enum SortedSetAlgebraCommands {
    enum Operation: Sendable { case union, intersection, difference }
    enum Aggregate: Sendable { case sum, min, max }

    static let entries: [CommandEntry] = [
        combined("zunion", .union), combined("zinter", .intersection), combined("zdiff", .difference),
        stored("zunionstore", .union), stored("zinterstore", .intersection), stored("zdiffstore", .difference),
        combined("zintercard", .intersection, cardinality: true),
    ]

    private static let sourceKeys = KeySpec(flags: [.readOnly, .access], beginSearch: .index(1),
                                            findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1))

    /// The reads by name, as a MULTI block runs them on its slot's region.
    static let reads: [String: ReadHandler] = [
        "zunion": read(.union), "zinter": read(.intersection), "zdiff": read(.difference),
        "zintercard": read(.intersection, cardinality: true),
    ]

    /// `zunion numkeys key … [WEIGHTS w …] [AGGREGATE …] [WITHSCORES]`, and ZINTERCARD's
    /// `numkeys key … [LIMIT limit]`: reads.
    private static func combined(_ name: String, _ operation: Operation, cardinality: Bool = false) -> CommandEntry {
        let handler = read(operation, cardinality: cardinality)
        return CommandEntry(spec: CommandSpec(name, arity: -3, flags: [.readonly], summary: name, keySpecs: [sourceKeys]),
                            data: .keyspace { argv, keyspace in
                                let keys: [[UInt8]]
                                switch sources(argv, numberIndex: 1) {
                                case .failure(let error): return error.reply
                                case .success(let found): keys = found
                                }
                                guard case .slot(let slot) = KeySlots.of(keys: keys) else { return KeySlots.crossSlotError }
                                return await keyspace.read(slot: slot, argv: argv, handler: handler)
                            })
    }

    private static func read(_ operation: Operation, cardinality: Bool = false) -> ReadHandler {
        { argv, data in
            let outcome: Outcome
            switch try evaluate(argv, numberIndex: 1, operation, store: false, cardinality: cardinality,
                                record: data.record(_:), members: { try data.members(of: $0, $1) }) {
            case .failure(let error): return error.reply
            case .success(let found): outcome = found
            }
            if cardinality { return .integer(Int64(outcome.members.count)) }
            return SortedSetRangeCommands.reply(outcome.members, withScores: outcome.withScores)
        }
    }

    /// `zunionstore destination numkeys key … [WEIGHTS w …] [AGGREGATE …]`: the destination
    /// becomes the result (without expiry), or is deleted when the result is empty; the reply
    /// is the result's size.
    private static func stored(_ name: String, _ operation: Operation) -> CommandEntry {
        let apply: ApplyHandler = { context in
            let arguments = context.arguments
            guard arguments.count >= 4 else { return .error(CommandErrors.wrongArity(name)) }
            let snapshot = context
            let outcome: Outcome
            switch try evaluate(arguments, numberIndex: 2, operation, store: true, cardinality: false,
                                record: snapshot.record(_:), members: snapshot.members(of:_:)) {
            case .failure(let error): return error.reply
            case .success(let found): outcome = found
            }
            return .integer(try SortedSetStore.replace(arguments[1], with: outcome.members, &context))
        }
        let destination = KeySpec(flags: [.overwrite, .update], beginSearch: .index(1), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0))
        let inputs = KeySpec(flags: [.readOnly, .access], beginSearch: .index(2),
                             findKeys: .keyNumber(keyNumberIndex: 0, firstKey: 1, keyStep: 1))
        return CommandEntry(spec: CommandSpec(name, arity: -4, flags: [.write, .denyOOM], summary: name, keySpecs: [destination, inputs]),
                            data: .keyspace { argv, keyspace in
                                let keys: [[UInt8]]
                                switch sources(argv, numberIndex: 2) {
                                case .failure(let error): return error.reply
                                case .success(let found): keys = found
                                }
                                guard case .slot(let slot) = KeySlots.of(keys: [argv[1]] + keys) else { return KeySlots.crossSlotError }
                                return await keyspace.propose(slot: slot, arguments: argv)
                            },
                            internalApplies: [name: apply])
    }

    /// The input keys named by the numkeys at `numberIndex`, or Redis's error for that numkeys.
    static func sources(_ argv: [[UInt8]], numberIndex: Int) -> Result<[[UInt8]], RESPError> {
        let name = argv.first.map { String(decoding: $0, as: UTF8.self).lowercased() } ?? ""
        guard argv.count > numberIndex, let count = StrictInteger.parse(argv[numberIndex]) else {
            return .failure(RESPError(StringCommands.notAnInteger))
        }
        guard count >= 1 else { return .failure(RESPError(.error("ERR at least 1 input key is needed for '\(name)' command"))) }
        guard count <= Int64(argv.count - numberIndex - 1) else { return .failure(RESPError(StringCommands.syntaxError)) }
        return .success(Array(argv[(numberIndex + 1)..<(numberIndex + 1 + Int(count))]))
    }

    struct Outcome {
        var members: [ScoredMember]
        var withScores: Bool
    }

    private struct Source {
        var members: [ScoredMember]
        var weight = 1.0
    }

    /// The whole command after numkeys, in Redis's order: every key's type (a key of a type
    /// other than set or sorted set answers WRONGTYPE before any option is read), then the
    /// options, then the result in Redis's order.
    static func evaluate(_ argv: [[UInt8]], numberIndex: Int, _ operation: Operation, store: Bool, cardinality: Bool,
                         record: ([UInt8]) throws -> KeyRecord?,
                         members: ([UInt8], KeyRecord) throws -> [(member: [UInt8], value: [UInt8])]) throws -> Result<Outcome, RESPError> {
        let keys: [[UInt8]]
        switch sources(argv, numberIndex: numberIndex) {
        case .failure(let error): return .failure(error)
        case .success(let found): keys = found
        }
        var found: [(key: [UInt8], record: KeyRecord)?] = []
        for key in keys {
            guard let live = try record(key) else { found.append(nil); continue }
            guard live.type == .zset || live.type == .set else { return .failure(RESPError(CollectionCommands.wrongType)) }
            found.append((key, live))
        }
        var weights = [Double](repeating: 1, count: keys.count)
        var aggregate = Aggregate.sum
        var withScores = false
        var limit: Int64 = 0
        var index = numberIndex + 1 + keys.count
        while index < argv.count {
            let remaining = argv.count - index
            let option = argv[index]
            if operation != .difference && !cardinality && remaining >= keys.count + 1 && StringCommands.isOption(option, "weights") {
                for position in keys.indices {
                    guard let weight = SortedSetScore.parse(argv[index + 1 + position]) else {
                        return .failure(RESPError(.error("ERR weight value is not a float")))
                    }
                    weights[position] = weight
                }
                index += keys.count + 1
            } else if operation != .difference && !cardinality && remaining >= 2 && StringCommands.isOption(option, "aggregate") {
                let word = argv[index + 1]
                if StringCommands.isOption(word, "sum") {
                    aggregate = .sum
                } else if StringCommands.isOption(word, "min") {
                    aggregate = .min
                } else if StringCommands.isOption(word, "max") {
                    aggregate = .max
                } else {
                    return .failure(RESPError(StringCommands.syntaxError))
                }
                index += 2
            } else if !store && !cardinality && StringCommands.isOption(option, "withscores") {
                withScores = true
                index += 1
            } else if cardinality && remaining >= 2 && StringCommands.isOption(option, "limit") {
                guard let parsed = StrictInteger.parse(argv[index + 1]), parsed >= 0 else {
                    return .failure(RESPError(.error("ERR LIMIT can't be negative")))
                }
                limit = parsed
                index += 2
            } else {
                return .failure(RESPError(StringCommands.syntaxError))
            }
        }
        var inputs: [Source] = []
        for (position, entry) in found.enumerated() {
            var loaded: [ScoredMember] = []
            if let entry {
                let stored = try members(entry.key, entry.record)
                loaded = entry.record.type == .zset ? SortedSetOrder.ordered(stored) : stored.map { (member: $0.member, score: 1.0) }
            }
            inputs.append(Source(members: loaded, weight: weights[position]))
        }
        let result = combine(inputs, operation, aggregate, limit: cardinality ? Int(clamping: limit) : 0)
        return .success(Outcome(members: result.sorted(by: SortedSetScore.precedes), withScores: withScores))
    }

    /// `zunionInterAggregate`: a sum of +inf and -inf is 0, as in Redis; MIN and MAX keep the
    /// current score when the new one is NaN.
    static func aggregated(_ current: Double, _ value: Double, _ aggregate: Aggregate) -> Double {
        switch aggregate {
        case .sum:
            let sum = current + value
            return sum.isNaN ? 0 : sum
        case .min: return value < current ? value : current
        case .max: return value > current ? value : current
        }
    }

    /// A weighted score; a NaN (0 × ±inf) becomes 0 as Redis makes it.
    private static func weighted(_ score: Double, _ weight: Double) -> Double {
        let value = weight * score
        return value.isNaN ? 0 : value
    }

    /// The result, unordered. Union and intersection visit the inputs from the smallest on (Redis
    /// sorts them by size, which decides the order of a SUM's terms); an intersection stops
    /// after `limit` members (0: no limit).
    private static func combine(_ inputs: [Source], _ operation: Operation, _ aggregate: Aggregate, limit: Int) -> [ScoredMember] {
        switch operation {
        case .difference:
            guard let first = inputs.first else { return [] }
            let removed = Set(inputs.dropFirst().flatMap { $0.members.map(\.member) })
            return first.members.filter { !removed.contains($0.member) }
        case .union:
            var scores: [[UInt8]: Double] = [:]
            var order: [[UInt8]] = []
            for input in bySize(inputs) {
                for entry in input.members {
                    let score = weighted(entry.score, input.weight)
                    if let current = scores[entry.member] {
                        scores[entry.member] = aggregated(current, score, aggregate)
                    } else {
                        scores[entry.member] = score
                        order.append(entry.member)
                    }
                }
            }
            return order.map { (member: $0, score: scores[$0] ?? 0) }
        case .intersection:
            let sorted = bySize(inputs)
            guard let smallest = sorted.first else { return [] }
            let lookups = sorted.dropFirst().map { input in
                (scores: Dictionary(input.members.map { ($0.member, $0.score) }, uniquingKeysWith: { first, _ in first }), weight: input.weight)
            }
            var result: [ScoredMember] = []
            candidates: for entry in smallest.members {
                var score = weighted(entry.score, smallest.weight)
                for other in lookups {
                    guard let found = other.scores[entry.member] else { continue candidates }
                    score = aggregated(score, found * other.weight, aggregate)
                }
                result.append((member: entry.member, score: score))
                if limit > 0, result.count >= limit { break }
            }
            return result
        }
    }

    /// The inputs from the smallest to the largest, equal sizes in argument order.
    private static func bySize(_ inputs: [Source]) -> [Source] {
        inputs.enumerated().sorted { left, right in
            left.element.members.count != right.element.members.count
                ? left.element.members.count < right.element.members.count : left.offset < right.offset
        }.map(\.element)
    }
}
