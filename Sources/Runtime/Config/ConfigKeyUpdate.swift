// Setting one dotted key from text after start-up (CONFIG SET), with the rules `--set` follows.

extension NodeConfig {
    /// Parses `text` as the value of the dotted `key` exactly as `--set key=text` would (lists
    /// comma-separated) and stores it. Throws what was expected when the text does not fit, or
    /// when no such key exists. Rules that tie several keys together are not checked here:
    /// the keys they involve cannot change at run time.
    public mutating func setValue(_ text: String, forKey key: String) throws(ConfigValueError) {
        guard let field = ConfigSchema.fieldsByKey[key] else {
            throw ConfigValueError(expected: "one of the keys " + NodeConfig.knownKeys.joined(separator: ", "))
        }
        switch field.shape {
        case .scalar: try field.assign(&self, .scalar(text))
        case .list: try field.assign(&self, .list(ConfigLoader.commaSeparated(text)))
        }
    }
}
