// The size limits on requests: before and after authentication, proto-max-bulk-len, 64 KiB lines.

import RESP
import Testing

@Suite struct RequestLimitTests {
    private let unauthenticated = RESPRequestParser(isAuthenticated: false)
    private let authenticated = RESPRequestParser(isAuthenticated: true)

    @Test func test_unauthenticated_acceptsTenArguments_refusesEleven() {
        let ten = multibulk(Array(repeating: bytes("a"), count: 10))
        #expect(ParserVerifier.verify(ten, parser: unauthenticated).commands.count == 1)
        #expect(ParserVerifier.verify(bytes("*11\r\n"), parser: unauthenticated)
                == ParseOutcome(commands: [], ending: .failed(.unauthenticatedMultibulkLength)))
    }

    @Test func test_unauthenticated_acceptsBulkOf16KiB_refusesOneByteMore() {
        let largest = [UInt8](repeating: UInt8(ascii: "x"), count: 16384)
        #expect(ParserVerifier.verify(multibulk([bytes("AUTH"), largest]), parser: unauthenticated).commands
                == [[bytes("AUTH"), largest]])
        #expect(ParserVerifier.verify(bytes("*1\r\n$16385\r\n"), parser: unauthenticated)
                == ParseOutcome(commands: [], ending: .failed(.unauthenticatedBulkLength)))
    }

    @Test func test_authenticated_acceptsWhatUnauthenticatedRefuses() {
        #expect(ParserVerifier.verify(bytes("*11\r\n$16385\r\n"), parser: authenticated)
                == ParseOutcome(commands: [], ending: .needsMoreBytes(buffered: 0)))
    }

    /// Redis parses a command only after running the one before it, so an AUTH early in a
    /// pipeline lifts the limits for the commands after it.
    @Test func test_authenticatingBetweenCommands_liftsTheLimitsForTheNextOne() {
        let input = multibulk([bytes("AUTH"), bytes("secret")]) + bytes("*11\r\n")
        let outcome = ParserVerifier.verify(input, parser: unauthenticated) { parser, command in
            if command.first == bytes("AUTH") { parser.isAuthenticated = true }
        }
        #expect(outcome == ParseOutcome(commands: [command("AUTH", "secret")], ending: .needsMoreBytes(buffered: 0)))
    }

    @Test func test_inlineRequests_haveNoArgumentLimitBeforeAuthentication_likeRedis() {
        let line = Array(repeating: "a", count: 50).joined(separator: " ") + "\r\n"
        #expect(ParserVerifier.verify(bytes(line), parser: unauthenticated).commands.first?.count == 50)
    }

    @Test func test_maxBulkLength_isConfigurable() {
        let parser = RESPRequestParser(maxBulkLength: 5, isAuthenticated: true)
        #expect(ParserVerifier.verify(bytes("*1\r\n$5\r\nhello\r\n"), parser: parser).commands == [command("hello")])
        #expect(ParserVerifier.verify(bytes("*1\r\n$6\r\n"), parser: parser).ending == .failed(.invalidBulkLength))
    }

    @Test func test_maxBulkLength_atIntMax_neverOverflows() {
        let parser = RESPRequestParser(maxBulkLength: Int.max, isAuthenticated: true)
        #expect(ParserVerifier.verify(bytes("*1\r\n$9223372036854775807\r\nabc"), parser: parser)
                == ParseOutcome(commands: [], ending: .needsMoreBytes(buffered: 3)))
    }

    @Test func test_maxBulkLength_default_is512MB() {
        #expect(authenticated.maxBulkLength == 536_870_912)
        #expect(ParserVerifier.verify(bytes("*1\r\n$536870912\r\n")).ending == .needsMoreBytes(buffered: 0))
    }

    // MARK: 64 KiB lines

    @Test func test_inlineLine_of64KiB_isAccepted() {
        let argument = String(repeating: "x", count: 65536 - 5)
        let outcome = ParserVerifier.verify(bytes("ECHO " + argument + "\n"))
        #expect(outcome.commands == [command("ECHO", argument)])
    }

    @Test func test_inlineLine_withoutNewlineInItsFirst64KiBPlusOne_fails_however_itArrives() {
        // The newline is the 65538th byte; Redis accepts this if one read brings it all and
        // refuses it if reads are small. Here it is refused whatever the chunking.
        let outcome = ParserVerifier.verify(bytes("ECHO " + String(repeating: "x", count: 65532) + "\n"))
        #expect(outcome == ParseOutcome(commands: [], ending: .failed(.tooBigInlineRequest)))
    }

    @Test func test_lineLimit_countsFromTheStartOfEachLine() {
        let long = "ECHO " + String(repeating: "x", count: 60000) + "\r\n"
        let outcome = ParserVerifier.verify(bytes(long + long))
        #expect(outcome.commands.count == 2)
    }

    @Test func test_headerLongerThan64KiB_failsAsTooBigCountString() {
        let padded = "*1" + String(repeating: "0", count: 70000) + "\r\n"
        #expect(ParserVerifier.verify(bytes(padded)).ending == .failed(.tooBigMultibulkCountString))
        let bulk = "*1\r\n$1" + String(repeating: "0", count: 70000) + "\r\n"
        #expect(ParserVerifier.verify(bytes(bulk)).ending == .failed(.tooBigBulkCountString))
    }

    /// Redis finds line ends with strchr, which stops at a NUL: a NUL before the end hides the
    /// end, and the line waits until the 64 KiB limit (checked against redis-server 7.0.15).
    @Test func test_nulBeforeTheLineEnd_hidesIt_untilTheLineLimit() {
        let header = bytes("*1") + [0] + bytes("\r\n$4\r\nPING\r\n")
        #expect(ParserVerifier.verify(header) == ParseOutcome(commands: [], ending: .needsMoreBytes(buffered: header.count)))
        let inline = bytes("PI") + [0] + bytes("NG\r\n")
        #expect(ParserVerifier.verify(inline).ending == .needsMoreBytes(buffered: inline.count))
        let filled = inline + [UInt8](repeating: UInt8(ascii: "x"), count: 65536)
        #expect(ParserVerifier.verify(filled).ending == .failed(.tooBigInlineRequest))
    }

    @Test func test_nulInsideBulkData_isData() {
        #expect(ParserVerifier.verify(multibulk([[0, 0], [0]])).commands == [[[0, 0], [0]]])
    }
}
