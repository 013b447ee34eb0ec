// String commands (Redis 7.0) as data for the command table: the full list and what they share.
import RESP

public enum StringCommands {
    /// Every string command; the node builds its table from this.
    public static let entries: [CommandEntry] = [
        CommandEntry(spec: keySpec("get", arity: 2, flags: [.readonly, .fast], summary: "Get the value of a key"),
                     data: .read { argv, data in try stringReply(data.record(argv[1])) }),
        CommandEntry(spec: keySpec("set", arity: -3, flags: [.write, .denyOOM], summary: "Set the string value of a key"),
                     data: .write(normalize: SetOptions.normalize, apply: SetOptions.apply)),
        CommandEntry(spec: CommandSpec("mget", arity: -2, flags: [.readonly, .fast], firstKey: 1, lastKey: -1, keyStep: 1,
                                       summary: "Get the values of all the given keys",
                                       categories: [.string], tips: ["request_policy:multi_shard"], keySpecs: [.all([.readOnly, .access])], docs: CommandDocs(since: "1.0.0", group: .string, complexity: "O(N) where N is the number of keys to retrieve.")),
                     data: .keyspace { argv, keyspace in await FanOut.gatheredReads(argv, keyspace, readValues) }),
    ] + SetVariantCommands.entries + GetVariantCommands.entries + MultiSetCommands.entries + IncrementCommands.entries
        + RangeCommands.entries + BitCommands.entries + BitRangeCommands.entries

    /// `mget key…` for keys of one slot. MGET answers nil for a key of another type, never WRONGTYPE.
    static let readValues: ReadHandler = { argv, data in
        .array(try argv.dropFirst().map { key in
            guard let record = try data.record(key), record.type == .string else { return .nullBulk }
            return .bulk(record.value)
        })
    }

    /// The spec of a command whose one key is its first argument.
    static func keySpec(_ name: String, arity: Int, flags: CommandFlags, summary: String) -> CommandSpec {
        CommandSpec(name, arity: arity, flags: flags, firstKey: 1, lastKey: 1, keyStep: 1, summary: summary)
    }

    static let wrongType = RESPValue.error("WRONGTYPE Operation against a key holding the wrong kind of value")
    static let notAnInteger = ExtendedStringOptions.notAnInteger
    static let syntaxError = ExtendedStringOptions.syntaxError

    /// The longest string a command may build: Redis's `proto-max-bulk-len` default. Fixed, not
    /// read from `resp.proto-max-bulk-len`: apply may depend on nothing but its entry
    /// (DESIGN §6a), so every replica must agree on it (docs/COMPATIBILITY.md).
    static let maximumLength = Int64(RESPLimits.defaultMaxBulkLength)
    static let tooLong = RESPValue.error("ERR string exceeds maximum allowed size (proto-max-bulk-len)")

    /// Whether a string of `length` bytes grown by `added` stays within `maximumLength`
    /// (Redis's `checkStringLength`, overflow included).
    static func fitsMaximumLength(_ length: Int64, adding added: Int) -> Bool {
        let (total, overflow) = length.addingReportingOverflow(Int64(added))
        return !overflow && total <= maximumLength
    }

    /// A string key's value, nil for a missing key, WRONGTYPE for another type.
    static func stringReply(_ record: KeyRecord?) -> RESPValue {
        guard let record else { return .nullBulk }
        guard record.type == .string else { return wrongType }
        return .bulk(record.value)
    }

    /// Whether `argument` is the option `name`, compared as Redis compares option names: ASCII
    /// case-insensitively, byte for byte (no other normalization).
    static func isOption(_ argument: [UInt8], _ name: String) -> Bool {
        argument.count == name.utf8.count && zip(argument, name.utf8).allSatisfy { lowercasedASCII($0) == lowercasedASCII($1) }
    }

    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
