// SCAN cursor [MATCH pattern] [COUNT n] [TYPE name] over every region, with DESIGN §5's cursors.
import RESP

enum ScanCommand {
    static let entry = CommandEntry(
        spec: CommandSpec("scan", arity: -2, flags: [.readonly], summary: "Incrementally iterate the keys space",
                          categories: [.keyspace], tips: ["nondeterministic_output", "request_policy:special"],
                          docs: CommandDocs(since: "2.8.0", group: .generic,
                                            complexity: "O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.")),
        data: .keyspace { argv, keyspace in await scan(argv, keyspace) })

    static let invalidCursor = RESPValue.error("ERR invalid cursor")

    struct Options: Equatable {
        /// How many stored keys to examine: a hint, as in Redis (expired and filtered keys count).
        var count: Int64 = 10
        var pattern: [UInt8]?
        var typeName: [UInt8]?
    }

    /// Redis's `scanGenericCommand` option loop: each option needs its value, the last of a
    /// repeated option wins, and the first bad one is the reply.
    static func parseOptions(_ argv: [[UInt8]], from start: Int) -> Result<Options, RESPError> {
        var options = Options()
        var index = start
        while index < argv.count {
            let hasValue = index + 1 < argv.count
            switch String(decoding: argv[index], as: UTF8.self).lowercased() {
            case "count" where hasValue:
                guard let count = StrictInteger.parse(argv[index + 1]) else { return .failure(RESPError(ExtendedStringOptions.notAnInteger)) }
                guard count >= 1 else { return .failure(RESPError(ExtendedStringOptions.syntaxError)) }
                options.count = count
            case "match" where hasValue:
                options.pattern = argv[index + 1]
            case "type" where hasValue:
                options.typeName = argv[index + 1]
            default:
                return .failure(RESPError(ExtendedStringOptions.syntaxError))
            }
            index += 2
        }
        return .success(options)
    }

    /// Examines about COUNT stored keys from the cursor's position, crossing into the next
    /// regions while the budget lasts, then filters (so a page may be empty while the cursor is
    /// not 0). The reply's cursor names the last key examined, or the start of the next region.
    static func scan(_ argv: [[UInt8]], _ keyspace: Keyspace) async -> RESPValue {
        guard let cursor = ScanCursorSyntax.parse(argv[1]) else { return invalidCursor }
        let options: Options
        switch parseOptions(argv, from: 2) {
        case .failure(let error): return error.reply
        case .success(let parsed): options = parsed
        }
        let filter = KeyFilter(pattern: options.pattern, typeName: options.typeName)
        let regions = keyspace.regions
        let (slot, resumeAfter) = keyspace.scanCursors.position(of: cursor)
        guard var regionIndex = regions.firstIndex(where: { $0.slots.contains(slot) }) else { return reply(cursor: 0, keys: []) }
        var start = resumePoint(slot: slot, after: resumeAfter)
        var budget = options.count
        var found: [[UInt8]] = []
        while true {
            let page: KeyspaceWalk.Page
            let limit = Int(min(budget, Int64(KeyspaceWalk.pageLimit)))
            switch await KeyspaceWalk.page(keyspace, regions[regionIndex], from: start, limit: limit, filter: filter) {
            case .failure(let error): return error.reply
            case .success(let fetched): page = fetched
            }
            found += page.keys
            budget -= Int64(page.examined)
            if page.exhausted {
                regionIndex += 1
                guard regionIndex < regions.count else { return reply(cursor: 0, keys: found) }
                start = regions[regionIndex].startKey
                if budget <= 0 {
                    return reply(cursor: ScanCursorTable.cursor(startingSlot: regions[regionIndex].slots.lowerBound), keys: found)
                }
            } else {
                guard let last = page.lastExamined, let decoded = StoredKey.decodeMeta(last) else { return reply(cursor: 0, keys: found) }
                start = last + [0]
                if budget <= 0 { return reply(cursor: keyspace.scanCursors.cursor(slot: decoded.slot, after: last), keys: found) }
            }
        }
    }

    /// Where a cursor resumes: after the stored key its id names, or at its slot's start when
    /// the id is unknown or forgotten, or names a key of another slot (a cursor not issued by
    /// this node). So a key that exists throughout a scan is never skipped.
    static func resumePoint(slot: Int, after stored: [UInt8]?) -> [UInt8] {
        guard let stored, StoredKey.decodeMeta(stored)?.slot == slot else { return StoredKey.slotStart(slot) }
        return stored + [0]
    }

    private static func reply(cursor: UInt64, keys: [[UInt8]]) -> RESPValue {
        .array([.bulk(String(cursor)), .array(keys.map { .bulk($0) })])
    }
}
