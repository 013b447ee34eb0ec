// Where a configuration value came from, so an error can send the user to the right place.

/// The layers of DESIGN §10, highest precedence first: `--set`, environment, file, defaults.
enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    case override
    case environment(variable: String)
    case file(path: String, line: Int?)
    case defaultValue

    var description: String {
        switch self {
        case .override:
            return "from --set"
        case .environment(let variable):
            return "from environment variable \(variable)"
        case .file(let path, let line):
            return "from \(path)" + (line.map { ":\($0)" } ?? "")
        case .defaultValue:
            return "from the defaults"
        }
    }
}
