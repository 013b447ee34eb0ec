// The set commands that only read: SMEMBERS SISMEMBER SMISMEMBER SCARD SRANDMEMBER.
import RESP

enum SetReadCommands {
    static let entries: [CommandEntry] = [
        // A set in RESP3 (`~`), as Redis's SMEMBERS (an intersection of one set) answers.
        CollectionCommands.read("smembers", arity: 2, flags: [.readonly]) { argv, data in
            try CollectionCommands.whole(argv, data, of: .set, empty: .set([])) { record in .set(try data.members(of: argv[1], record).map { .bulk($0.member) }) }
        },
        CollectionCommands.read("sismember", arity: 3) { argv, data in
            try CollectionCommands.whole(argv, data, of: .set, empty: .integer(0)) { record in .integer(try data.member(argv[2], of: argv[1], record) == nil ? 0 : 1) }
        },
        CollectionCommands.read("smismember", arity: -3) { argv, data in
            try CollectionCommands.whole(argv, data, of: .set, empty: .array(argv[2...].map { _ in .integer(0) })) { record in
                .array(try argv[2...].map { .integer(try data.member($0, of: argv[1], record) == nil ? 0 : 1) })
            }
        },
        CollectionCommands.read("scard", arity: 2) { argv, data in
            try CollectionCommands.whole(argv, data, of: .set, empty: .integer(0)) { record in .integer(Int64(clamping: record.count)) }
        },
        CollectionCommands.read("srandmember", arity: -2, flags: [.readonly], randomMembers),
    ]



    /// A read, so a fresh generator: nothing it picks is written.
    static let randomMembers: ReadHandler = { argv, data in
        var generator = SystemRandomNumberGenerator()
        guard argv.count >= 3 else {
            return try CollectionCommands.whole(argv, data, of: .set, empty: .nullBulk) { record in
                let members = try data.members(of: argv[1], record)
                guard !members.isEmpty else { return .nullBulk }
                return .bulk(members[CollectionCommands.position(below: members.count, using: &generator)].member)
            }
        }
        guard argv.count == 3 else { return StringCommands.syntaxError }
        let count: Int64
        switch CollectionCommands.parseSignedCount(argv[2]) {
        case .failure(let error): return error.reply
        case .success(let parsed): count = parsed
        }
        return try CollectionCommands.whole(argv, data, of: .set, empty: .array([])) { record in
            guard count != 0 else { return .array([]) }
            let members = try data.members(of: argv[1], record)
            guard !members.isEmpty else { return .array([]) }
            if count < 0 {
                guard count.magnitude <= UInt64(CollectionCommands.maximumRepeatedPicks) else { return CollectionCommands.tooManyPicks }
                return .array((0..<Int(count.magnitude)).map { _ in
                    .bulk(members[CollectionCommands.position(below: members.count, using: &generator)].member)
                })
            }
            let picked = CollectionCommands.distinctPositions(Int(clamping: count), of: members.count, using: &generator)
            return .array(picked.shuffled(using: &generator).map { .bulk(members[$0].member) })
        }
    }
}
