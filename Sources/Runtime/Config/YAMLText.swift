// Writes configuration text as a YAML scalar, quoting only when YAML would misread it.

enum YAMLText {
    /// Words YAML 1.1 would read as booleans or null if left unquoted.
    private static let specialWords: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
    ]

    /// Plain when every character is one that cannot start YAML syntax (addresses, sizes,
    /// durations, ids, most paths); otherwise a double-quoted string with JSON escapes,
    /// which YAML reads the same way. Free text is also quoted when it is a word YAML 1.1
    /// would read as a boolean or null; `true` for a boolean key stays plain.
    static func scalar(_ text: String, isText: Bool) -> String {
        let isPlainSafe = !text.isEmpty
            && !(isText && specialWords.contains(text.lowercased()))
            && text.first.map { $0.isASCII && ($0.isLetter || $0.isNumber || "./_".contains($0)) } == true
            && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._/@:+-".contains($0)) }
            && !text.hasSuffix(":")
        return isPlainSafe ? text : "\"" + JSONEscaping.escaped(text) + "\""
    }
}
