// Parsers for the plain configuration values: integers in a range, booleans, enumerations.

enum ScalarSyntax {
    static func integer(_ text: String, in range: ClosedRange<Int>) throws(ConfigValueError) -> Int {
        guard let value = Int(text.trimmingASCIISpaces()), range.contains(value) else {
            throw ConfigValueError(expected: expectation(for: range))
        }
        return value
    }

    static func expectation(for range: ClosedRange<Int>) -> String {
        range.upperBound == Int.max
            ? "an integer ≥ \(range.lowerBound)"
            : "an integer \(range.lowerBound)…\(range.upperBound)"
    }

    /// Only `true` and `false`: YAML 1.1's `yes`/`on` are refused rather than guessed at.
    static func boolean(_ text: String) throws(ConfigValueError) -> Bool {
        switch text.trimmingASCIISpaces().lowercased() {
        case "true": return true
        case "false": return false
        default: throw ConfigValueError(expected: "true or false")
        }
    }

    static func choice<Choice: RawRepresentable & CaseIterable>(
        _ text: String, of _: Choice.Type
    ) throws(ConfigValueError) -> Choice where Choice.RawValue == String {
        let word = text.trimmingASCIISpaces().lowercased()
        guard let choice = Choice.allCases.first(where: { $0.rawValue == word }) else {
            let names = Choice.allCases.map(\.rawValue)
            throw ConfigValueError(expected: "one of " + names.joined(separator: ", "))
        }
        return choice
    }
}
