// Multibulk requests (`*<n>` then n bulk arguments), each fed whole, byte by byte and split in two.

import RESP
import Testing

@Suite struct MultibulkRequestTests {
    @Test func test_multibulkCommand_isReturnedWithItsArguments() {
        let outcome = ParserVerifier.verify(bytes("*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$5\r\nvalue\r\n"))
        #expect(outcome == ParseOutcome(commands: [command("SET", "key", "value")], ending: .needsMoreBytes(buffered: 0)))
    }

    @Test func test_bulkArguments_areBinarySafe() {
        let argument: [UInt8] = [0, 13, 10, 0xFF, 0x80, UInt8(ascii: "*"), UInt8(ascii: "$"), 13]
        let outcome = ParserVerifier.verify(multibulk([bytes("SET"), bytes("k"), argument]))
        #expect(outcome.commands == [[bytes("SET"), bytes("k"), argument]])
    }

    @Test func test_emptyBulkArgument_isAnEmptyArgument() {
        let outcome = ParserVerifier.verify(bytes("*2\r\n$4\r\nECHO\r\n$0\r\n\r\n"))
        #expect(outcome.commands == [command("ECHO", "")])
    }

    @Test(arguments: ["*0\r\n", "*-1\r\n", "*-5\r\n", "*-9223372036854775808\r\n"])
    func test_countOfZeroOrLess_isSkippedLikeRedis(header: String) {
        let outcome = ParserVerifier.verify(bytes(header + "*1\r\n$4\r\nPING\r\n"))
        #expect(outcome == ParseOutcome(commands: [command("PING")], ending: .needsMoreBytes(buffered: 0)))
    }

    @Test func test_incompleteCommand_waitsAndHoldsItsBytes() {
        // Two arguments read (3 + 1 bytes), then the header of the third and two of its bytes.
        let outcome = ParserVerifier.verify(bytes("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nva"))
        #expect(outcome == ParseOutcome(commands: [], ending: .needsMoreBytes(buffered: 3 + 1 + 2)))
    }

    @Test func test_headerWithoutTheByteAfterItsCR_waits() {
        let outcome = ParserVerifier.verify(bytes("*1\r"))
        #expect(outcome == ParseOutcome(commands: [], ending: .needsMoreBytes(buffered: 3)))
    }

    /// Redis (networking.c) skips the byte after a header's `\r` and the two bytes after a bulk's
    /// data without looking at them; checked against redis-server 7.0.15.
    @Test func test_bytesAfterCRAndAfterBulkData_areSkippedUnread_likeRedis() {
        let outcome = ParserVerifier.verify(bytes("*1\rX$4\r\nPINGxy*1\r\n$4\rZECHOab"))
        #expect(outcome.commands == [command("PING"), command("ECHO")])
    }

    @Test func test_largestMultibulkCount_isAccepted() {
        let outcome = ParserVerifier.verify(bytes("*2147483647\r\n$1\r\na\r\n"))
        #expect(outcome == ParseOutcome(commands: [], ending: .needsMoreBytes(buffered: 1)))
    }

    @Test func test_bigArgument_arrivingAlone_isReturnedWhole() throws {
        let big = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var parser = RESPRequestParser(isAuthenticated: true)
        parser.append(contentsOf: bytes("*2\r\n$3\r\nSET\r\n$100000\r\n"))
        #expect(try parser.next() == nil)
        for start in stride(from: 0, to: big.count, by: 4096) {
            parser.append(contentsOf: big[start..<min(start + 4096, big.count)])
            #expect(try parser.next() == nil)
        }
        #expect(parser.bufferedByteCount == 3 + big.count)
        parser.append(contentsOf: bytes("\r\n"))
        #expect(try parser.next() == [bytes("SET"), big])
        #expect(parser.bufferedByteCount == 0)
    }

    @Test func test_bigArgument_followedByMoreCommands_isCopiedOut() {
        let big = [UInt8](repeating: UInt8(ascii: "v"), count: 40_000)
        let input = multibulk([bytes("SET"), bytes("k"), big]) + multibulk([bytes("GET"), bytes("k")])
        let outcome = ParserVerifier.verify(input)
        #expect(outcome == ParseOutcome(commands: [[bytes("SET"), bytes("k"), big], command("GET", "k")],
                                        ending: .needsMoreBytes(buffered: 0)))
    }
}
