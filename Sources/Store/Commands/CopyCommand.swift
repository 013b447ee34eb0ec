// COPY source destination [DB n] [REPLACE] (Redis 7.0 `copyCommand`): both keys in one slot.
import RESP

enum CopyCommand {
    static let entry = CommandEntry(
        spec: CommandSpec("copy", arity: -3, flags: [.write, .denyOOM], firstKey: 1, lastKey: 2, keyStep: 1,
                          summary: "Copy a key", categories: [.keyspace],
                          keySpecs: [.single([.readOnly, .access]), .destination([.overwrite, .update])],
                          docs: CommandDocs(since: "6.2.0", group: .generic,
                                            complexity: "O(N) worst case for collections, where N is the number of nested items. O(1) for string values.")),
        data: .write(normalize: normalize, apply: apply))

    private static let replaceWord = Array("REPLACE".utf8)

    /// Options in Redis's order, each error as soon as it is met; then the same-key check.
    /// The entry is `copy source destination [REPLACE]`: the only database is 0 (as SELECT).
    static let normalize: NormalizeHandler = { argv, _ in
        var replace = false
        var index = 3
        while index < argv.count {
            let option = String(decoding: argv[index], as: UTF8.self).lowercased()
            if option == "replace" {
                replace = true
            } else if option == "db", index + 1 < argv.count {
                guard let database = StrictInteger.parse(argv[index + 1]) else { return .reply(ExtendedStringOptions.notAnInteger) }
                // Redis reads the index as a C int (`getIntFromObjectOrReply`), with its own wording.
                guard Int32(exactly: database) != nil else {
                    return .reply(.error("ERR value is out of range, value must between -2147483648 and 2147483647"))
                }
                guard database == 0 else { return .reply(.error("ERR DB index is out of range")) }
                index += 1
            } else {
                return .reply(ExtendedStringOptions.syntaxError)
            }
            index += 1
        }
        guard argv[1] != argv[2] else { return .reply(.error("ERR source and destination objects are the same")) }
        return .entry([Array("copy".utf8), argv[1], argv[2]] + (replace ? [replaceWord] : []))
    }

    /// 0 when the source is missing or the destination exists without REPLACE; otherwise the
    /// destination becomes a copy of the source, expiry included, and the reply is 1.
    static let apply: ApplyHandler = { context in
        let arguments = context.arguments
        guard arguments.count == 3 || (arguments.count == 4 && arguments[3] == replaceWord) else {
            return ExtendedStringOptions.syntaxError
        }
        let replace = arguments.count == 4
        guard let record = try context.record(arguments[1]) else { return .integer(0) }
        if !replace, try context.record(arguments[2]) != nil { return .integer(0) }
        try CollectionMembers.copy(arguments[1], record, to: arguments[2], &context)
        return .integer(1)
    }
}
