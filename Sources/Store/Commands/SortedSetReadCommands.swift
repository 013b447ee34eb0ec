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
        guard data.indexIsCurrent else { return SortedSetOrder.ordered(try data.members(of: key, record)) }
        var members: [ScoredMember] = []
        members.reserveCapacity(Int(clamping: record.count))
        try data.walkScores(key, record) { member in
            members.append(member)
            return true
        }
        return members
    }

    private static func rank(_ argv: [[UInt8]], _ data: KeyspaceRead, reverse: Bool) throws -> RESPValue {
        try CollectionCommands.whole(argv, data, of: .zset, empty: .nullBulk) { record in
            if data.indexIsCurrent {
                // Counted on the index up to the member, from the end the rank counts from.
                guard let score = try score(argv[2], argv[1], record, data) else { return .nullBulk }
                var rank: Int64 = 0
                var found = false
                try data.walkScores(argv[1], record, reverse: reverse) { member in
                    if member.score == score && member.member == argv[2] {
                        found = true
                        return false
                    }
                    rank += 1
                    return true
                }
                return found ? .integer(rank) : .nullBulk
            }
            let members = try ordered(argv[1], record, data)
            guard let index = members.firstIndex(where: { $0.member == argv[2] }) else { return .nullBulk }
            return .integer(Int64(reverse ? members.count - 1 - index : index))
        }
    }
}
