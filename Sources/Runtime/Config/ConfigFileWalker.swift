// Walks a parsed YAML config and checks its shape: known sections, known keys, right kinds.

import Yams

/// swift-configuration's YAML provider answers only the keys it is asked for, so a misspelt
/// key would silently fall back to its default. This walk finds every key the file holds and
/// refuses the file unless each is known and has the right kind (scalar or list of scalars).
enum ConfigFileWalker {
    /// Returns the line of each key the file sets, so later errors can point at it.
    static func keyLines(of root: Node?, file path: String) throws(ConfigError) -> [String: Int] {
        guard let root, !isNull(root) else { return [:] }
        guard case .mapping(let sections) = root else {
            throw ConfigError(key: nil, detail: "expected a mapping of sections (\(sectionList)) at the top level (\(source(path, root)))")
        }
        var lines: [String: Int] = [:]
        for (sectionNode, body) in sections {
            let section = try keyName(sectionNode, path: path)
            guard ConfigSchema.sections.contains(section) else {
                throw ConfigError(key: section, detail: "unknown section (\(source(path, sectionNode))); sections are \(sectionList)")
            }
            if isNull(body) { continue }
            guard case .mapping(let entries) = body else {
                throw ConfigError(key: section, detail: "expected a section of keys, got \(kind(of: body)) (\(source(path, body)))")
            }
            for (nameNode, value) in entries {
                let key = section + "." + (try keyName(nameNode, path: path))
                guard let field = ConfigSchema.fieldsByKey[key] else {
                    throw ConfigError(key: key, detail: "unknown key (\(source(path, nameNode))); \(ConfigSchema.hint(forUnknownKey: key))")
                }
                try checkKind(of: value, for: field, path: path)
                lines[key] = (value.mark ?? nameNode.mark)?.line
            }
        }
        return lines
    }

    private static var sectionList: String { ConfigSchema.sections.joined(separator: ", ") }

    private static func checkKind(of value: Node, for field: ConfigField, path: String) throws(ConfigError) {
        if isNull(value) {
            let hint = field.shape == .list ? "write [] for an empty list" : "write \"\" for an empty string"
            throw ConfigError(key: field.key, detail: "expected a value, got nothing (\(source(path, value))); \(hint)")
        }
        switch (field.shape, value) {
        case (.scalar, .scalar):
            return
        case (.list, .sequence(let items)):
            for (index, item) in items.enumerated() {
                guard case .scalar = item, !isNull(item) else {
                    throw ConfigError(
                        key: field.key,
                        detail: "expected a list of plain values, got \(kind(of: item)) as item \(index + 1) (\(source(path, item)))")
                }
            }
        case (.scalar, _):
            throw ConfigError(key: field.key, detail: "expected a single value, got \(kind(of: value)) (\(source(path, value)))")
        case (.list, _):
            throw ConfigError(key: field.key, detail: "expected a list like [a, b], got \(kind(of: value)) (\(source(path, value)))")
        }
    }

    private static func keyName(_ node: Node, path: String) throws(ConfigError) -> String {
        guard case .scalar(let scalar) = node else {
            throw ConfigError(key: nil, detail: "expected plain key names, got \(kind(of: node)) as a key (\(source(path, node)))")
        }
        return scalar.string
    }

    /// YAML's null is only ever an unquoted `~`, `null` or nothing; `""` is an empty string.
    private static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar): return isNull(node) ? "nothing" : ConfigError.quoted(scalar.string)
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private static func source(_ path: String, _ node: Node) -> ConfigSource {
        .file(path: path, line: node.mark?.line)
    }
}
