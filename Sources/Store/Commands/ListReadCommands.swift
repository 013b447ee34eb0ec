// The list commands that only read: LLEN LINDEX LRANGE LPOS (Redis 7.0 t_list.c).
import RESP

enum ListReadCommands {
    static let entries: [CommandEntry] = [
        CollectionCommands.read("llen", arity: 2) { argv, data in
            try CollectionCommands.whole(argv, data, of: .list, empty: .integer(0)) { record in .integer(Int64(clamping: record.count)) }
        },
        CollectionCommands.read("lindex", arity: 3) { argv, data in
            try CollectionCommands.whole(argv, data, of: .list, empty: .nullBulk) { record in
                guard let index = StrictInteger.parse(argv[2]) else { return StringCommands.notAnInteger }
                guard let offset = ListStorage.offset(index, count: record.count) else { return .nullBulk }
                return try data.member(ListStorage.position(record.head &+ offset), of: argv[1], record).map { .bulk($0) } ?? .nullBulk
            }
        },
        CollectionCommands.read("lrange", arity: 4, flags: [.readonly]) { argv, data in
            guard let start = StrictInteger.parse(argv[2]), let end = StrictInteger.parse(argv[3]) else { return StringCommands.notAnInteger }
            return try CollectionCommands.whole(argv, data, of: .list, empty: .array([])) { record in
                guard let kept = ListStorage.range(start, end, count: record.count) else { return .array([]) }
                let limit = Int(clamping: kept.upperBound - kept.lowerBound + 1)
                let items = try data.members(of: argv[1], record, from: ListStorage.position(record.head &+ kept.lowerBound), limit: limit)
                return .array(items.map { .bulk($0.value) })
            }
        },
        CollectionCommands.read("lpos", arity: -3, flags: [.readonly], ListPositionCommand.find),
    ]


}
