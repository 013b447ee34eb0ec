// Redis 7's key specs: where a command's keys are in its arguments and how it uses them.

/// One key spec: where the search for keys begins, how the keys are found from there, and
/// what the command does with them. COMMAND INFO lists them, and `CommandSpec.keyReferences`
/// finds keys with them as Redis's `getKeysUsingKeySpecs` does.
public struct KeySpec: Sendable, Hashable {
    public enum BeginSearch: Sendable, Hashable {
        /// The argument at this 1-based index (argv[0] is the command name).
        case index(Int)
        /// The argument after `keyword`, searched from `startFrom` (negative: counted from the
        /// end, searching backwards).
        case keyword(String, startFrom: Int)
        /// Not describable (SORT's BY/GET patterns); a command with such a spec needs a `KeyFinder`.
        case unknown
    }

    public enum FindKeys: Sendable, Hashable {
        /// Keys from the begin-search position up to `lastKey` (relative to it; negative counts
        /// from argv's end), every `keyStep`-th argument. A non-zero `limit` with `lastKey` -1
        /// takes only the first 1/`limit` of the remaining arguments (XREAD's streams).
        case range(lastKey: Int, keyStep: Int, limit: Int)
        /// The argument at `keyNumberIndex` (relative to the begin-search position) holds how
        /// many keys follow, starting `firstKey` after it, every `keyStep`-th.
        case keyNumber(keyNumberIndex: Int, firstKey: Int, keyStep: Int)
        case unknown
    }

    /// Redis's `notes`, shown in COMMAND INFO when present.
    public var notes: String?
    public var flags: KeySpecFlags
    public var beginSearch: BeginSearch
    public var findKeys: FindKeys

    public init(notes: String? = nil, flags: KeySpecFlags, beginSearch: BeginSearch, findKeys: FindKeys) {
        self.notes = notes
        self.flags = flags
        self.beginSearch = beginSearch
        self.findKeys = findKeys
    }

    /// The one key at argument 1 (GET, SET…).
    public static func single(_ flags: KeySpecFlags) -> KeySpec {
        KeySpec(flags: flags, beginSearch: .index(1), findKeys: .range(lastKey: 0, keyStep: 1, limit: 0))
    }

    /// Every argument from 1 on is a key (MGET, DEL, EXISTS…).
    public static func all(_ flags: KeySpecFlags) -> KeySpec {
        KeySpec(flags: flags, beginSearch: .index(1), findKeys: .range(lastKey: -1, keyStep: 1, limit: 0))
    }

    /// The spec Redis's legacy `firstKey`/`lastKey`/`keyStep` describe (lastKey absolute, -1 the
    /// last argument), for commands declared by range alone; nil when the range holds no key.
    public static func fromLegacyRange(firstKey: Int, lastKey: Int, keyStep: Int) -> KeySpec? {
        guard firstKey > 0, keyStep > 0 else { return nil }
        let relativeLast = lastKey < 0 ? lastKey : lastKey - firstKey
        return KeySpec(flags: [], beginSearch: .index(firstKey), findKeys: .range(lastKey: relativeLast, keyStep: keyStep, limit: 0))
    }
}

/// How a command uses the keys of one spec, with Redis's names.
public struct KeySpecFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Redis's `RO`: the key's value is only read.
    public static let readOnly = KeySpecFlags(rawValue: 1 << 0)
    /// `RW`: read and written.
    public static let readWrite = KeySpecFlags(rawValue: 1 << 1)
    /// `OW`: overwritten without being read.
    public static let overwrite = KeySpecFlags(rawValue: 1 << 2)
    /// `RM`: removed.
    public static let remove = KeySpecFlags(rawValue: 1 << 3)
    public static let access = KeySpecFlags(rawValue: 1 << 4)
    public static let update = KeySpecFlags(rawValue: 1 << 5)
    public static let insert = KeySpecFlags(rawValue: 1 << 6)
    public static let delete = KeySpecFlags(rawValue: 1 << 7)
    /// Not a key, though found like one (a channel, say): key extraction skips it.
    public static let notKey = KeySpecFlags(rawValue: 1 << 8)
    /// The spec may miss keys; a `KeyFinder` must complete it.
    public static let incomplete = KeySpecFlags(rawValue: 1 << 9)
    /// The flags depend on the arguments (SET … GET); a `KeyFinder` gives the real ones.
    public static let variableFlags = KeySpecFlags(rawValue: 1 << 10)

    /// Redis's names, in the order COMMAND INFO lists them.
    public var names: [String] {
        let table: [(KeySpecFlags, String)] = [
            (.readOnly, "RO"), (.readWrite, "RW"), (.overwrite, "OW"), (.remove, "RM"), (.access, "access"), (.update, "update"),
            (.insert, "insert"), (.delete, "delete"), (.notKey, "not_key"), (.incomplete, "incomplete"),
            (.variableFlags, "variable_flags"),
        ]
        return table.filter { contains($0.0) }.map(\.1)
    }
}

/// One key found in a command's arguments: its index in argv, and how the command uses it.
public struct KeyReference: Sendable, Hashable {
    public var index: Int
    public var flags: KeySpecFlags

    public init(index: Int, flags: KeySpecFlags) {
        self.index = index
        self.flags = flags
    }
}

/// Redis's `getkeys_proc`: finds the keys of a command its key specs cannot describe alone
/// (SORT's BY/GET, or SET whose key flags depend on GET). An empty result means no keys.
public typealias KeyFinder = @Sendable (_ argv: [[UInt8]]) -> [KeyReference]
