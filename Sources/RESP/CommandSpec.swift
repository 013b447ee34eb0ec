// A command described as data: name, arity, flags and key positions (valkey's serverCommand shape).

public struct CommandFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let write = CommandFlags(rawValue: 1 << 0)
    public static let readonly = CommandFlags(rawValue: 1 << 1)
    public static let denyOOM = CommandFlags(rawValue: 1 << 2)
    public static let admin = CommandFlags(rawValue: 1 << 3)
    public static let pubsub = CommandFlags(rawValue: 1 << 4)
    public static let noscript = CommandFlags(rawValue: 1 << 5)
    public static let loading = CommandFlags(rawValue: 1 << 6)
    public static let stale = CommandFlags(rawValue: 1 << 7)
    public static let fast = CommandFlags(rawValue: 1 << 8)
    public static let noAuth = CommandFlags(rawValue: 1 << 9)
    public static let allowBusy = CommandFlags(rawValue: 1 << 10)
    public static let blocking = CommandFlags(rawValue: 1 << 11)
    public static let skipMonitor = CommandFlags(rawValue: 1 << 12)
    public static let skipSlowlog = CommandFlags(rawValue: 1 << 13)
    public static let asking = CommandFlags(rawValue: 1 << 14)
    public static let mayReplicate = CommandFlags(rawValue: 1 << 15)
    /// The command may legitimately name no key (EVAL with 0 keys): COMMAND GETKEYS answers an
    /// empty array instead of an error.
    public static let noMandatoryKeys = CommandFlags(rawValue: 1 << 16)
    public static let noAsyncLoading = CommandFlags(rawValue: 1 << 17)
    public static let noMulti = CommandFlags(rawValue: 1 << 18)
    /// The keys' positions depend on the arguments. Usually derived from the key specs (see
    /// `CommandSpec.reportedFlags`); declare it for a command whose `KeyFinder` decides.
    public static let movableKeys = CommandFlags(rawValue: 1 << 19)

    /// Redis's flag names, in the order `COMMAND INFO` lists them.
    public var names: [String] {
        let table: [(CommandFlags, String)] = [
            (.write, "write"), (.readonly, "readonly"), (.denyOOM, "denyoom"), (.admin, "admin"),
            (.pubsub, "pubsub"), (.noscript, "noscript"), (.blocking, "blocking"), (.loading, "loading"),
            (.stale, "stale"), (.skipMonitor, "skip_monitor"), (.skipSlowlog, "skip_slowlog"), (.asking, "asking"),
            (.fast, "fast"), (.noAuth, "no_auth"), (.mayReplicate, "may_replicate"),
            (.noMandatoryKeys, "no_mandatory_keys"), (.noAsyncLoading, "no_async_loading"), (.noMulti, "no_multi"),
            (.movableKeys, "movablekeys"), (.allowBusy, "allow_busy"),
        ]
        return table.filter { contains($0.0) }.map(\.1)
    }
}

public struct CommandSpec: Sendable {
    /// Lower case, as Redis reports it.
    public let name: String
    /// Redis's convention: N means exactly N arguments (the name included), -N at least N.
    public let arity: Int
    public let flags: CommandFlags
    /// 1-based positions of the keys (0 when the command takes none); `lastKey` -1 means the last argument.
    public let firstKey: Int
    public let lastKey: Int
    public let keyStep: Int
    public let summary: String
    /// The ACL categories the command declares; `reportedCategories` adds those its flags imply.
    public let categories: CommandCategories
    /// Redis's command tips (`nondeterministic_output`, `request_policy:all_shards`…).
    public let tips: [String]
    /// Where the keys are (Redis 7 key specs); one range spec when only the legacy range was given.
    public let keySpecs: [KeySpec]
    /// For keys the specs cannot find alone (Redis's `getkeys_proc`).
    public let keyFinder: KeyFinder?
    public let docs: CommandDocs

    /// Keys can be declared by the legacy range (`firstKey`…), by `keySpecs`, or both as Redis's
    /// COMMAND INFO shows them; given only key specs, the range is derived from them as Redis does.
    public init(_ name: String, arity: Int, flags: CommandFlags, firstKey: Int = 0, lastKey: Int = 0, keyStep: Int = 0,
                summary: String, categories: CommandCategories = [], tips: [String] = [], keySpecs: [KeySpec]? = nil,
                keyFinder: KeyFinder? = nil, docs: CommandDocs = CommandDocs()) {
        self.name = name
        self.arity = arity
        self.flags = flags
        self.summary = summary
        self.categories = categories
        self.tips = tips
        self.keyFinder = keyFinder
        self.docs = docs
        if let keySpecs, firstKey == 0, lastKey == 0, keyStep == 0 {
            let legacy = KeySpec.legacyRange(of: keySpecs)
            self.firstKey = legacy.firstKey
            self.lastKey = legacy.lastKey
            self.keyStep = legacy.keyStep
        } else {
            self.firstKey = firstKey
            self.lastKey = lastKey
            self.keyStep = keyStep
        }
        self.keySpecs = keySpecs
            ?? KeySpec.fromLegacyRange(firstKey: firstKey, lastKey: lastKey, keyStep: keyStep).map { [$0] } ?? []
    }

    /// The flags COMMAND INFO shows: the declared ones, plus `movablekeys` when the key specs
    /// cannot be read as one fixed range (Redis's `populateCommandLegacyRangeSpec`; a key finder
    /// alone does not make keys movable, as SET's does not in Redis).
    public var reportedFlags: CommandFlags {
        KeySpec.legacyRange(of: keySpecs).isMovable ? flags.union(.movableKeys) : flags
    }

    /// The ACL categories COMMAND INFO shows: declared ones and those the flags imply.
    public var reportedCategories: CommandCategories {
        categories.union(CommandCategories.implied(by: flags, declared: categories))
    }

    public func acceptsArgumentCount(_ count: Int) -> Bool {
        arity >= 0 ? count == arity : count >= -arity
    }

    /// Indexes into argv of this command's keys by the legacy range alone, which needs only the
    /// argument count; `keyIndexes(in:)` follows the key specs as COMMAND GETKEYS does.
    public func keyIndexes(argumentCount count: Int) -> [Int] {
        guard firstKey > 0, keyStep > 0, firstKey < count else { return [] }
        let last = lastKey < 0 ? count + lastKey : min(lastKey, count - 1)
        guard last >= firstKey else { return [] }
        return Array(stride(from: firstKey, through: last, by: keyStep))
    }
}
