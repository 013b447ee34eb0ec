// Set commands (Redis 7.0 t_set.c) as data for the command table: the list, and the writes
// on one set (SADD SREM SPOP).
import RESP

enum SetCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: CollectionCommands.keySpec("sadd", arity: -3, flags: [.write, .denyOOM, .fast]),
                     data: .write(normalize: nil, apply: addMembers)),
        CommandEntry(spec: CollectionCommands.keySpec("srem", arity: -3, flags: [.write, .fast]),
                     data: .write(normalize: nil, apply: removeMembers)),
        CommandEntry(spec: CollectionCommands.keySpec("spop", arity: -2, flags: [.write, .fast]),
                     data: .write(normalize: nil, apply: pop)),
        SetMoveCommand.entry, CollectionScanCommands.setScan,
    ] + SetReadCommands.entries + SetAlgebraCommands.entries

    /// Members carry no value: the `sub` entry's presence is the membership.
    static let marker: [UInt8] = []

    static let addMembers: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 3 else { return .error(CommandErrors.wrongArity("sadd")) }
        let key = arguments[1]
        guard var record = try CollectionCommands.openForWrite(key, .set, &context) else { return CollectionCommands.wrongType }
        var added: Int64 = 0
        for member in arguments[2...] where try context.putMember(member, value: marker, of: key, &record) { added += 1 }
        if added > 0 { try context.storeCollection(key, record) }
        return .integer(added)
    }

    static let removeMembers: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 3 else { return .error(CommandErrors.wrongArity("srem")) }
        let key = arguments[1]
        switch try context.collection(key, of: .set) {
        case .missing: return .integer(0)
        case .wrongType: return CollectionCommands.wrongType
        case .found(var record):
            var removed: Int64 = 0
            for member in arguments[2...] where try context.deleteMember(member, of: key, &record) { removed += 1 }
            if removed > 0 { try context.storeCollection(key, record) }
            return .integer(removed)
        }
    }

    static let notPositive = RESPValue.error("ERR value is out of range, must be positive")

    /// `spop key [count]`: the members removed are chosen from the entry's seed, against the
    /// set apply finds, so every replica removes the same ones (DESIGN §6a).
    static let pop: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 2 else { return .error(CommandErrors.wrongArity("spop")) }
        guard arguments.count <= 3 else { return StringCommands.syntaxError }
        let key = arguments[1]
        var generator = CollectionCommands.generator(for: context)
        var count: Int64?
        if arguments.count == 3 {
            guard let parsed = StrictInteger.parse(arguments[2]), parsed >= 0 else { return notPositive }
            count = parsed
        }
        var record: KeyRecord
        switch try context.collection(key, of: .set) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return count == nil ? .nullBulk : .set([])
        case .found(let found): record = found
        }
        guard let count else {
            let members = try context.members(of: key, record)
            guard !members.isEmpty else { return .nullBulk }
            let member = members[CollectionCommands.position(below: members.count, using: &generator)].member
            try context.deleteMember(member, of: key, &record)
            try context.storeCollection(key, record)
            return .bulk(member)
        }
        guard count > 0 else { return .set([]) }
        let members = try context.members(of: key, record)
        let picked = CollectionCommands.distinctPositions(Int(clamping: count), of: members.count, using: &generator)
        for index in picked { try context.deleteMember(members[index].member, of: key, &record) }
        try context.storeCollection(key, record)
        return .set(picked.map { .bulk(members[$0].member) })
    }
}
