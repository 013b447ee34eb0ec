// The fuzzer's judge of replies: it accepts what the encoder writes and rejects what RESP forbids.
import Fuzzing
import RESP
import Testing

@Suite struct ReplyGrammarTests {
    private static let values: [RESPValue] = [
        .simpleString("OK"), .error("ERR wrong"), .error("WRONGTYPE Operation"), .integer(0), .integer(-42), .integer(.min),
        .bulk(""), .bulk([0, 13, 10, 255]), .nullBulk, .nullArray, .null, .array([]), .array([.integer(1), .array([.bulk("x")])]),
        .map([.init(key: .bulk("k"), value: .set([.bulk("v")]))]), .double(3.14), .double(.infinity), .double(-.infinity),
        .double(.nan), .double(-0.0), .double(1e300), .boolean(true), .boolean(false), .bigNumber("-123456789012345678901234567890"),
        .verbatim(format: "txt", text: Array("hello".utf8)), .push([.bulk("message"), .integer(1)]),
    ]

    @Test(arguments: [RESPProtocolVersion.resp2, .resp3])
    func test_everyEncodedValue_isWellFormed(version: RESPProtocolVersion) {
        for value in Self.values {
            var bytes: [UInt8] = []
            RESPEncoder(protocolVersion: version).append(value, to: &bytes)
            #expect(ReplyGrammar.violation(in: bytes, protocolVersion: version) == nil, "\(value) in \(version)")
        }
    }

    @Test(arguments: [
        ("%1\r\n+a\r\n+b\r\n", RESPProtocolVersion.resp2, "type byte '%' in a RESP2 reply"),
        ("_\r\n", .resp2, "type byte '_' in a RESP2 reply"),
        ("$-1\r\n", .resp3, "not a canonical integer: -1"),
        ("*-1\r\n", .resp3, "not a canonical integer: -1"),
        ("$3\r\nab\r\n", .resp2, "payload shorter than its length 3"),
        ("$1\r\nabc\r\n", .resp2, "payload of length 1 not followed by CRLF"),
        ("+OK\r\n+OK\r\n", .resp2, "5 bytes after the reply"),
        ("-oops\r\n", .resp2, "error without an upper-case code: oops"),
        (":007\r\n", .resp2, "not a canonical integer: 007"),
        (":-0\r\n", .resp2, "not a canonical integer: -0"),
        (":99999999999999999999\r\n", .resp2, "not a canonical integer"),
        ("+a\nb\r\n", .resp2, "LF without CR"),
        ("+ab\r", .resp2, "CR without LF"),
        ("*2\r\n:1\r\n", .resp2, "reply ends before a value"),
        ("#x\r\n", .resp3, "boolean that is not t or f"),
        (",1.2.3\r\n", .resp3, "not a double: 1.2.3"),
        ("(12x\r\n", .resp3, "big number that is not digits"),
        ("=3\r\ntxt\r\n", .resp3, "verbatim string without a three-byte format"),
        ("", .resp2, "reply ends before a value"),
        ("!3\r\nabc\r\n", .resp3, "unknown type byte '!'"),
    ] as [(String, RESPProtocolVersion, String)])
    func test_malformedReplies_areRejectedWithTheReason(reply: String, version: RESPProtocolVersion, reason: String) {
        let violation = ReplyGrammar.violation(in: Array(reply.utf8), protocolVersion: version)
        #expect(violation?.contains(reason) == true, "\(violation ?? "accepted")")
    }

    @Test func test_nestingPastTheLimit_isReportedNotFollowed() {
        let deep = String(repeating: "*1\r\n", count: 1000) + ":1\r\n"
        #expect(ReplyGrammar.violation(in: Array(deep.utf8), protocolVersion: .resp2)?.contains("nested deeper") == true)
    }
}
