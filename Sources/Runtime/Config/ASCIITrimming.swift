// Trimming of the blanks that configuration text may carry around a value.

extension StringProtocol {
    /// Only spaces and tabs: configuration text never needs Unicode-aware trimming.
    func trimmingASCIISpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[start...end])
    }
}
