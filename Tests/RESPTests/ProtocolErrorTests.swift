// Every protocol error the parser raises, with Redis 7.0's exact reply text.

import RESP
import Testing

/// The inputs and replies were checked against redis-server 7.0.15.
@Suite struct ProtocolErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let input: [UInt8]
        let error: RESPProtocolError
        let reply: [UInt8]
        var testDescription: String { printable(input.prefix(40)) }

        init(_ input: [UInt8], _ error: RESPProtocolError, _ reply: [UInt8]) {
            self.input = input
            self.error = error
            self.reply = reply
        }

        init(_ input: String, _ error: RESPProtocolError, _ reply: String) {
            self.init(bytes(input), error, bytes(reply))
        }
    }

    static let cases: [Case] = [
        Case("*2147483648\r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("*9223372036854775808\r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("*\r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("*x\r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("*+1\r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("* 1\r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("*01\r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("*-0\r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("*1 \r\n", .invalidMultibulkLength, "-ERR Protocol error: invalid multibulk length\r\n"),
        Case("*1\r\n$-1\r\n", .invalidBulkLength, "-ERR Protocol error: invalid bulk length\r\n"),
        Case("*1\r\n$\r\n", .invalidBulkLength, "-ERR Protocol error: invalid bulk length\r\n"),
        Case("*1\r\n$04\r\n", .invalidBulkLength, "-ERR Protocol error: invalid bulk length\r\n"),
        Case("*1\r\n$4x\r\n", .invalidBulkLength, "-ERR Protocol error: invalid bulk length\r\n"),
        Case("*1\r\n$536870913\r\n", .invalidBulkLength, "-ERR Protocol error: invalid bulk length\r\n"),
        Case("*1\r\n$99999999999999999999\r\n", .invalidBulkLength, "-ERR Protocol error: invalid bulk length\r\n"),
        Case("*1\r\nx$4\r\n", .expectedBulkHeader(got: UInt8(ascii: "x")), "-ERR Protocol error: expected '$', got 'x'\r\n"),
        Case("*2\r\n$1\r\na\r\n:1\r\n", .expectedBulkHeader(got: UInt8(ascii: ":")), "-ERR Protocol error: expected '$', got ':'\r\n"),
        // Redis's addReplyErrorFormat turns a line break in the message into a space.
        Case("*1\r\n\r\n", .expectedBulkHeader(got: UInt8(ascii: "\r")), "-ERR Protocol error: expected '$', got ' '\r\n"),
        Case("*1\r\n\n\r\n", .expectedBulkHeader(got: UInt8(ascii: "\n")), "-ERR Protocol error: expected '$', got ' '\r\n"),
        // And prints a high byte raw.
        Case([UInt8]("*1\r\n".utf8) + [0xFF] + [UInt8]("\r\n".utf8), .expectedBulkHeader(got: 0xFF),
             [UInt8]("-ERR Protocol error: expected '$', got '".utf8) + [0xFF] + [UInt8]("'\r\n".utf8)),
        Case("SET k \"v\r\n", .unbalancedQuotes, "-ERR Protocol error: unbalanced quotes in request\r\n"),
        Case(String(repeating: "A", count: 65537), .tooBigInlineRequest,
             "-ERR Protocol error: too big inline request\r\n"),
        Case("*" + String(repeating: "1", count: 65536), .tooBigMultibulkCountString,
             "-ERR Protocol error: too big mbulk count string\r\n"),
        Case("*1\r\n$" + String(repeating: "1", count: 65536), .tooBigBulkCountString,
             "-ERR Protocol error: too big bulk count string\r\n"),
    ]

    @Test(arguments: cases)
    func test_malformedRequest_failsWithRedisReply(_ testCase: Case) {
        let outcome = ParserVerifier.verify(testCase.input)
        #expect(outcome == ParseOutcome(commands: [], ending: .failed(testCase.error)))
        var reply: [UInt8] = []
        testCase.error.appendReply(to: &reply)
        #expect(reply == testCase.reply)
    }

    @Test(arguments: [
        (RESPProtocolError.unauthenticatedMultibulkLength, "Protocol error: unauthenticated multibulk length"),
        (.unauthenticatedBulkLength, "Protocol error: unauthenticated bulk length"),
        (.tooBigInlineRequest, "Protocol error: too big inline request"),
        (.expectedBulkHeader(got: UInt8(ascii: "x")), "Protocol error: expected '$', got 'x'"),
    ])
    func test_message_isRedisTextWithoutTheErrPrefix(error: RESPProtocolError, text: String) {
        #expect(error.message == text)
        #expect(error.messageBytes == bytes(text))
        #expect(error.description == text)
    }

    @Test func test_commandsBeforeAnError_areReturned_thenTheErrorStays() throws {
        let outcome = ParserVerifier.verify(bytes("PING\r\n*1\r\n$4\r\nECHO\r\n*1\r\n?\r\nPING\r\n"))
        #expect(outcome == ParseOutcome(commands: [command("PING"), command("ECHO")],
                                        ending: .failed(.expectedBulkHeader(got: UInt8(ascii: "?")))))

        var parser = RESPRequestParser(isAuthenticated: true)
        parser.append(contentsOf: bytes("*x\r\n"))
        #expect(throws: RESPProtocolError.invalidMultibulkLength) { try parser.next() }
        parser.append(contentsOf: bytes("PING\r\n"))
        #expect(throws: RESPProtocolError.invalidMultibulkLength) { try parser.next() }
    }

    @Test func test_invalidLength_isReportedBeforeUnauthenticatedLength_likeRedis() {
        let unauthenticated = RESPRequestParser(isAuthenticated: false)
        #expect(ParserVerifier.verify(bytes("*2147483648\r\n"), parser: unauthenticated).ending
                == .failed(.invalidMultibulkLength))
        #expect(ParserVerifier.verify(bytes("*1\r\n$536870913\r\n"), parser: unauthenticated).ending
                == .failed(.invalidBulkLength))
    }
}
