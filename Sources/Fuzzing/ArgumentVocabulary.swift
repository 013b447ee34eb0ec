// The words a plausible-but-wrong command is made of: keys that collide, numbers at the edges,
// option words from every command family, and binary.
import Runtime

enum ArgumentVocabulary {
    /// Few keys, so commands meet each other's data (a GET after a SET, WRONGTYPE once other
    /// types exist) and the keyspace stays small over millions of inputs. Hash tags put some
    /// in one slot, so multi-key commands get past CROSSSLOT.
    static let keys: [String] = (0..<24).map { "k\($0)" } + (0..<8).map { "{tag}k\($0)" } + ["", "{", "}", "{}", "{tag}"]

    /// Numbers where parsing and arithmetic break: limits and one past them, signs, spaces,
    /// exponents, hex, floats, and the values Redis treats specially.
    static let numbers: [String] = [
        "0", "1", "-1", "2", "3", "10", "100", "-100", "16", "255", "256", "65536", "1000000",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551615", "18446744073709551616", "99999999999999999999999999999",
        "4294967295", "4294967296", "2147483647", "2147483648", "-2147483649", "536870911", "536870912",
        "4611686018427387904", "922337203685477580", "0000001", "-0", "+1", " 1", "1 ", "1e3", "1E3", "0x10",
        "1.5", "-1.5", ".5", "5.", "3.0e2", "inf", "-inf", "+inf", "nan", "-nan", "1e308", "1e309", "-1e309",
        "17179869184", "4294967296000", "253402300800", "253402300799999", "",
    ]

    /// Option words of Redis's string, key, collection, connection and server commands, so option parsers
    /// see each other's words in every position.
    static let options: [String] = [
        "EX", "PX", "EXAT", "PXAT", "NX", "XX", "GT", "LT", "KEEPTTL", "GET", "PERSIST", "CH", "INCR",
        "ASYNC", "SYNC", "MATCH", "COUNT", "TYPE", "LIMIT", "WITHSCORES", "BYSCORE", "BYLEX", "REV", "WEIGHTS", "AGGREGATE",
        "SUM", "MIN", "MAX", "WITHVALUES",
        "AND", "OR", "XOR", "NOT", "BIT", "BYTE", "REPLACE", "DB", "AUTH", "SETNAME", "ID", "GETNAME",
        "NO-EVICT", "ON", "OFF", "HELP", "INFO", "DOCS", "GETKEYS", "LIST", "KILL", "RESETSTAT",
        "default", "string", "list", "*", "?", "[", "\\", "nosuch", "ALL", "SAVE", "NOSAVE", "IDLETIME", "FREQ",
    ]

    /// Bytes a text-minded parser trips on: NUL, CR, LF, quotes, invalid UTF-8, a long run.
    static let awkward: [[UInt8]] = [
        [], [0], [13, 10], [10], [13], Array("\"".utf8), Array("'".utf8), [0xFF, 0xFE], [0xC3], [0xE2, 0x82],
        Array("a b".utf8), Array("*1\r\n$4\r\nPING\r\n".utf8), Array("-ERR x".utf8), [UInt8](repeating: 0x61, count: 1000),
    ]
}

extension SplitMix64 {
    /// A value in `0..<bound` (bound > 0); the slight modulo bias does not matter for fuzzing.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// True with probability `percent` / 100.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    mutating func bytes(count: Int) -> [UInt8] {
        (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) }
    }
}
