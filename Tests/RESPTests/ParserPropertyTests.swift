// Seeded random requests: valid ones parse back to what was sent, garbage never traps or hoards.

import Runtime
import TestSupport
import RESP
import Testing

/// A failure names its seed; rerun with that seed alone to replay it.
@Suite struct ParserPropertyTests {
    static let seeds: [UInt64] = [0x5EED_0001, 0x5EED_0002, 0xC0FF_EE00_1234]

    // MARK: Valid requests

    @Test(arguments: seeds)
    func test_randomValidRequests_inRandomChunks_parseBackToTheSentCommands(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let encoder = RESPEncoder()
        for round in 0..<300 {
            var sent: [[[UInt8]]] = []
            var input: [UInt8] = []
            for _ in 0..<Int.random(in: 1...20, using: &random) {
                if Bool.random(using: &random) {
                    let arguments = (0..<Int.random(in: 1...12, using: &random)).map { _ in
                        randomArgument(using: &random)
                    }
                    encoder.append(.array(arguments.map(RESPValue.bulk)), to: &input)
                    sent.append(arguments)
                } else {
                    let arguments = (0..<Int.random(in: 1...8, using: &random)).map { _ in
                        randomBytes(count: Int.random(in: 0...24, using: &random), using: &random)
                    }
                    input += inlineLine(arguments, using: &random)
                    sent.append(arguments)
                }
            }
            let chunks = randomChunks(input, using: &random)
            let outcome = ParserVerifier.outcome(feeding: chunks, to: RESPRequestParser(isAuthenticated: true))
            #expect(outcome == ParseOutcome(commands: sent, ending: .needsMoreBytes(buffered: 0)),
                    "seed \(seed) round \(round) input \(printable(input.prefix(300)))")
            if outcome.commands != sent { return }
        }
    }

    // MARK: Garbage

    @Test(arguments: seeds)
    func test_randomGarbage_throwsOrWaits_theSameWayHoweverItArrives(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for round in 0..<1500 {
            let input = garbage(using: &random)
            let isAuthenticated = Bool.random(using: &random)
            let maxBulkLength = [0, 5, 100, RESPLimits.defaultMaxBulkLength].randomElement(using: &random) ?? 0
            let parser = RESPRequestParser(maxBulkLength: maxBulkLength, isAuthenticated: isAuthenticated)

            let whole = ParserVerifier.outcome(feeding: [input[...]], to: parser)
            let chunked = ParserVerifier.outcome(feeding: randomChunks(input, using: &random), to: parser)
            #expect(chunked == whole, "seed \(seed) round \(round) input \(printable(input))")
            if case .needsMoreBytes(let buffered) = whole.ending {
                #expect(buffered <= input.count)
            }
            if chunked != whole { return }
        }
    }

    /// Hostile input before authentication — commands of the largest size allowed, 64 KiB
    /// inline lines, now and then something past a limit — in large random reads: between reads
    /// the parser never holds more than the unauthenticated limits allow: nine complete
    /// arguments of 16 KiB and one 64 KiB line.
    @Test(arguments: seeds)
    func test_unauthenticatedParser_neverHoldsMoreThanItsLimitsAllow(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let limit = (RESPLimits.unauthenticatedMultibulkLength - 1) * RESPLimits.unauthenticatedBulkLength
            + RESPLimits.inlineMaxSize
        var largest = 0
        for round in 0..<20 {
            var input: [UInt8] = []
            while input.count < 1_000_000 {
                input += hostileFragment(using: &random)
            }
            var parser = RESPRequestParser(isAuthenticated: false)
            feeding: for chunk in randomChunks(input, maximumChunk: 30_000, using: &random) {
                parser.append(contentsOf: chunk)
                do {
                    while try parser.next() != nil {}
                } catch {
                    break feeding
                }
                #expect(parser.bufferedByteCount <= limit, "seed \(seed) round \(round)")
                largest = max(largest, parser.bufferedByteCount)
            }
        }
        // Proof that the input came near the bound, so the check above was not idle.
        #expect(largest > (RESPLimits.unauthenticatedMultibulkLength - 1) * RESPLimits.unauthenticatedBulkLength,
                "seed \(seed): held at most \(largest) bytes")
    }

    // MARK: Generators

    private func randomBytes(count: Int, using random: inout SplitMix64) -> [UInt8] {
        (0..<count).map { _ in
            // Half of the bytes from the protocol's own alphabet, to land on the awkward cases.
            Bool.random(using: &random)
                ? UInt8.random(in: 0...255, using: &random)
                : Array("*$\r\n\"' \\\t\0x".utf8).randomElement(using: &random) ?? 0
        }
    }

    private func randomArgument(using random: inout SplitMix64) -> [UInt8] {
        switch Int.random(in: 0..<100, using: &random) {
        case 0: randomBytes(count: Int.random(in: 32_768...40_000, using: &random), using: &random)
        case 1..<10: randomBytes(count: Int.random(in: 100...2_000, using: &random), using: &random)
        default: randomBytes(count: Int.random(in: 0...16, using: &random), using: &random)
        }
    }

    /// `arguments` as an inline line that sdssplitargs splits back into them: each argument bare
    /// when it can be, else in double quotes with escapes, or in single quotes.
    private func inlineLine(_ arguments: [[UInt8]], using random: inout SplitMix64) -> [UInt8] {
        var line: [UInt8] = Bool.random(using: &random) ? [] : [UInt8(ascii: " ")]
        for (index, argument) in arguments.enumerated() {
            if index > 0 {
                line += (0..<Int.random(in: 1...3, using: &random)).map { _ in
                    Bool.random(using: &random) ? UInt8(ascii: " ") : UInt8(ascii: "\t")
                }
            }
            let isBare = !argument.isEmpty && argument.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x27 }
                && !(line.isEmpty && argument.first == UInt8(ascii: "*"))
            let isSingleQuotable = argument.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }
            if isBare && Bool.random(using: &random) {
                line += argument
            } else if isSingleQuotable && Bool.random(using: &random) {
                line.append(UInt8(ascii: "'"))
                for byte in argument {
                    if byte == UInt8(ascii: "'") { line.append(UInt8(ascii: "\\")) }
                    line.append(byte)
                }
                line.append(UInt8(ascii: "'"))
            } else {
                line += doubleQuoted(argument, using: &random)
            }
        }
        return line + (Bool.random(using: &random) ? bytes("\r\n") : bytes("\n"))
    }

    private func doubleQuoted(_ argument: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var quoted = bytes("\"")
        for byte in argument {
            switch byte {
            case UInt8(ascii: "\""): quoted += bytes("\\\"")
            case UInt8(ascii: "\\"): quoted += bytes("\\\\")
            case UInt8(ascii: "\n"): quoted += bytes("\\n")
            case UInt8(ascii: "\r"): quoted += bytes("\\r")
            case UInt8(ascii: "\t"): quoted += bytes("\\t")
            case 0x07: quoted += bytes("\\a")
            case 0x08: quoted += bytes("\\b")
            case 0x20..<0x7F: quoted.append(byte)
            default:
                let hex = Array(String(byte, radix: 16, uppercase: Bool.random(using: &random)).utf8)
                quoted += bytes("\\x") + (hex.count == 1 ? [UInt8(ascii: "0")] + hex : hex)
            }
        }
        return quoted + bytes("\"")
    }

    /// Short runs of protocol-shaped pieces and noise, so that parses get past the first byte.
    private func garbage(using random: inout SplitMix64) -> [UInt8] {
        let pieces = ["*", "$", "*1\r\n", "*2\r\n", "*11\r\n", "*-1\r\n", "*0\r\n", "$3\r\n", "$0\r\n", "$-1\r\n",
                      "$16385\r\n", "foo\r\n", "\r\n", "\n", "\r", "PING\r\n", "\"a b\"", "'c'", "\\x41", "\"",
                      "'", " ", "99999999999999999999", "-", "0", "7", "\0"].map(bytes)
        var input: [UInt8] = []
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            if Int.random(in: 0..<4, using: &random) == 0 {
                input += randomBytes(count: Int.random(in: 1...8, using: &random), using: &random)
            } else {
                input += pieces.randomElement(using: &random) ?? []
            }
        }
        return input
    }

    private func hostileFragment(using random: inout SplitMix64) -> [UInt8] {
        let filler = UInt8(ascii: "x")
        let largest = RESPLimits.unauthenticatedBulkLength
        func bulk(_ length: Int) -> [UInt8] {
            bytes("$\(length)\r\n") + [UInt8](repeating: filler, count: length) + bytes("\r\n")
        }
        switch Int.random(in: 0..<1000, using: &random) {
        case 0..<300:
            let count = RESPLimits.unauthenticatedMultibulkLength
            return bytes("*\(count)\r\n") + (0..<count).flatMap { _ in bulk(largest) }
        case 300..<600:
            let count = Int.random(in: -1...RESPLimits.unauthenticatedMultibulkLength, using: &random)
            return bytes("*\(count)\r\n") + (0..<max(count, 0)).flatMap { _ in
                bulk(Int.random(in: 0...largest, using: &random))
            }
        case 600..<800:
            return [UInt8](repeating: filler, count: Int.random(in: 1...RESPLimits.inlineMaxSize, using: &random)) + bytes("\n")
        case 800..<985: return bytes("\r\n")
        case 985..<995: return randomBytes(count: Int.random(in: 1...64, using: &random), using: &random)
        default:
            return Bool.random(using: &random)
                ? bytes("*\(RESPLimits.unauthenticatedMultibulkLength + 1)\r\n")
                : bytes("*1\r\n$\(largest + 1)\r\n")
        }
    }

    /// `input` cut at random places: mostly small pieces, sometimes large ones.
    private func randomChunks(_ input: [UInt8], maximumChunk: Int = 64, using random: inout SplitMix64) -> [ArraySlice<UInt8>] {
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        while start < input.count {
            let length = Int.random(in: 1...maximumChunk, using: &random)
            let end = min(start + length, input.count)
            chunks.append(input[start..<end])
            start = end
        }
        return chunks
    }
}
