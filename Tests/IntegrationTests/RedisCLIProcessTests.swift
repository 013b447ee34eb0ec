// redis-cli (Debian's, 7.0) against a node: plain commands, RESP3 with -3, and --pipe with 100k SETs.
import Foundation
import TestSupport
import Testing

@Suite struct RedisCLIProcessTests {
    /// `redis-cli -p PORT --no-raw words…` (the formatted output a terminal shows: types visible).
    private func cli(_ node: ClientTestNode, _ words: [String], options: [String] = ["--no-raw"], stdinFile: String? = nil) async throws -> ToolResult {
        try await runTool(["redis-cli", "-h", "127.0.0.1", "-p", String(node.port)] + options + words, stdinFile: stdinFile, timeout: .seconds(60))
    }

    @Test func test_plainCommands_showRedisOutput() async throws {
        let node = try await ClientTestNode.start()
        defer { node.process.signal(SIGKILL) }
        let expectations: [([String], String)] = [
            (["PING"], "PONG"),
            (["SET", "cli:a", "hello world"], "OK"),
            (["GET", "cli:a"], "\"hello world\""),
            (["GET", "cli:missing"], "(nil)"),
            (["SET", "cli:b", "2"], "OK"),
            (["MGET", "cli:a", "cli:missing", "cli:b"], "1) \"hello world\"\n2) (nil)\n3) \"2\""),
            (["EXISTS", "cli:a", "cli:b", "cli:missing", "cli:a"], "(integer) 3"),
            (["DEL", "cli:b", "cli:missing"], "(integer) 1"),
            (["DBSIZE"], "(integer) 1"),
            (["ECHO", "caf\u{e9}"], "\"caf\\xc3\\xa9\""),
            (["GET"], "(error) ERR wrong number of arguments for 'get' command"),
            (["NOSUCH", "x"], "(error) ERR unknown command 'NOSUCH', with args beginning with: 'x' "),
        ]
        for (words, expected) in expectations {
            let result = try await cli(node, words)
            #expect(result.status == 0, "\(words): \(result.output)")
            #expect(result.stdout == expected + "\n", "\(words): \(result.output)")
        }
        // Raw mode (what scripts read), and a value with CR, LF and NUL sent through -x (stdin).
        let raw = try await cli(node, ["GET", "cli:a"], options: ["--raw"])
        #expect(raw.stdout == "hello world\n")
        let valueFile = scratchDirectory() + "/value"
        let value: [UInt8] = Array("line one\r\nline two\0end".utf8)
        _ = FileManager.default.createFile(atPath: valueFile, contents: Data(value))
        let set = try await cli(node, ["SET", "cli:binary"], options: ["-x"], stdinFile: valueFile)
        #expect(set.stdout.hasPrefix("OK"), "\(set.output)")
        #expect(await node.command(["GET", "cli:binary"]) == "$\(value.count)\r\n" + String(decoding: value, as: UTF8.self) + "\r\n")
        #expect(await node.stop() == 0)
    }

    @Test func test_resp3_withDashThree_showsRESP3Types() async throws {
        let node = try await ClientTestNode.start()
        defer { node.process.signal(SIGKILL) }
        // -3 makes redis-cli open with HELLO 3; HELLO's reply is then a map, shown with `#` and `=>`.
        let hello3 = try await cli(node, ["HELLO"], options: ["-3", "--no-raw"])
        #expect(hello3.status == 0, "\(hello3.output)")
        #expect(hello3.stdout.hasPrefix("1# \"server\" => \"redis\"\n2# \"version\" => \"7.0.0\"\n3# \"proto\" => (integer) 3\n"), "\(hello3.output)")
        #expect(hello3.stdout.contains("7# \"modules\" => (empty array)"))
        // Without -3 the same command is a flat RESP2 array of 14 (so indexes are padded) saying proto 2.
        let hello2 = try await cli(node, ["HELLO"])
        #expect(hello2.stdout.hasPrefix(" 1) \"server\"\n 2) \"redis\"\n 3) \"version\"\n 4) \"7.0.0\"\n 5) \"proto\"\n 6) (integer) 2\n"),
                "\(hello2.output)")
        #expect(hello2.stdout.contains("14) (empty array)"))

        let set = try await cli(node, ["SET", "cli3:k", "v"], options: ["-3", "--no-raw"])
        #expect(set.stdout == "OK\n")
        let expectations: [([String], String)] = [
            (["GET", "cli3:k"], "\"v\""),
            (["GET", "cli3:missing"], "(nil)"),
            (["MGET", "cli3:k", "cli3:missing"], "1) \"v\"\n2) (nil)"),
            (["EXISTS", "cli3:k"], "(integer) 1"),
            (["GET"], "(error) ERR wrong number of arguments for 'get' command"),
        ]
        for (words, expected) in expectations {
            let result = try await cli(node, words, options: ["-3", "--no-raw"])
            #expect(result.stdout == expected + "\n", "\(words): \(result.output)")
        }
        // What redis-cli shows as (nil) is RESP3's `_` on the wire, not RESP2's `$-1`.
        let port = node.port
        let wire = await BlockingTask { () -> [UInt8]? in
            guard let client = RESPTestClient(port: port), client.command(["HELLO", "3"])?.first == UInt8(ascii: "%") else { return nil }
            return client.command(["GET", "cli3:missing"])
        }.value
        #expect(wire == Array("_\r\n".utf8))
        #expect(await node.stop() == 0)
    }

    @Test func test_pipe_oneHundredThousandSets_noErrors_allKeysStored() async throws {
        let node = try await ClientTestNode.start()
        defer { node.process.signal(SIGKILL) }
        let count = 100_000
        let directory = scratchDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let commandsFile = directory + "/commands.resp"
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 48)
        for index in 0..<count {
            let key = "pipe:\(index)", value = "value-\(index)"
            bytes += Array("*3\r\n$3\r\nSET\r\n$\(key.utf8.count)\r\n\(key)\r\n$\(value.utf8.count)\r\n\(value)\r\n".utf8)
        }
        _ = FileManager.default.createFile(atPath: commandsFile, contents: Data(bytes))

        let pipe = try await runTool(["redis-cli", "-h", "127.0.0.1", "-p", String(node.port), "--pipe"],
                                     stdinFile: commandsFile, timeout: .seconds(300))
        #expect(pipe.status == 0, "\(pipe.output)")
        #expect(pipe.stdout.contains("errors: 0, replies: \(count)"), "\(pipe.output)")
        #expect(await node.command(["DBSIZE"]) == ":\(count)\r\n")
        for index in [0, 1, 54_321, count - 1] {
            #expect(await node.command(["GET", "pipe:\(index)"]) == "$\("value-\(index)".utf8.count)\r\nvalue-\(index)\r\n")
        }
        #expect(await node.stop() == 0)
    }
}
