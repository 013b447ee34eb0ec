// Prints the effective configuration for people (secrets redacted) and for CONFIG GET.

extension NodeConfig {
    /// What a set secret prints as. An empty secret prints as empty, so "no password" stays visible.
    public static let redactedSecret = "<redacted>"

    /// Every key in `knownKeys` order; lists comma-separated (the `--set` syntax), so a value
    /// can be fed back to CONFIG SET. Only a caller that must reveal a secret passes
    /// `redactingSecrets: false`: CONFIG GET, which shows `requirepass` to an authenticated
    /// client as Redis does.
    public func flattened(redactingSecrets: Bool = true) -> [(key: String, value: String)] {
        ConfigSchema.fields.map { field in
            (key: field.key, value: value(of: field, redactingSecrets: redactingSecrets).text)
        }
    }

    /// The effective configuration as YAML, one block per section, every key; it loads back
    /// to the same configuration except that a set secret reads `<redacted>`.
    public func renderedYAML() -> String {
        var lines: [String] = []
        for section in ConfigSchema.sections {
            lines.append("\(section):")
            for field in ConfigSchema.fields(inSection: section) {
                let rendered = switch value(of: field, redactingSecrets: true) {
                case .scalar(let text): YAMLText.scalar(text, isText: field.isText)
                case .list(let items): "[" + items.map { YAMLText.scalar($0, isText: false) }.joined(separator: ", ") + "]"
                }
                lines.append("  \(field.name): \(rendered)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func value(of field: ConfigField, redactingSecrets: Bool) -> ConfigRawValue {
        let raw = field.render(self)
        guard field.isSecret, redactingSecrets, raw != .scalar("") else { return raw }
        return .scalar(NodeConfig.redactedSecret)
    }
}
