// Hash commands (Redis 7.0 t_hash.c) as data for the command table: the list, and the writes.
import RESP

enum HashCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: CollectionCommands.keySpec("hset", arity: -4, flags: [.write, .denyOOM, .fast]),
                     data: .write(normalize: nil, apply: setFields)),
        CommandEntry(spec: CollectionCommands.keySpec("hmset", arity: -4, flags: [.write, .denyOOM, .fast]),
                     data: .write(normalize: nil, apply: setFields)),
        CommandEntry(spec: CollectionCommands.keySpec("hsetnx", arity: 4, flags: [.write, .denyOOM, .fast]),
                     data: .write(normalize: nil, apply: setFieldIfAbsent)),
        CommandEntry(spec: CollectionCommands.keySpec("hdel", arity: -3, flags: [.write, .fast]),
                     data: .write(normalize: nil, apply: deleteFields)),
    ] + HashReadCommands.entries + HashIncrementCommands.entries + [HashRandomFieldCommand.entry, CollectionScanCommands.hashScan]

    /// `hset`/`hmset key field value…`: HSET answers how many fields are new, HMSET OK.
    static let setFields: ApplyHandler = { context in
        let arguments = context.arguments
        let name = context.entry.commandName
        guard arguments.count >= 4, arguments.count % 2 == 0 else { return .error(CommandErrors.wrongArity(name)) }
        let key = arguments[1]
        guard var record = try CollectionCommands.openForWrite(key, .hash, &context) else { return CollectionCommands.wrongType }
        var added: Int64 = 0
        for index in stride(from: 2, to: arguments.count, by: 2)
        where try context.putMember(arguments[index], value: arguments[index + 1], of: key, &record) {
            added += 1
        }
        try context.storeCollection(key, record)
        return name == "hmset" ? .simpleString("OK") : .integer(added)
    }

    static let setFieldIfAbsent: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("hsetnx")) }
        let key = arguments[1]
        guard var record = try CollectionCommands.openForWrite(key, .hash, &context) else { return CollectionCommands.wrongType }
        if try context.member(arguments[2], of: key, record) != nil { return .integer(0) }
        try context.putMember(arguments[2], value: arguments[3], of: key, &record)
        try context.storeCollection(key, record)
        return .integer(1)
    }

    /// Removes the fields named; the key goes with its last field.
    static let deleteFields: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count >= 3 else { return .error(CommandErrors.wrongArity("hdel")) }
        let key = arguments[1]
        switch try context.collection(key, of: .hash) {
        case .missing: return .integer(0)
        case .wrongType: return CollectionCommands.wrongType
        case .found(var record):
            var removed: Int64 = 0
            for field in arguments[2...] where try context.deleteMember(field, of: key, &record) { removed += 1 }
            if removed > 0 { try context.storeCollection(key, record) }
            return .integer(removed)
        }
    }
}
