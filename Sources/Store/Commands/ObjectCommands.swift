// OBJECT ENCODING (and HELP): the encoding Redis 7.0 would report for the key's value.
import RESP

/// Cairn stores every type its own way (DESIGN §6); OBJECT ENCODING answers the name Redis 7.0
/// would use for the same value by Redis's default thresholds, so tools that look at it keep
/// working. Redis also remembers history Cairn does not (a string APPENDed to stays `raw`, a
/// hash once converted stays `hashtable`): those cases are listed divergences.
public enum ObjectCommands {
    public static let entry = CommandEntry(
        container: CommandSpec("object", arity: -2, flags: [], summary: "A container for object introspection commands"),
        subcommands: [
            CommandEntry(spec: CommandSpec("object|encoding", arity: 3, flags: [.readonly], firstKey: 2, lastKey: 2, keyStep: 1,
                                           summary: "Inspect the internal encoding of a Redis object"),
                         data: .read { argv, data in
                             guard let record = try data.record(argv[2]) else { return .nullBulk }
                             return .bulk(Array(try encoding(of: argv[2], record, data).utf8))
                         }),
            CommandEntry(spec: CommandSpec("object|help", arity: 2, flags: [.loading, .stale],
                                           summary: "Show helpful text about the different subcommands")) { _, _ in
                .array([
                    "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
                    "ENCODING <key>", "    Return the kind of internal representation used in order to store the value",
                    "    associated with a <key>.",
                    "HELP", "    Prints this help.",
                ].map { RESPValue.simpleString($0) })
            },
        ]
    )

    /// Redis 7.0's defaults: hash-max-listpack-entries 128 / -value 64, set-max-intset-entries
    /// 512, zset-max-listpack-entries 128 / -value 64, embstr up to 44 bytes.
    static func encoding(of key: [UInt8], _ record: KeyRecord, _ data: KeyspaceRead) throws -> String {
        switch record.type {
        case .string:
            if record.value.count <= 20, StrictInteger.parse(record.value) != nil { return "int" }
            return record.value.count <= 44 ? "embstr" : "raw"
        case .list:
            return "quicklist"
        case .set:
            guard record.count <= 512 else { return "hashtable" }
            let members = try data.members(of: key, record)
            return members.allSatisfy { StrictInteger.parse($0.member) != nil } ? "intset" : "hashtable"
        case .hash:
            guard record.count <= 128 else { return "hashtable" }
            let fields = try data.members(of: key, record)
            return fields.allSatisfy { $0.member.count <= 64 && $0.value.count <= 64 } ? "listpack" : "hashtable"
        case .zset:
            guard record.count <= 128 else { return "skiplist" }
            return try data.members(of: key, record).allSatisfy { $0.member.count <= 64 } ? "listpack" : "skiplist"
        }
    }
}
