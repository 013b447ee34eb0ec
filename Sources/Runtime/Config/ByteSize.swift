// A size in bytes as configuration writes it: `256MB`, `1GiB`, `4096`.

/// Units are powers of 1024 whichever spelling is used (DESIGN §10: `256MB` = 256 × 2^20),
/// so `MB` and `MiB` mean the same. Parsing never traps: a value past `Int64.max` bytes is
/// refused like any other bad value.
public struct ByteSize: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let bytes: Int64

    public init(bytes: Int64) {
        precondition(bytes >= 0, "a ByteSize cannot be negative, got \(bytes)")
        self.bytes = bytes
    }

    public static func kibibytes(_ count: Int64) -> ByteSize { ByteSize(bytes: count << 10) }
    public static func mebibytes(_ count: Int64) -> ByteSize { ByteSize(bytes: count << 20) }
    public static func gibibytes(_ count: Int64) -> ByteSize { ByteSize(bytes: count << 30) }

    static let expectation = "a size like 256MB (an integer with B, KB, MB, GB, TB or KiB, MiB, GiB, TiB)"

    /// Binary shift per unit. Single letters (`1g`) are refused on purpose: Redis reads them
    /// as powers of 1000, so accepting them here would mean something different.
    private static let shifts: [String: Int64] = [
        "b": 0,
        "kb": 10, "kib": 10,
        "mb": 20, "mib": 20,
        "gb": 30, "gib": 30,
        "tb": 40, "tib": 40,
    ]

    /// Accepts an unsigned decimal integer, optional spaces, then an optional unit in any case.
    public init(parsing text: String) throws(ConfigValueError) {
        let trimmed = text.trimmingASCIISpaces()
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = trimmed.dropFirst(digits.count).trimmingASCIISpaces().lowercased()
        guard !digits.isEmpty, let shift = ByteSize.shifts[unit.isEmpty ? "b" : unit] else {
            throw ConfigValueError(expected: ByteSize.expectation)
        }
        let multiplier: Int64 = 1 << shift
        guard let count = Int64(digits) else {
            throw ConfigValueError(expected: ByteSize.overflowExpectation)
        }
        let (product, overflow) = count.multipliedReportingOverflow(by: multiplier)
        guard !overflow else {
            throw ConfigValueError(expected: ByteSize.overflowExpectation)
        }
        self.init(bytes: product)
    }

    static let overflowExpectation = "a size below 8EiB (2^63 bytes)"

    /// The largest unit that divides the size exactly, so `description` parses back to the same value.
    public var description: String {
        guard bytes != 0 else { return "0B" }
        for (unit, shift) in [("TB", Int64(40)), ("GB", 30), ("MB", 20), ("KB", 10)] {
            let unitBytes: Int64 = 1 << shift
            if bytes % unitBytes == 0 {
                return "\(bytes / unitBytes)\(unit)"
            }
        }
        return "\(bytes)B"
    }

    public static func < (lhs: ByteSize, rhs: ByteSize) -> Bool { lhs.bytes < rhs.bytes }
}
