// The list writes inside a list: LSET LTRIM LREM LINSERT (Redis 7.0 t_list.c). LTRIM LREM and
// LINSERT parse their arguments before they look at the key, LSET after, as Redis does.
import RESP

enum ListEditCommands {
    static let entries: [CommandEntry] = [
        ListCommands.write("lset", arity: 4, flags: [.write, .denyOOM], set),
        ListCommands.write("ltrim", arity: 4, flags: [.write], trim),
        ListCommands.write("lrem", arity: 4, flags: [.write], remove),
        ListCommands.write("linsert", arity: 5, flags: [.write, .denyOOM], insert),
    ]

    static let set: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("lset")) }
        let key = arguments[1]
        switch try context.collection(key, of: .list) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return ListStorage.noSuchKey
        case .found(var record):
            guard let index = StrictInteger.parse(arguments[2]) else { return StringCommands.notAnInteger }
            guard let offset = ListStorage.offset(index, count: record.count) else { return ListStorage.indexOutOfRange }
            try context.putMember(ListStorage.position(record.head &+ offset), value: arguments[3], of: key, &record)
            try context.storeCollection(key, record)
            return .simpleString("OK")
        }
    }

    static let trim: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("ltrim")) }
        guard let start = StrictInteger.parse(arguments[2]), let end = StrictInteger.parse(arguments[3]) else {
            return StringCommands.notAnInteger
        }
        let key = arguments[1]
        switch try context.collection(key, of: .list) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return .simpleString("OK")
        case .found(var record):
            let kept = ListStorage.range(start, end, count: record.count)
            let fromHead = kept?.lowerBound ?? record.count
            let fromTail = kept.map { record.count - 1 - $0.upperBound } ?? 0
            for _ in 0..<fromHead { _ = try ListStorage.pop(left: true, of: key, &record, &context) }
            for _ in 0..<fromTail { _ = try ListStorage.pop(left: false, of: key, &record, &context) }
            try context.storeCollection(key, record)
            return .simpleString("OK")
        }
    }

    /// `lrem key count element`: count > 0 from the head, < 0 from the tail, 0 every one.
    static let remove: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 4 else { return .error(CommandErrors.wrongArity("lrem")) }
        guard let count = StrictInteger.parse(arguments[2]) else { return StringCommands.notAnInteger }
        let key = arguments[1], element = arguments[3]
        switch try context.collection(key, of: .list) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return .integer(0)
        case .found(var record):
            var items = try ListStorage.items(of: key, record, context)
            if count < 0 { items.reverse() }
            var removed: UInt64 = 0
            var kept: [[UInt8]] = []
            kept.reserveCapacity(items.count)
            for item in items {
                if item == element && (count == 0 || removed < count.magnitude) {
                    removed += 1
                } else {
                    kept.append(item)
                }
            }
            guard removed > 0 else { return .integer(0) }
            if count < 0 { kept.reverse() }
            try ListStorage.rewrite(key, &record, with: kept, &context)
            try context.storeCollection(key, record)
            return .integer(Int64(clamping: removed))
        }
    }

    /// `linsert key BEFORE|AFTER pivot element`: the new length, -1 without the pivot.
    static let insert: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 5 else { return .error(CommandErrors.wrongArity("linsert")) }
        let after: Bool
        if StringCommands.isOption(arguments[2], "after") {
            after = true
        } else if StringCommands.isOption(arguments[2], "before") {
            after = false
        } else {
            return StringCommands.syntaxError
        }
        let key = arguments[1]
        switch try context.collection(key, of: .list) {
        case .wrongType: return CollectionCommands.wrongType
        case .missing: return .integer(0)
        case .found(var record):
            var items = try ListStorage.items(of: key, record, context)
            guard let at = items.firstIndex(of: arguments[3]) else { return .integer(-1) }
            items.insert(arguments[4], at: after ? at + 1 : at)
            try ListStorage.rewrite(key, &record, with: items, &context)
            try context.storeCollection(key, record)
            return .integer(Int64(clamping: record.count))
        }
    }
}
