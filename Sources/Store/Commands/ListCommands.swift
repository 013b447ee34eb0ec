// List commands (Redis 7.0 t_list.c) as data for the command table: the pushes and pops.
import RESP

enum ListCommands {
    static let entries: [CommandEntry] = [
        write("lpush", arity: -3, flags: [.write, .denyOOM, .fast], push(left: true, onlyExisting: false)),
        write("rpush", arity: -3, flags: [.write, .denyOOM, .fast], push(left: false, onlyExisting: false)),
        write("lpushx", arity: -3, flags: [.write, .denyOOM, .fast], push(left: true, onlyExisting: true)),
        write("rpushx", arity: -3, flags: [.write, .denyOOM, .fast], push(left: false, onlyExisting: true)),
        write("lpop", arity: -2, flags: [.write, .fast], pop(left: true)),
        write("rpop", arity: -2, flags: [.write, .fast], pop(left: false)),
        ListMultiPopCommand.entry,
    ] + ListEditCommands.entries + ListReadCommands.entries + ListMoveCommands.entries

    static func write(_ name: String, arity: Int, flags: CommandFlags, _ apply: @escaping ApplyHandler) -> CommandEntry {
        CommandEntry(spec: CollectionCommands.keySpec(name, arity: arity, flags: flags), data: .write(normalize: nil, apply: apply))
    }

    static func push(left: Bool, onlyExisting: Bool) -> ApplyHandler {
        { context in
            let arguments = context.arguments
            guard arguments.count >= 3 else { return .error(CommandErrors.wrongArity(String(decoding: arguments.first ?? [], as: UTF8.self))) }
            let key = arguments[1]
            var record: KeyRecord
            switch try context.collection(key, of: .list) {
            case .wrongType: return CollectionCommands.wrongType
            case .missing:
                if onlyExisting { return .integer(0) }
                guard let created = try ListStorage.openForWrite(key, &context) else { return CollectionCommands.wrongType }
                record = created
            case .found(let found): record = found
            }
            for item in arguments[2...] { try ListStorage.push(item, left: left, of: key, &record, &context) }
            try context.storeCollection(key, record)
            return .integer(Int64(clamping: record.count))
        }
    }

    /// `lpop key [count]`: Redis parses the count before looking at the key.
    static func pop(left: Bool) -> ApplyHandler {
        { context in
            let arguments = context.arguments
            let name = left ? "lpop" : "rpop"
            guard arguments.count == 2 || arguments.count == 3 else { return .error(CommandErrors.wrongArity(name)) }
            let key = arguments[1]
            var count: Int64?
            if arguments.count == 3 {
                guard let parsed = StrictInteger.parse(arguments[2]), parsed >= 0 else { return SetCommands.notPositive }
                count = parsed
            }
            var record: KeyRecord
            switch try context.collection(key, of: .list) {
            case .wrongType: return CollectionCommands.wrongType
            case .missing: return count == nil ? .nullBulk : .nullArray
            case .found(let found): record = found
            }
            guard let count else {
                let item = try ListStorage.pop(left: left, of: key, &record, &context)
                try context.storeCollection(key, record)
                return item.map { .bulk($0) } ?? .nullBulk
            }
            var popped: [RESPValue] = []
            while Int64(popped.count) < count, let item = try ListStorage.pop(left: left, of: key, &record, &context) {
                popped.append(.bulk(item))
            }
            if !popped.isEmpty { try context.storeCollection(key, record) }
            return .array(popped)
        }
    }
}
