// Human renderings of admin replies: tables for lists of records, aligned fields for records.
import Runtime

enum AdminRendering {
    static func render(_ result: JSONValue, command: [String]) -> String {
        if command.first == "tree", let tree = renderTree(result) { return tree }
        switch result {
        case .array(let items) where items.allSatisfy({ if case .object = $0 { true } else { false } }) && !items.isEmpty:
            return table(items)
        case .object(let fields):
            let width = fields.map(\.0.count).max() ?? 0
            return fields.map { key, value in
                key + String(repeating: " ", count: width - key.count) + "  " + scalar(value)
            }.joined(separator: "\n") + "\n"
        case .array(let items):
            return items.map(scalar).joined(separator: "\n") + (items.isEmpty ? "" : "\n")
        default:
            return scalar(result) + "\n"
        }
    }

    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return text
        case .null: return "-"
        case .array(let items) where items.allSatisfy({ $0.stringValue != nil }):
            return items.compactMap(\.stringValue).joined(separator: ",")
        default: return value.encoded
        }
    }

    static func table(_ rows: [JSONValue]) -> String {
        var columns: [String] = []
        for row in rows {
            guard case .object(let fields) = row else { continue }
            for (key, value) in fields where !columns.contains(key) {
                if case .array = value, key == "children" { continue }
                columns.append(key)
            }
        }
        let cells = rows.map { row in columns.map { row[$0].map(scalar) ?? "" } }
        let widths = columns.indices.map { index in
            max(columns[index].count, cells.map { $0[index].count }.max() ?? 0)
        }
        func line(_ values: [String]) -> String {
            zip(values, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }
                .joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        return line(columns.map { $0.uppercased() }) + cells.map(line).joined()
    }

    /// `tree` replies are nested `{id, kind, state, …, children: […]}` records.
    static func renderTree(_ root: JSONValue) -> String? {
        guard case .object = root else { return nil }
        var out = ""
        func walk(_ node: JSONValue, prefix: String, isLast: Bool, isRoot: Bool) {
            let name = node["id"]?.stringValue ?? "?"
            var details: [String] = []
            for key in ["kind", "state", "restart_type", "restarts", "uptime_s", "last_reason"] {
                if let value = node[key], value != .null, value != .string("") { details.append("\(key)=\(scalar(value))") }
            }
            let branch = isRoot ? "" : (isLast ? "└─ " : "├─ ")
            out += prefix + branch + name + (details.isEmpty ? "" : "  " + details.joined(separator: " ")) + "\n"
            guard case .array(let children)? = node["children"] else { return }
            let childPrefix = isRoot ? "" : prefix + (isLast ? "   " : "│  ")
            for (index, child) in children.enumerated() {
                walk(child, prefix: childPrefix, isLast: index == children.count - 1, isRoot: false)
            }
        }
        walk(root, prefix: "", isLast: true, isRoot: true)
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
