// Durations as configuration writes them (`100ms`, `30s`, `5m`, `1h30m`) and back.

/// A duration is one or more `<integer><unit>` parts, units `ns`, `us` (or `µs`), `ms`, `s`,
/// `m`, `h`; a bare `0` is also accepted. Negative durations are refused, and so is anything
/// past `Int64.max` nanoseconds (about 292 years) — refused, never trapped on.
public enum DurationSyntax {
    static let expectation = "a duration like 100ms, 30s, 5m or 1h30m (units ns, us, ms, s, m, h)"
    static let overflowExpectation = "a duration below 292 years"

    private static let nanosecondsPerUnit: [String: Int64] = [
        "ns": 1,
        "us": 1_000, "µs": 1_000,
        "ms": 1_000_000,
        "s": 1_000_000_000,
        "m": 60_000_000_000,
        "h": 3_600_000_000_000,
    ]

    public static func parse(_ text: String) throws(ConfigValueError) -> Duration {
        let trimmed = text.trimmingASCIISpaces()
        if trimmed == "0" { return .zero }
        var rest = Substring(trimmed)
        var total: Int64 = 0
        guard !rest.isEmpty else { throw ConfigValueError(expected: expectation) }
        while !rest.isEmpty {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix { !($0.isASCII && $0.isNumber) }
            rest = rest.dropFirst(unit.count)
            guard !digits.isEmpty, let perUnit = nanosecondsPerUnit[String(unit)] else {
                throw ConfigValueError(expected: expectation)
            }
            guard let count = Int64(digits) else {
                throw ConfigValueError(expected: overflowExpectation)
            }
            let (part, productOverflow) = count.multipliedReportingOverflow(by: perUnit)
            let (sum, sumOverflow) = total.addingReportingOverflow(part)
            guard !productOverflow, !sumOverflow else {
                throw ConfigValueError(expected: overflowExpectation)
            }
            total = sum
        }
        return .nanoseconds(total)
    }

    /// The largest unit that divides the duration exactly, so the text parses back to it.
    public static func format(_ duration: Duration) -> String {
        guard let nanoseconds = totalNanoseconds(duration) else {
            return "\(duration.components.seconds)s"
        }
        guard nanoseconds != 0 else { return "0s" }
        for (unit, perUnit) in [("h", Int64(3_600_000_000_000)), ("m", 60_000_000_000), ("s", 1_000_000_000),
                                ("ms", 1_000_000), ("us", 1_000)] where nanoseconds % perUnit == 0 {
            return "\(nanoseconds / perUnit)\(unit)"
        }
        return "\(nanoseconds)ns"
    }

    /// Whole nanoseconds, or nil when the duration does not fit in an `Int64` of them.
    static func totalNanoseconds(_ duration: Duration) -> Int64? {
        let (seconds, attoseconds) = duration.components
        let (scaled, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, sumOverflow) = scaled.addingReportingOverflow(attoseconds / 1_000_000_000)
        return overflow || sumOverflow ? nil : total
    }
}
