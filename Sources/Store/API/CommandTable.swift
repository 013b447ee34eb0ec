// Every command Cairn answers, as data, with arity and unknown names checked in one place.
public import RESP

/// Runs one command whose name and arity were already checked.
public typealias CommandHandler = @Sendable (_ argv: [[UInt8]], _ session: inout SessionState) -> RESPValue

public struct CommandEntry: Sendable {
    public let spec: CommandSpec
    public let handler: CommandHandler
}

public struct CommandTable: Sendable {
    private var entries: [String: CommandEntry] = [:]

    public init(_ entries: [CommandEntry]) {
        for entry in entries { self.entries[entry.spec.name] = entry }
    }

    public var specs: [CommandSpec] { entries.values.map(\.spec).sorted { $0.name < $1.name } }

    public func entry(named name: String) -> CommandEntry? {
        entries[name]
    }

    /// Looks the command up, checks its arity, and runs it; Redis's errors otherwise.
    public func execute(_ argv: [[UInt8]], session: inout SessionState) -> RESPValue {
        guard let first = argv.first else { return .error(CommandErrors.unknownCommand(argv)) }
        let name = String(decoding: first, as: UTF8.self).lowercased()
        guard let entry = entries[name] else { return .error(CommandErrors.unknownCommand(argv)) }
        guard entry.spec.acceptsArgumentCount(argv.count) else { return .error(CommandErrors.wrongArity(entry.spec.name)) }
        // Redis checks authentication after existence and arity.
        guard session.authenticated || entry.spec.flags.contains(.noAuth) else {
            return .error("NOAUTH Authentication required.")
        }
        return entry.handler(argv, &session)
    }
}
