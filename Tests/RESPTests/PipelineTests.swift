// Many commands in one read (pipelining) come out complete and in order.

import RESP
import Testing

@Suite struct PipelineTests {
    @Test func test_pipelinedCommandsInOneChunk_comeOutInOrder() {
        let input = multibulk(command("SET", "a", "1")) + multibulk(command("GET", "a"))
            + bytes("PING\r\n") + multibulk(command("INCR", "a"))
        let outcome = ParserVerifier.verify(input)
        #expect(outcome == ParseOutcome(
            commands: [command("SET", "a", "1"), command("GET", "a"), command("PING"), command("INCR", "a")],
            ending: .needsMoreBytes(buffered: 0)))
    }

    @Test func test_longPipeline_inOneChunk_andInOddChunks_givesEveryCommand() throws {
        let commands = (0..<10_000).map { command("SET", "key:\($0)", String(repeating: "v", count: $0 % 50)) }
        let input = commands.flatMap { multibulk($0) }

        var whole = RESPRequestParser(isAuthenticated: true)
        whole.append(contentsOf: input)
        var parsed: [[[UInt8]]] = []
        while let next = try whole.next() { parsed.append(next) }
        #expect(parsed == commands)
        #expect(whole.bufferedByteCount == 0)

        var chunked = RESPRequestParser(isAuthenticated: true)
        parsed = []
        for start in stride(from: 0, to: input.count, by: 7) {
            chunked.append(contentsOf: input[start..<min(start + 7, input.count)])
            while let next = try chunked.next() { parsed.append(next) }
        }
        #expect(parsed == commands)
        #expect(chunked.bufferedByteCount == 0)
    }

    @Test func test_commandSplitAcrossChunks_isHeldUntilComplete() throws {
        var parser = RESPRequestParser(isAuthenticated: true)
        parser.append(contentsOf: bytes("PING\r\n*2\r\n$4\r\nECHO\r\n$5\r\nhel"))
        #expect(try parser.next() == command("PING"))
        #expect(try parser.next() == nil)
        // ECHO is read; "hel" waits for the rest of its argument.
        #expect(parser.bufferedByteCount == 4 + 3)
        parser.append(contentsOf: bytes("lo\r\nPI"))
        #expect(try parser.next() == command("ECHO", "hello"))
        #expect(try parser.next() == nil)
        #expect(parser.bufferedByteCount == 2)
    }

    @Test func test_parserGoesOnAfterItsBufferEmpties() throws {
        var parser = RESPRequestParser(isAuthenticated: true)
        for round in 0..<3 {
            parser.append(contentsOf: multibulk(command("ECHO", "\(round)")))
            #expect(try parser.next() == command("ECHO", "\(round)"))
            #expect(try parser.next() == nil)
            #expect(parser.bufferedByteCount == 0)
        }
    }
}
