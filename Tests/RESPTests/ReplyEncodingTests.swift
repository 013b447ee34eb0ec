// Every reply type written byte for byte in RESP2 and RESP3, with Redis 7.0's RESP2 downgrades.

import RESP
import Testing

/// Where a case is marked "DEBUG PROTOCOL", its bytes are what redis-server 7.0.15 answers to
/// `DEBUG PROTOCOL <type>` after `HELLO 2` and `HELLO 3`.
@Suite struct ReplyEncodingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let value: RESPValue
        let resp2: [UInt8]
        let resp3: [UInt8]
        var testDescription: String { name }

        init(_ name: String, _ value: RESPValue, _ resp2: String, _ resp3: String) {
            self.name = name
            self.value = value
            self.resp2 = bytes(resp2)
            self.resp3 = bytes(resp3)
        }
    }

    static let cases: [Case] = [
        Case("simple string", .simpleString("OK"), "+OK\r\n", "+OK\r\n"),
        Case("simple string with line breaks", .simpleString("a\r\nb"), "+a  b\r\n", "+a  b\r\n"),
        Case("error", .error("ERR unknown command 'x'"), "-ERR unknown command 'x'\r\n", "-ERR unknown command 'x'\r\n"),
        Case("error with a line break", .error("ERR a\nb"), "-ERR a b\r\n", "-ERR a b\r\n"),
        Case("integer (DEBUG PROTOCOL)", .integer(12345), ":12345\r\n", ":12345\r\n"),
        Case("zero", .integer(0), ":0\r\n", ":0\r\n"),
        Case("negative integer", .integer(-42), ":-42\r\n", ":-42\r\n"),
        Case("smallest integer", .integer(.min), ":-9223372036854775808\r\n", ":-9223372036854775808\r\n"),
        Case("largest integer", .integer(.max), ":9223372036854775807\r\n", ":9223372036854775807\r\n"),
        Case("bulk (DEBUG PROTOCOL string)", .bulk("Hello World"), "$11\r\nHello World\r\n", "$11\r\nHello World\r\n"),
        Case("empty bulk", .bulk([]), "$0\r\n\r\n", "$0\r\n\r\n"),
        Case("binary bulk", .bulk([0, 13, 10]), "$3\r\n\0\r\n\r\n", "$3\r\n\0\r\n\r\n"),
        Case("null bulk", .nullBulk, "$-1\r\n", "_\r\n"),
        Case("null (DEBUG PROTOCOL)", .null, "$-1\r\n", "_\r\n"),
        Case("null array", .nullArray, "*-1\r\n", "_\r\n"),
        Case("empty array", .array([]), "*0\r\n", "*0\r\n"),
        Case("array (DEBUG PROTOCOL)", .array([.integer(0), .integer(1), .integer(2)]),
             "*3\r\n:0\r\n:1\r\n:2\r\n", "*3\r\n:0\r\n:1\r\n:2\r\n"),
        Case("nested array", .array([.bulk("a"), .array([.null, .nullArray]), .integer(1)]),
             "*3\r\n$1\r\na\r\n*2\r\n$-1\r\n*-1\r\n:1\r\n", "*3\r\n$1\r\na\r\n*2\r\n_\r\n_\r\n:1\r\n"),
        Case("map (DEBUG PROTOCOL)", .map([
            .init(key: .integer(0), value: .boolean(false)),
            .init(key: .integer(1), value: .boolean(true)),
            .init(key: .integer(2), value: .boolean(false)),
        ]), "*6\r\n:0\r\n:0\r\n:1\r\n:1\r\n:2\r\n:0\r\n", "%3\r\n:0\r\n#f\r\n:1\r\n#t\r\n:2\r\n#f\r\n"),
        Case("empty map", .map([]), "*0\r\n", "%0\r\n"),
        // ZRANGE z 0 -1 WITHSCORES on redis-server 7.0.15 after HELLO 2 and HELLO 3.
        Case("pairs (WITHSCORES)", .pairs([
            RESPValue.Entry(key: .bulk("a"), value: .double(1)), RESPValue.Entry(key: .bulk("b"), value: .double(2.5)),
        ]), "*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$3\r\n2.5\r\n", "*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2.5\r\n"),
        Case("empty pairs", .pairs([]), "*0\r\n", "*0\r\n"),
        Case("set (DEBUG PROTOCOL)", .set([.integer(0), .integer(1), .integer(2)]),
             "*3\r\n:0\r\n:1\r\n:2\r\n", "~3\r\n:0\r\n:1\r\n:2\r\n"),
        Case("double (DEBUG PROTOCOL)", .double(3.141), "$5\r\n3.141\r\n", ",3.141\r\n"),
        Case("double with %.17g digits", .double(3.14), "$18\r\n3.1400000000000001\r\n", ",3.1400000000000001\r\n"),
        Case("double zero", .double(0), "$1\r\n0\r\n", ",0\r\n"),
        Case("double large", .double(1e300), "$23\r\n1.0000000000000001e+300\r\n", ",1.0000000000000001e+300\r\n"),
        Case("infinity", .double(.infinity), "$3\r\ninf\r\n", ",inf\r\n"),
        Case("negative infinity", .double(-.infinity), "$4\r\n-inf\r\n", ",-inf\r\n"),
        Case("NaN", .double(.nan), "$3\r\nnan\r\n", ",nan\r\n"),
        Case("true (DEBUG PROTOCOL)", .boolean(true), ":1\r\n", "#t\r\n"),
        Case("false (DEBUG PROTOCOL)", .boolean(false), ":0\r\n", "#f\r\n"),
        Case("big number (DEBUG PROTOCOL bignum)", .bigNumber("1234567999999999999999999999999999999"),
             "$37\r\n1234567999999999999999999999999999999\r\n", "(1234567999999999999999999999999999999\r\n"),
        Case("verbatim (DEBUG PROTOCOL)", .verbatim(format: "txt", text: bytes("This is a verbatim\nstring")),
             "$25\r\nThis is a verbatim\nstring\r\n", "=29\r\ntxt:This is a verbatim\nstring\r\n"),
        Case("verbatim with a short format", .verbatim(format: "md", text: bytes("# x")), "$3\r\n# x\r\n", "=7\r\nmd :# x\r\n"),
        Case("verbatim with a long format", .verbatim(format: "markdown", text: []), "$0\r\n\r\n", "=4\r\nmar:\r\n"),
        Case("push", .push([.bulk("message"), .bulk("ch"), .bulk("hi")]),
             "*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n", ">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n"),
    ]

    @Test(arguments: cases)
    func test_value_isWrittenByteForByte_inBothProtocols(_ testCase: Case) {
        var resp2: [UInt8] = []
        RESPEncoder(protocolVersion: .resp2).append(testCase.value, to: &resp2)
        #expect(resp2 == testCase.resp2, "RESP2 wrote \(printable(resp2))")

        var resp3: [UInt8] = []
        RESPEncoder(protocolVersion: .resp3).append(testCase.value, to: &resp3)
        #expect(resp3 == testCase.resp3, "RESP3 wrote \(printable(resp3))")
    }

    @Test func test_helpers_appendToWhatIsAlreadyThere() {
        let encoder = RESPEncoder(protocolVersion: .resp3)
        var buffer = bytes("+OK\r\n")
        encoder.appendMapLength(1, to: &buffer)
        encoder.appendBulk("key", to: &buffer)
        encoder.appendArrayLength(2, to: &buffer)
        encoder.appendInteger(7, to: &buffer)
        encoder.appendDouble(0.5, to: &buffer)
        encoder.appendSetLength(0, to: &buffer)
        encoder.appendPushLength(1, to: &buffer)
        encoder.appendNull(to: &buffer)
        encoder.appendError("WRONGTYPE Operation against a key holding the wrong kind of value", to: &buffer)
        #expect(buffer == bytes(
            "+OK\r\n%1\r\n$3\r\nkey\r\n*2\r\n:7\r\n,0.5\r\n~0\r\n>1\r\n_\r\n"
                + "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n"))
    }

    @Test func test_mapLength_inRESP2_countsBothItemsOfEachPair() {
        var buffer: [UInt8] = []
        RESPEncoder(protocolVersion: .resp2).appendMapLength(3, to: &buffer)
        #expect(buffer == bytes("*6\r\n"))
    }

    @Test func test_encoderDefaultsToRESP2_likeANewRedisConnection() {
        #expect(RESPEncoder().protocolVersion == .resp2)
    }

    @Test func test_multibulkRequest_writtenAsAnArrayOfBulks_parsesBack() throws {
        let arguments = [bytes("SET"), bytes("k"), [0, 13, 10, 255]]
        var request: [UInt8] = []
        RESPEncoder().append(.array(arguments.map(RESPValue.bulk)), to: &request)
        var parser = RESPRequestParser(isAuthenticated: true)
        parser.append(contentsOf: request)
        #expect(try parser.next() == arguments)
    }
}
