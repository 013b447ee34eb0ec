// The one error configuration loading throws: a single line that names the key and its source.

/// Start-up stops with exit code 2 and prints `message` (DESIGN §10). The message is always
/// one line, starts with `config: `, names the dotted key when there is one and says where
/// the value came from, e.g.
/// `config: resp.max-clients: expected an integer ≥ 1, got "-5" (from config/single.yaml:3)`.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The dotted key path the error is about, when it is about one.
    public let key: String?
    public let message: String

    public var description: String { message }

    init(key: String?, detail: String) {
        self.key = key
        let subject = key.map { "\(ConfigError.oneLine($0)): " } ?? ""
        self.message = "config: \(subject)\(ConfigError.oneLine(detail))"
    }

    /// A value that was present but refused.
    init(key: String, refusing raw: String, because error: ConfigValueError, source: ConfigSource) {
        let got = error.item.map { "\(ConfigError.quoted($0)) in \(ConfigError.quoted(raw))" }
            ?? ConfigError.quoted(raw)
        self.init(key: key, detail: "expected \(error.expected), got \(got) (\(source))")
    }

    /// Quotes text from the outside for a message: escaped so it stays on one line, and cut
    /// short so a stray megabyte of environment does not become the error.
    static func quoted(_ text: String) -> String {
        let limit = 80
        let shown = text.count > limit ? String(text.prefix(limit)) + "…" : text
        return "\"" + JSONEscaping.escaped(shown) + "\""
    }

    /// Keeps text that is not ours (paths, parser messages) from breaking the one-line promise.
    static func oneLine(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t":
                result.unicodeScalars.append(" ")
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
                result.unicodeScalars.append("?")
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
