// Doubles are written as C's printf("%.17g") writes them (Redis 7.0's addReplyDouble).

#if canImport(Glibc)
import Runtime
import TestSupport
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RESP
import Testing

@Suite struct DoubleFormattingTests {
    /// The text between `,` and `\r\n` of a RESP3 double.
    private func formatted(_ value: Double) -> String {
        var buffer: [UInt8] = []
        RESPEncoder(protocolVersion: .resp3).appendDouble(value, to: &buffer)
        return String(decoding: buffer.dropFirst().dropLast(2), as: UTF8.self)
    }

    /// Known `%.17g` texts; the first ones are ZSCORE replies of redis-server 7.0.15.
    @Test(arguments: [
        (3.14, "3.1400000000000001"),
        (1e300, "1.0000000000000001e+300"),
        (0.0001, "0.0001"),
        (0.00001, "1.0000000000000001e-05"),
        (123456789012345678.0, "1.2345678901234568e+17"),
        (1.0, "1"),
        (-2.5, "-2.5"),
        (-0.0, "-0"),
        (0.1, "0.10000000000000001"),
        (100.0, "100"),
        (1e16, "10000000000000000"),
        (1e17, "1e+17"),
        (12345678901234567.0, "12345678901234568"),
        (Double.greatestFiniteMagnitude, "1.7976931348623157e+308"),
        (Double.leastNormalMagnitude, "2.2250738585072014e-308"),
        (Double.leastNonzeroMagnitude, "4.9406564584124654e-324"),
        (9007199254740993.0, "9007199254740992"),
        // Exact ties at the 18th digit round to even, as glibc does.
        (1234567890123456.25, "1234567890123456.2"),
        (1234567890123456.75, "1234567890123456.8"),
        (0.5, "0.5"),
        (99999999999999999.0, "1e+17"),
    ])
    func test_double_isFormattedLikePercentPoint17g(value: Double, text: String) {
        #expect(formatted(value) == text)
    }

    @Test func test_negativeNaN_keepsItsSign_likeGlibc() {
        #expect(formatted(-Double.nan) == "-nan")
        #expect(formatted(Double.nan) == "nan")
    }

    #if canImport(Glibc) || canImport(Darwin)
    /// Differential check against the C library itself over random bit patterns (every
    /// exponent, subnormals included) and random values of everyday size.
    @Test func test_randomDoubles_matchTheCLibrary() {
        let seed: UInt64 = 0xD0_0B1E
        var random = SplitMix64(seed: seed)
        var mismatches: [String] = []
        for round in 0..<20_000 {
            let value: Double
            if round % 2 == 0 {
                value = Double(bitPattern: random.next())
            } else {
                value = Double(Int64(bitPattern: random.next()) % 2_000_000) / Double(1 + random.next() % 10_000)
            }
            guard value.isFinite else { continue }
            let expected = cFormatted(value)
            if formatted(value) != expected && mismatches.count < 5 {
                mismatches.append("\(value.bitPattern): \(formatted(value)) vs \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "seed \(seed): \(mismatches)")
    }

    private func cFormatted(_ value: Double) -> String {
        var text = [CChar](repeating: 0, count: 64)
        let written = withVaList([value]) { arguments in
            vsnprintf(&text, text.count, "%.17g", arguments)
        }
        return String(decoding: text.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
    #endif
}
