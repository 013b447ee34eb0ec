// SET's and GETEX's options (Redis 7.0 `parseExtendedStringArgumentsOrReply`) and their
// expiry, made absolute at normalize time (DESIGN §6a).
import RESP

struct ExtendedStringOptions: Equatable {
    enum Command { case set, getex }
    enum ExpiryUnit: Equatable { case seconds, milliseconds, unixSeconds, unixMilliseconds }

    var ifAbsent = false
    var ifPresent = false
    var returnOld = false
    var keepTTL = false
    var persist = false
    var expiry: (unit: ExpiryUnit, value: [UInt8])?

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.ifAbsent == rhs.ifAbsent && lhs.ifPresent == rhs.ifPresent && lhs.returnOld == rhs.returnOld
            && lhs.keepTTL == rhs.keepTTL && lhs.persist == rhs.persist
            && lhs.expiry?.unit == rhs.expiry?.unit && lhs.expiry?.value == rhs.expiry?.value
    }

    static let syntaxError = RESPValue.error("ERR syntax error")

    /// Parses `argv[start...]` with Redis's rules: each option may not combine with the ones it
    /// excludes, and a repeated expiry option of the same kind takes the last value.
    static func parse(_ argv: [[UInt8]], from start: Int, for command: Command) -> Result<Self, RESPError> {
        var options = Self()
        var index = start
        while index < argv.count {
            let option = String(decoding: argv[index], as: UTF8.self).uppercased()
            let hasNext = index + 1 < argv.count
            let unit = options.expiry?.unit
            switch option {
            case "NX" where !options.ifPresent && command == .set:
                options.ifAbsent = true
            case "XX" where !options.ifAbsent && command == .set:
                options.ifPresent = true
            case "GET" where command == .set:
                options.returnOld = true
            case "KEEPTTL" where !options.persist && unit == nil && command == .set:
                options.keepTTL = true
            case "PERSIST" where command == .getex && unit == nil && !options.keepTTL:
                options.persist = true
            case "EX" where hasNext && !options.keepTTL && !options.persist && (unit == nil || unit == .seconds):
                options.expiry = (.seconds, argv[index + 1])
                index += 1
            case "PX" where hasNext && !options.keepTTL && !options.persist && (unit == nil || unit == .milliseconds):
                options.expiry = (.milliseconds, argv[index + 1])
                index += 1
            case "EXAT" where hasNext && !options.keepTTL && !options.persist && (unit == nil || unit == .unixSeconds):
                options.expiry = (.unixSeconds, argv[index + 1])
                index += 1
            case "PXAT" where hasNext && !options.keepTTL && !options.persist && (unit == nil || unit == .unixMilliseconds):
                options.expiry = (.unixMilliseconds, argv[index + 1])
                index += 1
            default:
                return .failure(RESPError(syntaxError))
            }
            index += 1
        }
        return .success(options)
    }

    /// The absolute expiry in Unix milliseconds, nil without an expiry option; Redis's errors
    /// for a value that is not an integer, not positive, or overflows.
    func absoluteExpiry(now: Int64, commandName: String) -> Result<Int64?, RESPError> {
        guard let expiry else { return .success(nil) }
        return Self.absoluteExpiry(expiry.value, unit: expiry.unit, now: now, commandName: commandName)
    }

    static func absoluteExpiry(_ value: [UInt8], unit: ExpiryUnit, now: Int64, commandName: String) -> Result<Int64?, RESPError> {
        guard let number = StrictInteger.parse(value) else { return .failure(RESPError(notAnInteger)) }
        let invalid = RESPError(.error("ERR invalid expire time in '\(commandName)' command"))
        let isSeconds = unit == .seconds || unit == .unixSeconds
        guard number > 0, !isSeconds || number <= Int64.max / 1000 else { return .failure(invalid) }
        var milliseconds = isSeconds ? number * 1000 : number
        if unit == .seconds || unit == .milliseconds {
            let (sum, overflow) = milliseconds.addingReportingOverflow(now)
            guard !overflow else { return .failure(invalid) }
            milliseconds = sum
        }
        return .success(milliseconds)
    }

    static let notAnInteger = RESPValue.error("ERR value is not an integer or out of range")
}
