// One configuration key described as data: its name, shape, secrecy, parser and printer.

/// The loader, the printers and the error messages all work from these descriptions, so a key
/// is declared in exactly one place (`ConfigSchema.fields`).
struct ConfigField: Sendable {
    enum Shape: Sendable, Equatable {
        case scalar
        /// A YAML sequence, or comma-separated text in the environment and `--set`.
        case list
    }

    /// Dotted, e.g. `resp.max-clients`.
    let key: String
    let shape: Shape
    /// Secret values are never printed, not even in error messages.
    let isSecret: Bool
    /// Free text (ids, paths, the password) rather than a number, word or address: printing
    /// must quote it when YAML would otherwise read it as a boolean or null.
    let isText: Bool
    /// Parses `raw` and stores it; throws what was expected when it does not fit.
    let assign: @Sendable (inout NodeConfig, ConfigRawValue) throws(ConfigValueError) -> Void
    /// The current value as configuration text (unredacted: callers redact).
    let render: @Sendable (NodeConfig) -> ConfigRawValue

    var section: String { String(key.prefix { $0 != "." }) }
    var name: String { String(key.drop { $0 != "." }.dropFirst()) }

    /// `CAIRN_<KEY>` with dots and dashes as `_` and letters upper-cased (DESIGN §10); the
    /// same name swift-configuration's environment provider derives from `cairn.<key>`.
    var environmentVariable: String {
        ConfigLoader.environmentPrefix + String(key.uppercased().map { $0 == "." || $0 == "-" ? "_" : $0 })
    }
}
