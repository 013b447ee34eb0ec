// A configuration value as text, before it is parsed: one scalar, or a list of them.

/// Every layer is read as text so that the file, the environment and `--set` go through the
/// same parsers and YAML 1.1's readings (`no` as false, `0s` as a string) never differ from
/// the environment's.
enum ConfigRawValue: Sendable, Equatable {
    case scalar(String)
    case list([String])

    /// How the value looks in an error message; lists the way `--set` would write them.
    var text: String {
        switch self {
        case .scalar(let text): return text
        case .list(let items): return items.joined(separator: ",")
        }
    }
}
