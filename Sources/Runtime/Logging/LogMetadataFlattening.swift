// Turns nested log metadata into the flat, ordered fields a log line carries.

import Logging

enum LogMetadataFlattening {
    /// Fields every line starts with; metadata may not take their names.
    static let reservedKeys: Set<String> = ["ts", "level", "node", "component", "msg"]

    /// Nested dictionaries become dotted keys (`region` → `id` gives `region.id`), sorted by key
    /// so that the same metadata always prints the same way. A metadata key that would clash
    /// with a reserved field is printed as `metadata.<key>`; where flattening makes two keys
    /// equal (`a.b` given both ways) the first in sorted order is kept, so the line stays valid JSON.
    static func flattened(_ metadata: Logger.Metadata) -> [(key: String, value: Logger.MetadataValue)] {
        var fields: [(key: String, value: Logger.MetadataValue)] = []
        append(metadata, prefix: "", to: &fields)
        fields.sort { $0.key < $1.key }
        var seen: Set<String> = []
        return fields.compactMap { field in
            let key = reservedKeys.contains(field.key) ? "metadata." + field.key : field.key
            return seen.insert(key).inserted ? (key: key, value: field.value) : nil
        }
    }

    private static func append(
        _ metadata: Logger.Metadata, prefix: String, to fields: inout [(key: String, value: Logger.MetadataValue)]
    ) {
        for (key, value) in metadata {
            let fullKey = prefix.isEmpty ? key : prefix + "." + key
            if case .dictionary(let nested) = value, !nested.isEmpty {
                append(nested, prefix: fullKey, to: &fields)
            } else {
                fields.append((key: fullKey, value: value))
            }
        }
    }
}
