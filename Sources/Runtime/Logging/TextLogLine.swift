// Encodes one log event as a line for people: `2026-11-21T10:00:00.123Z WARN  [component] msg key=value`.

import Logging

enum TextLogLine {
    static func encode(
        timestamp: LogTimestamp, level: Logger.Level, component: String, message: String,
        metadata: Logger.Metadata
    ) -> String {
        var line = "\(timestamp.rfc3339) \(tag(level)) [\(JSONEscaping.escapingControlCharacters(component))] "
        line += JSONEscaping.escapingControlCharacters(message)
        for field in LogMetadataFlattening.flattened(metadata) {
            line += " \(JSONEscaping.escapingControlCharacters(field.key))=\(text(field.value))"
        }
        return line + "\n"
    }

    /// Five columns wide so messages line up.
    static func tag(_ level: Logger.Level) -> String {
        switch level {
        case .trace: "TRACE"
        case .debug: "DEBUG"
        case .info: "INFO "
        case .notice: "NOTE "
        case .warning: "WARN "
        case .error: "ERROR"
        case .critical: "CRIT "
        }
    }

    /// Bare when the value cannot be misread; otherwise quoted with JSON escapes.
    private static func text(_ value: Logger.MetadataValue) -> String {
        let plain: String = switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array, .dictionary: value.description
        }
        let needsQuotes = plain.isEmpty || plain.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "\"" || scalar == "=" || scalar == "\\" || scalar.value < 0x20
                || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029
        }
        return needsQuotes ? "\"" + JSONEscaping.escaped(plain) + "\"" : plain
    }
}
