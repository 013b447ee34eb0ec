// RENAME and RENAMENX (Redis 7.0 `renameGenericCommand`): both keys in one slot (DESIGN §5).
import RESP

enum RenameCommands {
    static let entries: [CommandEntry] = [
        CommandEntry(spec: CommandSpec("rename", arity: 3, flags: [.write], firstKey: 1, lastKey: 2, keyStep: 1,
                                       summary: "Rename a key", categories: [.keyspace],
                                       keySpecs: [sourceKey, .destination([.overwrite, .update])],
                                       docs: CommandDocs(since: "1.0.0", group: .generic, complexity: "O(1)")),
                     data: .write(normalize: nil, apply: rename(onlyIfAbsent: false))),
        CommandEntry(spec: CommandSpec("renamenx", arity: 3, flags: [.write, .fast], firstKey: 1, lastKey: 2, keyStep: 1,
                                       summary: "Rename a key, only if the new key does not exist", categories: [.keyspace],
                                       keySpecs: [sourceKey, .destination([.overwrite, .insert])],
                                       docs: CommandDocs(since: "1.0.0", group: .generic, complexity: "O(1)")),
                     data: .write(normalize: nil, apply: rename(onlyIfAbsent: true))),
    ]

    static let noSuchKey = RESPValue.error("ERR no such key")

    /// The key renamed away: read, then deleted.
    private static let sourceKey = KeySpec.single([.readWrite, .access, .delete])

    /// Moves the source's record, expiry included, over the destination. A missing source is
    /// an error even when both names are the same; renaming a key onto itself changes nothing.
    static func rename(onlyIfAbsent: Bool) -> ApplyHandler {
        { context in
            let arguments = context.arguments
            guard arguments.count == 3 else { return ExtendedStringOptions.syntaxError }
            let source = arguments[1], destination = arguments[2]
            guard let record = try context.record(source) else { return noSuchKey }
            if source == destination { return onlyIfAbsent ? .integer(0) : .simpleString("OK") }
            if onlyIfAbsent, try context.record(destination) != nil { return .integer(0) }
            try CollectionMembers.copy(source, record, to: destination, &context)
            try context.delete(source)
            return onlyIfAbsent ? .integer(1) : .simpleString("OK")
        }
    }
}

/// Collections keep their members in `sub` under the key's name (DESIGN §6), so moving or
/// copying one re-keys every member under a new version (the source's become garbage once it
/// is deleted); a string moves as its record alone. A list's members are its positions, copied
/// as they are with the head kept in the record; a sorted set's `score` index is re-keyed with
/// its members.
enum CollectionMembers {
    static func copy(_ source: [UInt8], _ record: KeyRecord, to destination: [UInt8], _ context: inout ApplyContext) throws {
        if record.type == .string {
            try context.put(destination, record)
        } else {
            try context.copyCollection(from: source, record, to: destination)
        }
    }
}

extension KeySpec {
    /// The second argument as a key (RENAME's and COPY's destination).
    static func destination(_ flags: KeySpecFlags) -> KeySpec {
        KeySpec(flags: flags, beginSearch: .index(2), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0))
    }
}
