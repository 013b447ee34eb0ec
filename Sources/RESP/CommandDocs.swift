// What COMMAND DOCS says about a command besides its summary: since when, its group, its cost.

public struct CommandDocs: Sendable, Hashable {
    /// The Redis version that introduced the command, e.g. `1.0.0`.
    public var since: String
    public var group: CommandGroup
    /// Redis's complexity text, e.g. `O(1)`; nil when it gives none.
    public var complexity: String?

    public init(since: String = "", group: CommandGroup = .generic, complexity: String? = nil) {
        self.since = since
        self.group = group
        self.complexity = complexity
    }
}

/// Redis's command groups, as COMMAND DOCS names them.
public enum CommandGroup: String, Sendable, Hashable, CaseIterable {
    case generic, string, list, set
    case sortedSet = "sorted-set"
    case hash, pubsub, transactions, connection, server, scripting, hyperloglog, cluster, sentinel, geo, stream, bitmap, module
}
