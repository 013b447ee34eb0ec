// The sorted set commands that only read: ZSCORE ZMSCORE ZCARD ZRANK ZREVRANK.
import RESP

enum SortedSetReadCommands {
    static let entries: [CommandEntry] = [
        CollectionCommands.read("zscore", arity: 3) { argv, data in
            try CollectionCommands.whole(argv, data, of: .zset, empty: .nullBulk) { record in
                try score(argv[2], argv[1], record, data).map { .double($0) } ?? .nullBulk
            }
        },
        CollectionCommands.read("zmscore", arity: -3) { argv, data in
            try CollectionCommands.whole(argv, data, of: .zset, empty: .array(argv[2...].map { _ in .nullBulk })) { record in
                .array(try argv[2...].map { try score($0, argv[1], record, data).map { .double($0) } ?? .nullBulk })
            }
        },
        CollectionCommands.read("zcard", arity: 2) { argv, data in
            try CollectionCommands.whole(argv, data, of: .zset, empty: .integer(0)) { record in .integer(Int64(clamping: record.count)) }
        },
        CollectionCommands.read("zrank", arity: 3) { argv, data in try rank(argv, data, reverse: false) },
        CollectionCommands.read("zrevrank", arity: 3) { argv, data in try rank(argv, data, reverse: true) },
    ]

    private static func score(_ member: [UInt8], _ key: [UInt8], _ record: KeyRecord, _ data: KeyspaceRead) throws -> Double? {
        try data.member(member, of: key, record).flatMap(ScoreKey.score)
    }

    /// Every member with its score, in Redis's order (score, then member bytes).
    static func ordered(_ key: [UInt8], _ record: KeyRecord, _ data: KeyspaceRead) throws -> [ScoredMember] {
        SortedSetOrder.ordered(try data.members(of: key, record))
    }

    private static func rank(_ argv: [[UInt8]], _ data: KeyspaceRead, reverse: Bool) throws -> RESPValue {
        try CollectionCommands.whole(argv, data, of: .zset, empty: .nullBulk) { record in
            let members = try ordered(argv[1], record, data)
            guard let index = members.firstIndex(where: { $0.member == argv[2] }) else { return .nullBulk }
            return .integer(Int64(reverse ? members.count - 1 - index : index))
        }
    }
}
