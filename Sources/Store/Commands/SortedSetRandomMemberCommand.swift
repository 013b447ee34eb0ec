// ZRANDMEMBER key [count [WITHSCORES]] (Redis 7.0 `zrandmemberCommand`).
import RESP

/// A read: its picks come from a fresh generator, as nothing is written that replicas must agree on.
enum SortedSetRandomMemberCommand {
    static let entry = CommandEntry(spec: CollectionCommands.keySpec("zrandmember", arity: -2, flags: [.readonly]),
                                    data: .read(randomMembers))

    static let randomMembers: ReadHandler = { argv, data in
        var generator = SystemRandomNumberGenerator()
        guard argv.count >= 3 else { return try CollectionCommands.randomMember(argv[1], of: .zset, data, using: &generator) }
        let count: Int64
        switch CollectionCommands.parseSignedCount(argv[2]) {
        case .failure(let error): return error.reply
        case .success(let parsed): count = parsed
        }
        let withScores = argv.count == 4
        guard argv.count <= 4, !withScores || StringCommands.isOption(argv[3], "withscores") else { return StringCommands.syntaxError }
        // WITHSCORES doubles the reply's length: Redis refuses a count that would overflow it.
        if withScores, count.magnitude > UInt64(Int64.max / 2) { return .error("ERR value is out of range") }
        let record: KeyRecord
        switch try data.collection(argv[1], of: .zset) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return .array([])
        case .found(let found): record = found
        }
        guard count != 0 else { return .array([]) }
        let members = try SortedSetReadCommands.ordered(argv[1], record, data)
        guard !members.isEmpty else { return .array([]) }
        let picked: [ScoredMember]
        if count < 0 || count == 1 {
            // Redis's case 1: any member may come back many times.
            let (repeats, overflowed) = count.magnitude.multipliedReportingOverflow(by: withScores ? 2 : 1)
            guard !overflowed, repeats <= UInt64(CollectionCommands.maximumRepeatedPicks) else { return CollectionCommands.tooManyPicks }
            picked = (0..<Int(count.magnitude)).map { _ in members[CollectionCommands.position(below: members.count, using: &generator)] }
        } else if count >= Int64(members.count) {
            // Case 2: the whole sorted set, from the highest score down as Redis lists it.
            picked = members.reversed()
        } else {
            picked = CollectionCommands.distinctPositions(Int(count), of: members.count, using: &generator)
                .shuffled(using: &generator).map { members[$0] }
        }
        return SortedSetRangeCommands.reply(picked, withScores: withScores)
    }
}
