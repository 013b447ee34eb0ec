// The YAML file layer: its swift-configuration provider plus the keys it sets and their lines.

import Configuration
import Yams

struct ConfigFileLayer: Sendable {
    let path: String
    /// Each key the file sets, with the line it is on.
    let keyLines: [String: Int]
    /// Nil for an empty file, which sets nothing (the YAML provider refuses a file with no mapping).
    let provider: FileProvider<YAMLSnapshot>?

    /// The file is parsed here first, with Yams, to find every key it holds and to turn a YAML
    /// syntax error into one line; only then does swift-configuration's provider load it.
    static func load(path: String) async throws(ConfigError) -> ConfigFileLayer {
        let text = try ConfigFileReader.contents(ofFile: path)
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigError(key: nil, detail: "invalid YAML in \(path): \(describe(error))")
        }
        let keyLines = try ConfigFileWalker.keyLines(of: root, file: path)
        guard !keyLines.isEmpty else {
            return ConfigFileLayer(path: path, keyLines: [:], provider: nil)
        }
        let secretKeys = Set(ConfigSchema.fields.filter(\.isSecret).map(\.key))
        // The provider is configured through a reader so that its path needs no SystemPackage type here.
        let providerConfig = ConfigReader(provider: InMemoryProvider(values: ["filePath": .init(.string(path), isSecret: false)]))
        do {
            let provider = try await FileProvider<YAMLSnapshot>(
                parsingOptions: .init(secretsSpecifier: .specific(secretKeys)),
                config: providerConfig
            )
            return ConfigFileLayer(path: path, keyLines: keyLines, provider: provider)
        } catch {
            throw ConfigError(key: nil, detail: "cannot load config file \(path): \(error)")
        }
    }

    /// Yams' own descriptions quote the offending line under a caret: several lines. Keep the
    /// problem and where it is.
    private static func describe(_ error: any Error) -> String {
        guard let yamlError = error as? YamlError else { return "\(error)" }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let while_ = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            return "\(while_)\(problem) at line \(mark.line), column \(mark.column)"
        case .reader(let problem, let offset, _, _):
            return "\(problem)" + (offset.map { " at character \($0)" } ?? "")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return "duplicate key \(duplicates.joined(separator: ", ")) at line \(context.mark.line)"
        default:
            return "\(yamlError)"
        }
    }
}
