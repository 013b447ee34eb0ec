// Inline requests (a line of words, as typed into telnet), split as Redis's sdssplitargs splits.

import RESP
import Testing

/// Every expected result here was checked against redis-server 7.0.15 by sending
/// `RPUSH t <line>` and reading the list back.
@Suite struct InlineRequestTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let line: [UInt8]
        let arguments: [[UInt8]]?
        var testDescription: String { printable(line) }

        init(_ line: String, _ arguments: [String]?) {
            self.line = bytes(line)
            self.arguments = arguments.map { $0.map { bytes($0) } }
        }

        init(_ line: [UInt8], _ arguments: [[UInt8]]?) {
            self.line = line
            self.arguments = arguments
        }
    }

    static let cases: [Case] = [
        Case("SET key value", ["SET", "key", "value"]),
        Case("  a \t  b  ", ["a", "b"]),
        Case("SET k \"hello world\"", ["SET", "k", "hello world"]),
        Case("\"a\\x41\\n\\r\\t\\b\\a\\\\\\\"z\"", ["aA\n\r\t\u{8}\u{7}\\\"z"]),
        Case(bytes("\"\\xFf\\x00\""), [[0xFF, 0]]),
        Case("\"\\x4g\"", ["x4g"]),
        Case("\"\\q\"", ["q"]),
        Case("'it\\'s'", ["it's"]),
        Case("'a\\nb'", ["a\\nb"]),
        Case("a\"b c\"", ["ab c"]),
        Case("x'y z'", ["xy z"]),
        Case("\"\"", [""]),
        Case("''", [""]),
        Case("\"a\"\tb", ["a", "b"]),
        Case("\"a\"\u{b}b", ["a", "b"]),
        Case("a\u{b}b", ["a\u{b}b"]),
        Case("\u{b}a", ["a"]),
        Case("a\rb", ["a", "b"]),
        Case(bytes("caf\u{e9} \u{1F600}"), [bytes("caf\u{e9}"), bytes("\u{1F600}")]),
        // Unbalanced: unterminated, or a closing quote followed by something other than a blank.
        Case("\"abc", nil),
        Case("'abc", nil),
        Case("\"foo\"bar", nil),
        Case("'foo'bar", nil),
        Case("a\"b\"c", nil),
        Case("\"abc\\", nil),
        Case("\"a\\\"", nil),
        Case("'a\\'", nil),
        Case("'\\\\'", nil),
    ]

    @Test(arguments: cases)
    func test_inlineLine_isSplitLikeSdssplitargs(_ testCase: Case) {
        for ending in ["\r\n", "\n"] {
            let outcome = ParserVerifier.verify(testCase.line + bytes(ending))
            if let arguments = testCase.arguments {
                #expect(outcome == ParseOutcome(commands: [arguments], ending: .needsMoreBytes(buffered: 0)))
            } else {
                #expect(outcome == ParseOutcome(commands: [], ending: .failed(.unbalancedQuotes)))
            }
        }
    }

    @Test(arguments: ["\r\n", "\n", "   \r\n", "\t\n", "\r\r\n"])
    func test_emptyLine_isSkipped(line: String) {
        let outcome = ParserVerifier.verify(bytes(line + "PING\r\n"))
        #expect(outcome == ParseOutcome(commands: [command("PING")], ending: .needsMoreBytes(buffered: 0)))
    }

    @Test func test_lineWithoutNewline_waits() {
        let outcome = ParserVerifier.verify(bytes("PING\r"))
        #expect(outcome == ParseOutcome(commands: [], ending: .needsMoreBytes(buffered: 5)))
    }

    @Test func test_onlyTheCRJustBeforeTheNewline_isPartOfTheEnding() {
        // The `\r` in the middle separates arguments; the one before `\n` ends the line.
        let outcome = ParserVerifier.verify(bytes("ECHO\r\"a\r\"\r\n"))
        #expect(outcome.commands == [command("ECHO", "a\r")])
    }

    @Test func test_inlineAndMultibulk_mixInOnePipeline() {
        let outcome = ParserVerifier.verify(bytes("PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\nECHO \"x y\"\n"))
        #expect(outcome.commands == [command("PING"), command("ECHO", "hi"), command("ECHO", "x y")])
    }

    @Test func test_lineStartingWithASpaceThenStar_isInline() {
        let outcome = ParserVerifier.verify(bytes(" *1\r\n"))
        #expect(outcome.commands == [command("*1")])
    }
}
