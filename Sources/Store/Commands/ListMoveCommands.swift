// LMOVE and RPOPLPUSH (Redis 7.0 `lmoveGenericCommand`): both keys in one slot (DESIGN §5).
import RESP

enum ListMoveCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("lmove", arity: 5, flags: [.write, .denyOOM], firstKey: 1, lastKey: 2, keyStep: 1, summary: "lmove"),
                     data: .write(normalize: nil, apply: lmove)),
        CommandEntry(spec: CommandSpec("rpoplpush", arity: 3, flags: [.write, .denyOOM], firstKey: 1, lastKey: 2, keyStep: 1, summary: "rpoplpush"),
                     data: .write(normalize: nil, apply: rpoplpush)),
    ]

    static let lmove: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 5 else { return .error(CommandErrors.wrongArity("lmove")) }
        guard let from = ListStorage.isLeft(arguments[3]), let to = ListStorage.isLeft(arguments[4]) else { return StringCommands.syntaxError }
        return try move(arguments[1], arguments[2], fromLeft: from, toLeft: to, &context)
    }

    static let rpoplpush: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 3 else { return .error(CommandErrors.wrongArity("rpoplpush")) }
        return try move(arguments[1], arguments[2], fromLeft: false, toLeft: true, &context)
    }

    /// A missing source answers nil before the destination's type is checked, as Redis does.
    static func move(_ source: [UInt8], _ destination: [UInt8], fromLeft: Bool, toLeft: Bool,
                     _ context: inout ApplyContext) throws -> RESPValue {
        var sourceRecord: KeyRecord
        switch try context.collection(source, of: .list) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return .nullBulk
        case .found(let found): sourceRecord = found
        }
        if case .wrongType = try context.collection(destination, of: .list) { return CollectionCommands.wrongType }
        guard let item = try ListStorage.pop(left: fromLeft, of: source, &sourceRecord, &context) else { return .nullBulk }
        if source == destination {
            try ListStorage.push(item, left: toLeft, of: source, &sourceRecord, &context)
            try context.storeCollection(source, sourceRecord)
            return .bulk(item)
        }
        try context.storeCollection(source, sourceRecord)
        guard var destinationRecord = try ListStorage.openForWrite(destination, &context) else { return CollectionCommands.wrongType }
        try ListStorage.push(item, left: toLeft, of: destination, &destinationRecord, &context)
        try context.storeCollection(destination, destinationRecord)
        return .bulk(item)
    }
}
