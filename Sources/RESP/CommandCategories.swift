// Redis's ACL categories (`@read`, `@connection`…), which COMMAND INFO lists for every command.

/// A command declares the categories that describe what it works on (`@string`, `@keyspace`,
/// `@connection`, `@dangerous`…); those that follow from its flags (`@write`, `@read`, `@admin`,
/// `@fast` or else `@slow`…) are added by `CommandSpec.reportedCategories`, as Redis does.
public struct CommandCategories: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let keyspace = CommandCategories(rawValue: 1 << 0)
    public static let read = CommandCategories(rawValue: 1 << 1)
    public static let write = CommandCategories(rawValue: 1 << 2)
    public static let set = CommandCategories(rawValue: 1 << 3)
    public static let sortedSet = CommandCategories(rawValue: 1 << 4)
    public static let list = CommandCategories(rawValue: 1 << 5)
    public static let hash = CommandCategories(rawValue: 1 << 6)
    public static let string = CommandCategories(rawValue: 1 << 7)
    public static let bitmap = CommandCategories(rawValue: 1 << 8)
    public static let hyperLogLog = CommandCategories(rawValue: 1 << 9)
    public static let geo = CommandCategories(rawValue: 1 << 10)
    public static let stream = CommandCategories(rawValue: 1 << 11)
    public static let pubsub = CommandCategories(rawValue: 1 << 12)
    public static let admin = CommandCategories(rawValue: 1 << 13)
    public static let fast = CommandCategories(rawValue: 1 << 14)
    public static let slow = CommandCategories(rawValue: 1 << 15)
    public static let blocking = CommandCategories(rawValue: 1 << 16)
    public static let dangerous = CommandCategories(rawValue: 1 << 17)
    public static let connection = CommandCategories(rawValue: 1 << 18)
    public static let transaction = CommandCategories(rawValue: 1 << 19)
    public static let scripting = CommandCategories(rawValue: 1 << 20)

    /// Every category with its name, in the order Redis lists them (`ACLCommandCategories`).
    public static let all: [(category: CommandCategories, name: String)] = [
        (.keyspace, "keyspace"), (.read, "read"), (.write, "write"), (.set, "set"), (.sortedSet, "sortedset"),
        (.list, "list"), (.hash, "hash"), (.string, "string"), (.bitmap, "bitmap"), (.hyperLogLog, "hyperloglog"),
        (.geo, "geo"), (.stream, "stream"), (.pubsub, "pubsub"), (.admin, "admin"), (.fast, "fast"), (.slow, "slow"),
        (.blocking, "blocking"), (.dangerous, "dangerous"), (.connection, "connection"),
        (.transaction, "transaction"), (.scripting, "scripting"),
    ]

    /// `@name` for each category held, in Redis's order.
    public var names: [String] {
        Self.all.filter { contains($0.category) }.map { "@" + $0.name }
    }

    /// The category called `name` (without `@`, any case), as `COMMAND LIST FILTERBY ACLCAT` takes it.
    public static func named(_ name: String) -> CommandCategories? {
        let lowered = name.lowercased()
        return all.first { $0.name == lowered }?.category
    }

    /// Redis's `setImplicitACLCategories`: what a command's flags say about it.
    public static func implied(by flags: CommandFlags, declared: CommandCategories) -> CommandCategories {
        var implied: CommandCategories = []
        if flags.contains(.write) { implied.insert(.write) }
        // Scripting commands that only read are not `@read`.
        if flags.contains(.readonly), !declared.contains(.scripting) { implied.insert(.read) }
        if flags.contains(.admin) { implied.formUnion([.admin, .dangerous]) }
        if flags.contains(.pubsub) { implied.insert(.pubsub) }
        if flags.contains(.fast) { implied.insert(.fast) }
        if flags.contains(.blocking) { implied.insert(.blocking) }
        if !declared.union(implied).contains(.fast) { implied.insert(.slow) }
        return implied
    }
}
