// HRANDFIELD key [count [WITHVALUES]] (Redis 7.0 `hrandfieldCommand`).
import RESP

/// A read: its picks come from a fresh generator, as nothing is written that replicas must agree on.
enum HashRandomFieldCommand {
    static let entry = CommandEntry(spec: CollectionCommands.keySpec("hrandfield", arity: -2, flags: [.readonly]),
                                    data: .read(randomFields))

    static let randomFields: ReadHandler = { argv, data in
        var generator = SystemRandomNumberGenerator()
        guard argv.count >= 3 else { return try CollectionCommands.randomMember(argv[1], of: .hash, data, using: &generator) }
        let withValues = argv.count == 4
        guard argv.count <= 4, !withValues || StringCommands.isOption(argv[3], "withvalues") else { return StringCommands.syntaxError }
        let count: Int64
        switch CollectionCommands.parseSignedCount(argv[2]) {
        case .failure(let error): return error.reply
        case .success(let parsed): count = parsed
        }
        // Redis 7.0.x refuses a WITHVALUES count whose doubled reply length would overflow, before the lookup.
        if withValues, count.magnitude > UInt64(Int64.max / 2) { return .error("ERR value is out of range") }
        let record: KeyRecord
        switch try data.collection(argv[1], of: .hash) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return .array([])
        case .found(let found): record = found
        }
        guard count != 0 else { return .array([]) }
        let members = try data.members(of: argv[1], record)
        guard !members.isEmpty else { return .array([]) }
        let picked: [Int]
        if count < 0 || count == 1 {
            // Redis's case 1: any field may come back many times.
            let (repeats, overflowed) = count.magnitude.multipliedReportingOverflow(by: withValues ? 2 : 1)
            guard !overflowed, repeats <= UInt64(CollectionCommands.maximumRepeatedPicks) else { return CollectionCommands.tooManyPicks }
            picked = (0..<Int(count.magnitude)).map { _ in CollectionCommands.position(below: members.count, using: &generator) }
        } else {
            picked = CollectionCommands.distinctPositions(Int(clamping: count), of: members.count, using: &generator).shuffled(using: &generator)
        }
        // WITHVALUES: field/value pairs, nested in RESP3 as Redis 7.0 replies.
        guard withValues else { return .array(picked.map { .bulk(members[$0].member) }) }
        return .pairs(picked.map { RESPValue.Entry(key: .bulk(members[$0].member), value: .bulk(members[$0].value)) })
    }
}
