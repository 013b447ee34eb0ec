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

    /// Redis's flag names, in the order `COMMAND INFO` lists them.
    public var names: [String] {
        let table: [(CommandFlags, String)] = [
            (.write, "write"), (.readonly, "readonly"), (.denyOOM, "denyoom"), (.admin, "admin"),
            (.pubsub, "pubsub"), (.noscript, "noscript"), (.loading, "loading"), (.stale, "stale"),
            (.fast, "fast"), (.noAuth, "no_auth"), (.allowBusy, "allow_busy"),
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

    public init(_ name: String, arity: Int, flags: CommandFlags, firstKey: Int = 0, lastKey: Int = 0, keyStep: Int = 0,
                summary: String) {
        self.name = name
        self.arity = arity
        self.flags = flags
        self.firstKey = firstKey
        self.lastKey = lastKey
        self.keyStep = keyStep
        self.summary = summary
    }

    public func acceptsArgumentCount(_ count: Int) -> Bool {
        arity >= 0 ? count == arity : count >= -arity
    }

    /// Indexes into argv of this command's keys.
    public func keyIndexes(argumentCount count: Int) -> [Int] {
        guard firstKey > 0, keyStep > 0, firstKey < count else { return [] }
        let last = lastKey < 0 ? count + lastKey : min(lastKey, count - 1)
        guard last >= firstKey else { return [] }
        return Array(stride(from: firstKey, through: last, by: keyStep))
    }
}
