// Every command a node answers, as specs, for COMMAND to describe and to find keys with.
public import RESP

/// One command as COMMAND describes it: its spec and, for a container (CLIENT, CONFIG…), the
/// specs of its subcommands, named `container|sub`.
public struct DescribedCommand: Sendable {
    public let spec: CommandSpec
    /// Sorted by name.
    public let subcommands: [CommandSpec]

    public init(spec: CommandSpec, subcommands: [CommandSpec] = []) {
        self.spec = spec
        self.subcommands = subcommands.sorted { $0.name < $1.name }
    }

    public init(_ entry: CommandEntry) {
        self.init(spec: entry.spec, subcommands: entry.subcommands.values.map(\.spec))
    }
}

/// Lookups by name follow Redis's `lookupCommand…` functions, ASCII case-insensitively as
/// Redis's command table compares.
public struct CommandCatalog: Sendable {
    /// Sorted by name: Redis lists commands in hash order, which no client may rely on.
    public let commands: [DescribedCommand]
    private let byName: [String: DescribedCommand]

    public init(_ commands: [DescribedCommand]) {
        self.commands = commands.sorted { $0.spec.name < $1.spec.name }
        byName = Dictionary(commands.map { ($0.spec.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `name` or `container|sub` (COMMAND INFO and DOCS): anything else, including `ping|x`
    /// and `client|`, is no command (Redis's `lookupCommandBySds`).
    public func command(fullName: [UInt8]) -> CommandSpec? {
        let parts = fullName.split(separator: UInt8(ascii: "|"), omittingEmptySubsequences: false)
        guard let top = parts.first.flatMap({ byName[Self.lowercased($0)] }) else { return nil }
        switch parts.count {
        case 1: return top.spec
        case 2: return Self.subcommand(Self.lowercased(parts[1]), of: top)
        default: return nil
        }
    }

    /// The command a full request names (COMMAND GETKEYS): a container's subcommand when there
    /// is an argument after the container's name, else the command itself (`lookupCommand`).
    public func command(forRequest argv: ArraySlice<[UInt8]>) -> CommandSpec? {
        guard let name = argv.first, let top = byName[Self.lowercased(name[...])] else { return nil }
        guard argv.count > 1, !top.subcommands.isEmpty else { return top.spec }
        return Self.subcommand(Self.lowercased(argv[argv.startIndex + 1][...]), of: top)
    }

    private static func subcommand(_ name: String, of command: DescribedCommand) -> CommandSpec? {
        let fullName = command.spec.name + "|" + name
        return command.subcommands.first { $0.name == fullName }
    }

    /// ASCII only, as C's `tolower`: other bytes never fold into a command's name.
    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
