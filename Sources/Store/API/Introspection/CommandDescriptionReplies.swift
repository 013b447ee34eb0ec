// COMMAND INFO's and COMMAND DOCS's replies for one command, in Redis 7.0's shapes.
import RESP

enum CommandDescriptionReplies {
    /// Redis's `addReplyCommandInfo`: [name, arity, flags, first key, last key, key step,
    /// ACL categories, tips, key specs, subcommands]. Flags, categories, tips and key specs are
    /// sets (arrays in RESP2); subcommands an array, or an empty set when there are none.
    static func info(_ spec: CommandSpec, subcommands: [CommandSpec] = []) -> RESPValue {
        .array([
            .bulk(spec.name),
            .integer(Int64(spec.arity)),
            .set(spec.reportedFlags.names.map { .simpleString($0) }),
            .integer(Int64(spec.firstKey)),
            .integer(Int64(spec.lastKey)),
            .integer(Int64(spec.keyStep)),
            .set(spec.reportedCategories.names.map { .simpleString($0) }),
            .set(spec.tips.map { .bulk($0) }),
            .set(spec.keySpecs.map(keySpec)),
            subcommands.isEmpty ? .set([]) : .array(subcommands.map { info($0) }),
        ])
    }

    /// Redis's `addReplyCommandDocs`, with what Cairn records: summary, since, group,
    /// complexity, and the subcommands' docs. Redis also gives arguments and history (a listed
    /// divergence, docs/COMPATIBILITY.md).
    static func docs(_ spec: CommandSpec, subcommands: [CommandSpec] = []) -> RESPValue {
        var entries: [RESPValue.Entry] = [
            entry("summary", .bulk(spec.summary)),
            entry("since", .bulk(spec.docs.since)),
            entry("group", .bulk(spec.docs.group.rawValue)),
        ]
        if let complexity = spec.docs.complexity { entries.append(entry("complexity", .bulk(complexity))) }
        if !subcommands.isEmpty {
            entries.append(entry("subcommands", .map(subcommands.map { entry($0.name, docs($0)) })))
        }
        return .map(entries)
    }

    static func keyFlags(_ flags: KeySpecFlags) -> RESPValue {
        .set(flags.names.map { .simpleString($0) })
    }

    /// Redis's `addReplyCommandKeySpecs`, one spec: [notes], flags, begin_search, find_keys.
    private static func keySpec(_ spec: KeySpec) -> RESPValue {
        var entries: [RESPValue.Entry] = []
        if let notes = spec.notes { entries.append(entry("notes", .bulk(notes))) }
        entries.append(entry("flags", keyFlags(spec.flags)))
        let beginSearch: RESPValue = switch spec.beginSearch {
        case .index(let position):
            typed("index", [entry("index", .integer(Int64(position)))])
        case .keyword(let keyword, let startFrom):
            typed("keyword", [entry("keyword", .bulk(keyword)), entry("startfrom", .integer(Int64(startFrom)))])
        case .unknown:
            typed("unknown", [])
        }
        entries.append(entry("begin_search", beginSearch))
        let findKeys: RESPValue = switch spec.findKeys {
        case .range(let lastKey, let keyStep, let limit):
            typed("range", [entry("lastkey", .integer(Int64(lastKey))), entry("keystep", .integer(Int64(keyStep))),
                            entry("limit", .integer(Int64(limit)))])
        case .keyNumber(let keyNumberIndex, let firstKey, let keyStep):
            typed("keynum", [entry("keynumidx", .integer(Int64(keyNumberIndex))), entry("firstkey", .integer(Int64(firstKey))),
                             entry("keystep", .integer(Int64(keyStep)))])
        case .unknown:
            typed("unknown", [])
        }
        entries.append(entry("find_keys", findKeys))
        return .map(entries)
    }

    /// `{type: <type>, spec: {…}}`.
    private static func typed(_ type: String, _ spec: [RESPValue.Entry]) -> RESPValue {
        .map([entry("type", .bulk(type)), entry("spec", .map(spec))])
    }

    private static func entry(_ key: String, _ value: RESPValue) -> RESPValue.Entry {
        RESPValue.Entry(key: .bulk(key), value: value)
    }
}
