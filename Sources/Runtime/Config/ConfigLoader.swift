// Builds the node's configuration from defaults, a YAML file, CAIRN_* variables and --set flags.

import Configuration
import Yams

/// Precedence, highest first: `--set key=value` > `CAIRN_<KEY>` > the YAML file > defaults
/// (DESIGN §10). swift-configuration's `ConfigReader` does the layering; this type adds what it
/// does not: refusing unknown keys in every layer, parsing Cairn's value syntaxes, and errors
/// that name the key and the layer it came from.
public enum ConfigLoader {
    public static let environmentPrefix = "CAIRN_"

    /// - Parameters:
    ///   - file: a YAML file, or nil for none; relative to the working directory.
    ///   - environment: the process environment; only `CAIRN_*` variables are looked at, and
    ///     every one of them must name a key.
    ///   - overrides: the arguments of `--set`, each `key=value`; lists are comma-separated.
    /// Async only because swift-configuration's `FileProvider` reads its file asynchronously.
    public static func load(
        file: String?,
        environment: [String: String],
        overrides: [String]
    ) async throws(ConfigError) -> NodeConfig {
        let overrideValues = try parseOverrides(overrides)
        let variables = try cairnVariables(in: environment)
        var fileLayer: ConfigFileLayer?
        if let file {
            fileLayer = try await ConfigFileLayer.load(path: file)
        }

        var providers: [any ConfigProvider] = [overridesProvider(overrideValues), environmentProvider(variables)]
        if let provider = fileLayer?.provider {
            providers.append(provider)
        }
        let reader = ConfigReader(providers: providers)

        var config = NodeConfig()
        var sources: [String: ConfigSource] = [:]
        for field in ConfigSchema.fields {
            let source: ConfigSource
            if overrideValues[field.key] != nil {
                source = .override
            } else if variables[field.environmentVariable] != nil {
                source = .environment(variable: field.environmentVariable)
            } else if let fileLayer, let line = fileLayer.keyLines[field.key] {
                source = .file(path: fileLayer.path, line: line)
            } else {
                continue
            }
            let raw = try read(field, from: reader, source: source)
            do {
                try field.assign(&config, raw)
            } catch {
                throw ConfigError(key: field.key, refusing: field.isSecret ? "<redacted>" : raw.text,
                                  because: error, source: source)
            }
            sources[field.key] = source
        }
        try checkAcrossKeys(config, sources: sources)
        return config
    }

    // MARK: Layers

    /// `--set` arguments by key; a later `--set` of the same key wins, as on most command lines.
    static func parseOverrides(_ overrides: [String]) throws(ConfigError) -> [String: ConfigRawValue] {
        var values: [String: ConfigRawValue] = [:]
        for argument in overrides {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw ConfigError(key: nil, detail: "--set \(shownSafely(argument)): expected key=value (from --set)")
            }
            let key = String(argument[..<equals])
            let value = String(argument[argument.index(after: equals)...])
            guard let field = ConfigSchema.fieldsByKey[key] else {
                throw ConfigError(key: key, detail: "unknown key (from --set); \(ConfigSchema.hint(forUnknownKey: key))")
            }
            switch field.shape {
            case .scalar: values[key] = .scalar(value)
            case .list: values[key] = .list(commaSeparated(value))
            }
        }
        return values
    }

    /// The `CAIRN_*` subset of the environment; any such variable that names no key stops start-up.
    static func cairnVariables(in environment: [String: String]) throws(ConfigError) -> [String: String] {
        let variables = environment.filter { $0.key.hasPrefix(environmentPrefix) }
        for name in variables.keys.sorted() where ConfigSchema.fieldsByEnvironmentVariable[name] == nil {
            let sectionVariables = ConfigSchema.fields
                .filter { name.hasPrefix(environmentPrefix + $0.section.uppercased() + "_") }
                .map(\.environmentVariable)
            let hint = sectionVariables.isEmpty
                ? "variables are CAIRN_<SECTION>_<KEY>, e.g. CAIRN_RESP_LISTEN"
                : "that section's variables are " + sectionVariables.joined(separator: ", ")
            throw ConfigError(key: name, detail: "unknown configuration variable (from the environment); \(hint)")
        }
        return variables
    }

    private static func overridesProvider(_ values: [String: ConfigRawValue]) -> InMemoryProvider {
        var entries: [AbsoluteConfigKey: ConfigValue] = [:]
        for (key, raw) in values {
            let isSecret = ConfigSchema.fieldsByKey[key]?.isSecret ?? false
            let content: ConfigContent = switch raw {
            case .scalar(let text): .string(text)
            case .list(let items): .stringArray(items)
            }
            entries[AbsoluteConfigKey(ConfigKey(key))] = ConfigValue(content, isSecret: isSecret)
        }
        return InMemoryProvider(name: "--set", values: entries)
    }

    /// Asked for `cairn.resp.max-clients`, swift-configuration's provider looks up
    /// `CAIRN_RESP_MAX_CLIENTS`: exactly DESIGN §10's mapping, so no hand-made table is needed.
    private static func environmentProvider(_ variables: [String: String]) -> KeyMappingProvider<EnvironmentVariablesProvider> {
        let secretVariables = Set(ConfigSchema.fields.filter(\.isSecret).map(\.environmentVariable))
        return EnvironmentVariablesProvider(
            environmentVariables: variables,
            secretsSpecifier: .specific(secretVariables),
            arraySeparator: ","
        ).prefixKeys(with: ConfigKey(["cairn"]))
    }

    private static func read(_ field: ConfigField, from reader: ConfigReader, source: ConfigSource) throws(ConfigError) -> ConfigRawValue {
        let key = ConfigKey(field.key)
        do {
            switch field.shape {
            case .scalar:
                return .scalar(try reader.requiredString(forKey: key, isSecret: field.isSecret))
            case .list:
                let items = try reader.requiredStringArray(forKey: key, isSecret: field.isSecret)
                // The environment provider reads an empty variable as one empty item.
                return .list(items == [""] ? [] : items)
            }
        } catch {
            let shape = field.shape == .list ? "a list" : "a single value"
            throw ConfigError(key: field.key, detail: "expected \(shape), could not read it (\(source)): \(error)")
        }
    }

    // MARK: Checks

    /// Rules that tie keys together; the error names the key most likely to be the mistake.
    private static func checkAcrossKeys(_ config: NodeConfig, sources: [String: ConfigSource]) throws(ConfigError) {
        if config.raft.heartbeatTicks >= config.raft.electionTicks {
            let key = sources["raft.heartbeat-ticks"] != nil || sources["raft.election-ticks"] == nil
                ? "raft.heartbeat-ticks" : "raft.election-ticks"
            throw ConfigError(
                key: key,
                detail: "expected raft.heartbeat-ticks below raft.election-ticks, got \(config.raft.heartbeatTicks) and \(config.raft.electionTicks) (\(sources[key] ?? .defaultValue))")
        }
        // uv_pipe_bind silently truncates longer paths (DESIGN §3).
        let socketPath = config.effectiveSocketPath
        if socketPath.utf8.count > maximumSocketPathBytes {
            let key = config.admin.socket.isEmpty ? "node.data-dir" : "admin.socket"
            throw ConfigError(
                key: key,
                detail: "expected an admin socket path of at most \(maximumSocketPathBytes) bytes, got \(socketPath.utf8.count) bytes in \(ConfigError.quoted(socketPath)) (\(sources[key] ?? .defaultValue))")
        }
    }

    static let maximumSocketPathBytes = 107

    // MARK: Text helpers

    static func commaSeparated(_ text: String) -> [String] {
        guard !text.trimmingASCIISpaces().isEmpty else { return [] }
        return text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingASCIISpaces() }
    }

    /// A malformed `--set` may still hold a secret (`resp.requirepass:hunter2`); show only its key then.
    private static func shownSafely(_ argument: String) -> String {
        for field in ConfigSchema.fields where field.isSecret && argument.hasPrefix(field.key) {
            return ConfigError.quoted(field.key + "…")
        }
        return ConfigError.quoted(argument)
    }
}
