// The hash commands that only read: HGET HMGET HLEN HSTRLEN HEXISTS HKEYS HVALS HGETALL.
import RESP

enum HashReadCommands {
    static let entries: [CommandEntry] = [
        CollectionCommands.read("hget", arity: 3) { argv, data in
            try field(argv, data) { $0.map(RESPValue.bulk) ?? .nullBulk }
        },
        CollectionCommands.read("hmget", arity: -3) { argv, data in
            switch try data.collection(argv[1], of: .hash) {
            case .wrongType: return CollectionCommands.wrongType
            case .missing: return .array(argv[2...].map { _ in .nullBulk })
            case .found(let record):
                return .array(try argv[2...].map { try data.member($0, of: argv[1], record).map(RESPValue.bulk) ?? .nullBulk })
            }
        },
        CollectionCommands.read("hlen", arity: 2) { argv, data in
            try whole(argv, data, empty: .integer(0)) { record, _ in .integer(Int64(clamping: record.count)) }
        },
        CollectionCommands.read("hstrlen", arity: 3) { argv, data in
            try field(argv, data) { .integer(Int64($0?.count ?? 0)) }
        },
        CollectionCommands.read("hexists", arity: 3) { argv, data in
            try field(argv, data) { .integer($0 == nil ? 0 : 1) }
        },
        CollectionCommands.read("hkeys", arity: 2, flags: [.readonly]) { argv, data in
            try whole(argv, data, empty: .array([])) { record, data in
                .array(try data.members(of: argv[1], record).map { .bulk($0.member) })
            }
        },
        CollectionCommands.read("hvals", arity: 2, flags: [.readonly]) { argv, data in
            try whole(argv, data, empty: .array([])) { record, data in
                .array(try data.members(of: argv[1], record).map { .bulk($0.value) })
            }
        },
        // A map in RESP3, a flat field/value array in RESP2; empty as a map too (Redis's `emptymap`).
        CollectionCommands.read("hgetall", arity: 2, flags: [.readonly]) { argv, data in
            try whole(argv, data, empty: .map([])) { record, data in
                .map(try data.members(of: argv[1], record).map { RESPValue.Entry(key: .bulk($0.member), value: .bulk($0.value)) })
            }
        },
    ]


    /// A reply about the field `argv[2]` of the hash `argv[1]`; a missing hash has no fields.
    private static func field(_ argv: [[UInt8]], _ data: KeyspaceRead, _ reply: ([UInt8]?) -> RESPValue) throws -> RESPValue {
        switch try data.collection(argv[1], of: .hash) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return reply(nil)
        case .found(let record): return reply(try data.member(argv[2], of: argv[1], record))
        }
    }

    /// A reply about the whole hash `argv[1]`, or `empty` when there is none.
    static func whole(_ argv: [[UInt8]], _ data: KeyspaceRead, empty: RESPValue,
                      _ reply: (KeyRecord, KeyspaceRead) throws -> RESPValue) throws -> RESPValue {
        switch try data.collection(argv[1], of: .hash) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return empty
        case .found(let record): return try reply(record, data)
        }
    }
}
