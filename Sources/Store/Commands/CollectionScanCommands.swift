// HSCAN SSCAN ZSCAN key cursor [MATCH pattern] [COUNT count] (Redis 7.0 `scanGenericCommand`).
import RESP

/// Cursors here are positions in the collection's member order (bytes ascending; a sorted
/// set's own order for ZSCAN, and a sorted set Redis would keep as a listpack comes back
/// whole in one call, as Redis answers it): a cursor n
/// resumes at the n-th member. A member that exists throughout the scan is returned unless
/// members before it are removed between calls (then it may be skipped); Redis's cursors
/// are reverse-binary bucket indexes instead (docs/COMPATIBILITY.md). COUNT members are
/// examined per call, then MATCH filters them, so a page may be empty before the end.
enum CollectionScanCommands {
    static let hashScan = CommandEntry(spec: CollectionCommands.keySpec("hscan", arity: -3, flags: [.readonly]),
                                       data: .read { argv, data in try scan(argv, data, type: .hash) })
    static let setScan = CommandEntry(spec: CollectionCommands.keySpec("sscan", arity: -3, flags: [.readonly]),
                                      data: .read { argv, data in try scan(argv, data, type: .set) })
    static let sortedSetScan = CommandEntry(spec: CollectionCommands.keySpec("zscan", arity: -3, flags: [.readonly]),
                                            data: .read { argv, data in try scan(argv, data, type: .zset) })

    static func scan(_ argv: [[UInt8]], _ data: KeyspaceRead, type: KeyType) throws -> RESPValue {
        guard let cursor = ScanCursorSyntax.parse(argv[2]) else { return ScanCommand.invalidCursor }
        let record: KeyRecord
        switch try data.collection(argv[1], of: type) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return reply(cursor: 0, [])
        case .found(let found): record = found
        }
        let options: ScanCommand.Options
        switch ScanCommand.parseOptions(argv, from: 3) {
        case .failure(let error): return error.reply
        case .success(let parsed): options = parsed
        }
        // TYPE filters keys; Redis refuses it when scanning one key's members.
        guard options.typeName == nil else { return StringCommands.syntaxError }
        let pattern = options.pattern.flatMap { $0 == [UInt8(ascii: "*")] ? nil : GlobPattern($0) }
        let members: [(member: [UInt8], value: [UInt8])] = if type == .zset {
            try SortedSetReadCommands.ordered(argv[1], record, data).map { (member: $0.member, value: scoreText($0.score)) }
        } else {
            try data.members(of: argv[1], record)
        }
        var start = Int(clamping: min(cursor, UInt64(members.count)))
        var end = start + Int(clamping: min(options.count, Int64(members.count - start)))
        if type == .zset && isListpackSized(members.map(\.member)) {
            // Redis answers a sorted set it keeps as a listpack whole, whatever the cursor and COUNT.
            (start, end) = (0, members.count)
        }
        var found: [RESPValue] = []
        for (member, value) in members[start..<end] where pattern?.matches(member) ?? true {
            found.append(.bulk(member))
            if type != .set { found.append(.bulk(value)) }
        }
        return reply(cursor: end < members.count ? UInt64(end) : 0, found)
    }

    /// Whether Redis 7.0 keeps a sorted set of these members as a listpack by its default
    /// thresholds (zset-max-listpack-entries 128, zset-max-listpack-value 64), as OBJECT
    /// ENCODING reports it.
    private static func isListpackSized(_ members: [[UInt8]]) -> Bool {
        members.count <= 128 && members.allSatisfy { $0.count <= 64 }
    }

    /// A score as ZSCAN shows it (Redis's `d2string`): an integral score below 2^52 in magnitude
    /// as an integer (zero as `0`), otherwise `%.17g` with `inf`/`-inf`.
    static func scoreText(_ score: Double) -> [UInt8] {
        if score == 0 { return Array("0".utf8) }
        if score > -4_503_599_627_370_495, score < 4_503_599_627_370_496, score == score.rounded(.towardZero) {
            return Array(String(Int64(score)).utf8)
        }
        var text: [UInt8] = []
        PrintfDouble.appendG17(score, to: &text)
        return text
    }

    private static func reply(cursor: UInt64, _ items: [RESPValue]) -> RESPValue {
        .array([.bulk(String(cursor)), .array(items)])
    }
}
