// The emulated x87 `long double` behind INCRBYFLOAT, against Redis's replies and glibc itself.

#if arch(x86_64) && canImport(Glibc)
import Glibc
#endif
@testable import RESP
import Runtime
import TestSupport
import Testing

@Suite struct ExtendedDoubleTests {
    private func text(_ value: ExtendedDouble?) -> String? {
        value.map { String(decoding: $0.humanText(), as: UTF8.self) }
    }

    private func parse(_ text: String) -> ExtendedDouble? {
        ExtendedDouble.parse(Array(text.utf8))
    }

    /// INCRBYFLOAT replies of redis-server 7.0.15 (x86-64): `stored + increment`.
    @Test(arguments: [
        ("0", "0.1", "0.1"),
        ("0.1", "0.2", "0.3"),
        ("10.50", "0.1", "10.6"),
        ("5.0e3", "2.0e2", "5200"),
        ("0", "-0.0000000000000000001", "0"),
        ("0", "0x10", "16"),
        ("0", "3.7e-4940", "0"),
        ("1", "-1", "0"),
        ("-0", "-0", "0"),
        ("9223372036854775807", "1", "9223372036854775808"),
        ("0", "1.5e308",
         "149999999999999999999901476489468468031016840965060944967133685421180106066691046036756664728216022031902928370522024964340854582506645209487860806577896175175227643677561112877760303256738896516844124921428435196017215141331511736789270744288327321353040504243421434090049846615188904452633296864511849922560"),
        ("3.0e3", "-1.5e-3", "2999.99849999999999994"),
        ("0", "0.00000000000000001", "0.00000000000000001"),
        // 5e-18 is a little below its decimal in binary, 1.5e-17 a little above.
        ("0", "0.000000000000000005", "0"),
        ("0", "0.000000000000000015", "0.00000000000000002"),
        ("0", "123456789.123456789", "123456789.12345678899873747"),
    ])
    func test_sum_printsAsRedis(stored: String, increment: String, expected: String) throws {
        let sum = try #require(parse(stored)) + #require(parse(increment))
        #expect(text(sum) == expected)
    }

    @Test func test_hugeSum_printsEveryIntegerDigit() throws {
        let printed = try #require(text(parse("1e4000")))
        #expect(printed.count == 4000, "1e4000 rounds to just below it")
        #expect(printed.hasPrefix("99999999999999999999654638730996237849324925835069576313015083330432619433063"))
        #expect(printed.hasSuffix("20629864357825543441956972190272729951206648276349901340672"))
    }

    @Test(arguments: ["", " 1", "1 ", "\t1", "abc", "1e", "1e+", "1.5.2", "0x", "0xg", "0x1p", ".", "-", "+", "nan", "-nan", "NaN(1)",
                      "1\u{0}", "infinit", "1e5000", "-1e5000", "1e-5000", "0x1p20000", "0x1p-20000", "1,5", "--1", "+-1"])
    func test_refusedAsRedisRefusesThem(_ input: String) {
        #expect(parse(input) == nil, "\(input.debugDescription)")
    }

    @Test(arguments: ["inf", "-INF", "Infinity", "+infinity"])
    func test_infinities_parseButAreNotFinite(_ input: String) throws {
        let value = try #require(parse(input))
        #expect(!value.isFinite)
        #expect(!(value + .zero).isFinite)
    }

    @Test func test_oppositeInfinities_sumToNaN() throws {
        let sum = try #require(parse("inf")) + #require(parse("-inf"))
        #expect(sum.magnitude == .notANumber)
    }

    @Test func test_largestFinite_andOverflow() throws {
        // (2^64 - 1) × 2^16320 is the largest value; doubling it overflows.
        let largest = try #require(parse("0xffffffffffffffffp16320"))
        #expect(largest.isFinite)
        #expect(!(largest + largest).isFinite)
        #expect(parse("0x1p16384") == nil)
    }

    @Test func test_texts_ofTheMaximumLength() {
        let longest = "0." + String(repeating: "0", count: 5000) + String(repeating: "1", count: ExtendedDouble.maximumTextLength - 5003)
        #expect(longest.utf8.count == ExtendedDouble.maximumTextLength - 1)
        // Below 10^-4951, under half the least subnormal: rounds to zero, refused.
        #expect(parse(longest) == nil)
        let manyDigits = String(repeating: "7", count: ExtendedDouble.maximumTextLength - 1)
        #expect(parse(manyDigits) == nil, "about 7.8e5118 overflows")
        let manyFractionDigits = "1." + String(repeating: "3", count: ExtendedDouble.maximumTextLength - 3)
        #expect(text(parse(manyFractionDigits)) == "1.33333333333333333")
        #expect(parse(manyFractionDigits + "3") == nil, "one byte over the limit")
    }

#if arch(x86_64) && canImport(Glibc)
    // MARK: Against glibc and the x87 unit

    /// Redis's `string2ld`: glibc's strtold, all of the text read, not NaN, not out of range.
    private func referenceParse(_ text: [UInt8]) -> Float80? {
        guard !text.isEmpty, text.count < ExtendedDouble.maximumTextLength, isspace(Int32(text[0])) == 0 else { return nil }
        let buffer = text.map { CChar(bitPattern: $0) } + [0]
        return buffer.withUnsafeBufferPointer { pointer -> Float80? in
            guard let base = pointer.baseAddress else { return nil }
            errno = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = strtold(base, &end)
            let outOfRange = errno == ERANGE && (value.isInfinite || value == 0)
            guard let end, UnsafePointer(end) - base == text.count, !outOfRange, errno != EINVAL, !value.isNaN else { return nil }
            return value
        }
    }

    /// Redis's `ld2string` in human mode over glibc's `%.17Lf`.
    private func referenceText(_ value: Float80) -> String {
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        var buffer = [CChar](repeating: 0, count: 6000)
        _ = withVaList([value]) { arguments in vsnprintf(&buffer, buffer.count, "%.17Lf", arguments) }
        var text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    private func float80(_ value: ExtendedDouble) -> Float80 {
        switch value.magnitude {
        case .finite(let significand, let exponent):
            return Float80(sign: value.isNegative ? .minus : .plus, exponent: exponent, significand: Float80(significand))
        case .infinity:
            return value.isNegative ? -.infinity : .infinity
        case .notANumber:
            return .nan
        }
    }

    private func sameBits(_ lhs: Float80, _ rhs: Float80) -> Bool {
        if lhs.isNaN || rhs.isNaN { return lhs.isNaN && rhs.isNaN }
        return lhs.sign == rhs.sign && lhs.exponentBitPattern == rhs.exponentBitPattern
            && lhs.significandBitPattern == rhs.significandBitPattern
    }

    /// Number texts of every shape: short and long decimals at every scale (the extremes of the
    /// range included), integers around 2^64 where rounding ties happen, hexadecimals, and junk.
    private func randomText(_ random: inout SplitMix64) -> String {
        let sign = random.pick(["", "", "-", "+"])
        switch random.below(10) {
        case 0, 1, 2:
            let digits = String((0..<(1 + random.below(25))).map { _ in Character(String(random.below(10))) })
            let point = random.below(digits.count + 1)
            let mantissa = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            // The extremes of the range rarely: printing a 4900-digit number takes a while.
            let extreme = random.chance(10)
            let exponent = extreme ? random.pick([random.below(40) - 4970, random.below(30) + 4905])
                : random.pick([random.below(61) - 30, random.below(801) - 400])
            return sign + mantissa + random.pick(["e", "E"]) + String(exponent)
        case 3:
            return sign + String(random.below(1_000_000)) + "." + String(random.below(1_000_000))
        case 4:
            // Near 2^64 and its neighbours: 64 significant bits and just past them.
            let base = UInt64.max - UInt64(random.below(5000))
            return sign + String(base) + String(random.below(10)) + random.pick(["", "e-1", "e-20", "e19"])
        case 5:
            let digits = String((0..<(1 + random.below(40))).map { _ in Character(String(random.below(10))) })
            return sign + "0." + String(repeating: "0", count: random.below(30)) + digits
        case 6:
            let hex = String((0..<(1 + random.below(20))).map { _ in random.pick(Array("0123456789abcdefABCDEF")) })
            let exponent = random.chance(20) ? random.pick([random.below(400) - 16500, random.below(100) + 16300]) : random.below(200) - 100
            return sign + "0x" + hex + random.pick(["", ".8", ".ff"]) + "p" + String(exponent)
        case 7:
            return sign + random.pick(["inf", "infinity", "nan", "1e", "0x", ".", "1..2", " 3", "4 ", "0x1p", "12abc", "1e+", "e5"])
        case 8:
            // Subnormals and the underflow boundary.
            return sign + String(1 + random.below(9)) + "." + String(random.below(1000)) + "e-" + String(4930 + random.below(25))
        default:
            return sign + String(random.below(100)) + random.pick(["", ".5", ".25", ".1", ".05"])
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func test_parseAndPrint_matchGlibc(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<2000 {
            let input = randomText(&random)
            let emulated = ExtendedDouble.parse(Array(input.utf8))
            let reference = referenceParse(Array(input.utf8))
            #expect((emulated == nil) == (reference == nil), "seed \(seed): \(input.debugDescription) accepted differently")
            guard let emulated, let reference else { continue }
            #expect(sameBits(float80(emulated), reference), "seed \(seed): \(input) parsed to other bits")
            #expect(text(emulated) == referenceText(reference), "seed \(seed): \(input) printed differently")
        }
    }

    @Test(arguments: [UInt64(11), 12, 13, 14])
    func test_sums_matchTheX87Unit(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        var checked = 0
        while checked < 2000 {
            let first = randomText(&random), second = randomText(&random)
            guard let lhs = ExtendedDouble.parse(Array(first.utf8)), let rhs = ExtendedDouble.parse(Array(second.utf8)),
                  let referenceLHS = referenceParse(Array(first.utf8)), let referenceRHS = referenceParse(Array(second.utf8))
            else { continue }
            checked += 1
            // Also nearly opposite operands, where the sum cancels most bits.
            let pairs = [(lhs, rhs, referenceLHS, referenceRHS),
                         (lhs, ExtendedDouble(isNegative: !lhs.isNegative, magnitude: lhs.magnitude) + rhs, referenceLHS, -referenceLHS + referenceRHS)]
            for (a, b, referenceA, referenceB) in pairs {
                let sum = a + b
                let referenceSum = referenceA + referenceB
                #expect(sameBits(float80(sum), referenceSum), "seed \(seed): \(first) + \(second)")
                if sum.isFinite { #expect(text(sum) == referenceText(referenceSum), "seed \(seed): \(first) + \(second) printed differently") }
            }
        }
    }
#endif
}
