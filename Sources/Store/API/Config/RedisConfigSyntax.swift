// How Redis 7.0 reads CONFIG SET values for its own names, with its error texts (config.c).
import RESP

/// A numeric Redis parameter: how it is written and what it accepts.
struct RedisNumber: Sendable {
    enum Syntax: Sendable {
        /// `string2ll`: digits, an optional `-`, nothing else.
        case integer
        /// `memtoull`: digits with an optional unit `b`, `k`, `kb`, `m`, `mb`, `g`, `gb`.
        case memory
    }

    let syntax: Syntax
    let bounds: ClosedRange<Int64>
    /// Redis keeps it in an unsigned C type: a negative value compares as a huge one.
    let isUnsigned: Bool

    static func signed(_ syntax: Syntax, _ bounds: ClosedRange<Int64>) -> RedisNumber {
        RedisNumber(syntax: syntax, bounds: bounds, isUnsigned: false)
    }

    static func unsigned(_ syntax: Syntax, _ bounds: ClosedRange<Int64>) -> RedisNumber {
        RedisNumber(syntax: syntax, bounds: bounds, isUnsigned: true)
    }

    /// Redis's `numericParseString` then `numericBoundaryCheck`.
    func parse(_ text: [UInt8]) -> Result<Int64, ConfigRefusal> {
        let parsed: Int64?
        switch syntax {
        case .integer: parsed = StrictInteger.parse(text[...])
        case .memory: parsed = Self.memory(text)
        }
        guard let value = parsed else {
            return .failure(ConfigRefusal(syntax == .memory ? "argument must be a memory value"
                                                            : "argument couldn't be parsed into an integer"))
        }
        let inBounds = isUnsigned
            ? UInt64(bitPattern: value) >= UInt64(bitPattern: bounds.lowerBound)
                && UInt64(bitPattern: value) <= UInt64(bitPattern: bounds.upperBound)
            : bounds.contains(value)
        guard inBounds else {
            return .failure(ConfigRefusal("argument must be between \(bounds.lowerBound) and \(bounds.upperBound) inclusive"))
        }
        return .success(value)
    }

    /// Redis's `memtoull`, kept as it is: the text ends at a NUL; an empty number is 0; a number
    /// past 64 bits saturates and a large unit wraps (the bounds check then refuses it), and the
    /// result is read back as a signed 64-bit value.
    static func memory(_ text: [UInt8]) -> Int64? {
        let cText = text.prefix { $0 != 0 }
        let digits = cText.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        let unit = RedisConfigSyntax.cLowercased(Array(cText.dropFirst(digits.count)))
        let multipliers: [String: UInt64] = [
            "": 1, "b": 1, "k": 1_000, "kb": 1_024, "m": 1_000_000, "mb": 1_048_576, "g": 1_000_000_000, "gb": 1_073_741_824,
        ]
        guard let multiplier = multipliers[unit], digits.count < 128 else { return nil }
        var number: UInt64 = 0
        for digit in digits {
            let (times10, overflow) = number.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
            guard !overflow, !sumOverflow else {
                number = UInt64.max
                break
            }
            number = sum
        }
        return Int64(bitPattern: number &* multiplier)
    }
}

enum RedisConfigSyntax {
    /// Redis's `yesnotoi` (bool configs); the text ends at a NUL, any case.
    static func yesOrNo(_ text: [UInt8]) -> Result<Bool, ConfigRefusal> {
        switch cLowercased(text) {
        case "yes": return .success(true)
        case "no": return .success(false)
        default: return .failure(ConfigRefusal("argument must be 'yes' or 'no'"))
        }
    }

    /// An enum config: one of `choices`, any case, listed in the error in Redis's order.
    static func oneOf(_ text: [UInt8], _ choices: [String]) -> Result<String, ConfigRefusal> {
        let word = cLowercased(text)
        guard choices.contains(word) else {
            return .failure(ConfigRefusal("argument(s) must be one of the following: " + choices.joined(separator: ", ")))
        }
        return .success(word)
    }

    /// The text up to its first NUL, ASCII lower-cased: what `strcasecmp` compares.
    static func cLowercased(_ text: [UInt8]) -> String {
        String(decoding: text.prefix { $0 != 0 }.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 },
               as: UTF8.self)
    }
}
