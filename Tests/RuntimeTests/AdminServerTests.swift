// The admin socket: JSON lines in and out, errors that keep the connection usable, order.
import Foundation
import Logging
import Synchronization
import TestSupport
import Testing
@testable import Runtime

@Suite struct AdminServerTests {
    private func withServer(_ body: (String, AdminCommandRegistry, Counter) async throws -> Void) async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let dir = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let registry = AdminCommandRegistry()
        let acted = Counter()
        registry.register("echo", arguments: "<words…>", summary: "repeat the arguments") { args in
            AdminReply(.array(args.map(JSONValue.string)))
        }
        registry.register("pd route", arguments: "<key>", summary: "route a key") { args in
            guard args.count == 1 else { throw AdminError("usage: pd route <key>") }
            return AdminReply(.object([("key", .string(args[0]))]))
        }
        registry.register("act", summary: "act after replying") { _ in
            AdminReply(.string("will act"), afterReply: { acted.increment() })
        }
        let listener = try await AdminServer.listen(at: dir + "/admin.sock", on: group.loops[0], registry: registry,
                                                     logger: Logger(label: "test"))
        try await body(listener.path, registry, acted)
    }

    @Test func test_help_listsEveryCommand() async throws {
        try await withServer { path, _, _ in
            let reply = try await ThrowingBlockingTask { try AdminClient(path: path).request(["help"]) }.value
            #expect(reply["ok"] == .bool(true))
            guard case .array(let commands)? = reply["result"] else { Issue.record("no list"); return }
            let names = commands.compactMap { $0["command"]?.stringValue }
            #expect(names.contains("echo <words…>"))
            #expect(names.contains("pd route <key>"))
            #expect(names.contains("help"))
        }
    }

    @Test func test_longestCommandNameWins_andTheRestAreArguments() async throws {
        try await withServer { path, _, _ in
            let reply = try await ThrowingBlockingTask { try AdminClient(path: path).requestLine(#"{"cmd":"pd route","args":["user:1"]}"#) }.value
            #expect(reply.encoded == #"{"ok":true,"result":{"key":"user:1"}}"#)
            let split = try await ThrowingBlockingTask { try AdminClient(path: path).request(["pd", "route", "a b"]) }.value
            #expect(split["result"]?["key"] == .string("a b"))
        }
    }

    @Test func test_badRequests_getOkFalse_andTheConnectionStaysUsable() async throws {
        try await withServer { path, _, _ in
            let replies = try await ThrowingBlockingTask {
                let client = try AdminClient(path: path)
                return try [
                    client.requestLine("{not json"),
                    client.requestLine("[1,2]"),
                    client.requestLine(#"{"args":[]}"#),
                    client.requestLine(#"{"cmd":"nope"}"#),
                    client.requestLine(#"{"cmd":"echo","args":[1]}"#),
                    client.requestLine(#"{"cmd":"pd route"}"#),
                    client.requestLine(#"{"cmd":"echo","args":["still","here"]}"#),
                ]
            }.value
            for reply in replies.dropLast() {
                #expect(reply["ok"] == .bool(false))
                #expect(reply["error"]?.stringValue?.isEmpty == false)
            }
            #expect(replies[3]["error"]?.stringValue?.contains("unknown command 'nope'") == true)
            #expect(replies[5]["error"] == .string("usage: pd route <key>"))
            #expect(replies.last?.encoded == #"{"ok":true,"result":["still","here"]}"#)
        }
    }

    @Test func test_pipelinedRequests_areAnsweredInOrder() async throws {
        try await withServer { path, _, _ in
            let replies = try await ThrowingBlockingTask {
                let client = try AdminClient(path: path)
                var lines: [String] = []
                for index in 0..<20 { lines.append(#"{"cmd":"echo","args":["\#(index)"]}"#) }
                // All requests in one write: the server must answer them one by one, in order.
                let first = try client.requestLine(lines.joined(separator: "\n"))
                var rest: [JSONValue] = [first]
                for _ in 1..<20 { rest.append(try client.requestLine(#"{"cmd":"echo","args":["tail"]}"#)) }
                return rest
            }.value
            // Each later call reads the next queued reply, so replies[i] answers request i.
            for (index, reply) in replies.enumerated() {
                #expect(reply["result"] == .array([.string("\(index)")]))
            }
        }
    }

    @Test func test_afterReply_runsAfterTheReplyWasSent() async throws {
        try await withServer { path, _, acted in
            let reply = try await ThrowingBlockingTask { try AdminClient(path: path).request(["act"]) }.value
            #expect(reply["result"] == .string("will act"))
            #expect(await eventually { acted.count == 1 })
        }
    }

    @Test func test_overlongLine_isRefused_andTheNextRequestStillWorks() async throws {
        try await withServer { path, _, _ in
            let replies = try await ThrowingBlockingTask {
                let client = try AdminClient(path: path)
                return try [
                    client.requestLine(String(repeating: "x", count: AdminServer.maximumLineBytes * 3)),
                    client.request(["echo", "after"]),
                ]
            }.value
            #expect(replies[0]["ok"] == .bool(false))
            #expect(replies[0]["error"]?.stringValue?.contains("longer than") == true)
            #expect(replies[1]["result"] == .array([.string("after")]))
        }
    }

    @Test func test_missingSocket_isAClearError() {
        #expect(throws: RuntimeError.self) { try AdminClient(path: "/nonexistent/admin.sock") }
    }
}

@Suite struct JSONValueTests {
    @Test(arguments: [
        (#"{"a":[1,-2.5,true,false,null,"x\"y\u00e9\ud83d\ude00"]}"#, #"{"a":[1,-2.5,true,false,null,"x\"yé😀"]}"#),
        ("  [ ]  ", "[]"),
        (#""\n\t""#, #""\n\t""#),
    ])
    func test_validJSON_roundTrips(input: String, encoded: String) {
        #expect(JSONValue.parse(input)?.encoded == encoded)
    }

    @Test(arguments: ["", "{", "[1,]", "{\"a\"}", "tru", "\"\u{01}\"", "01x", "1e999", "\"\\ud800\"", "[1] 2",
                      String(repeating: "[", count: 100) + String(repeating: "]", count: 100)])
    func test_invalidJSON_isRejectedWithoutTrapping(input: String) {
        #expect(JSONValue.parse(input) == nil)
    }

    @Test func test_controlCharacters_areEscapedWhenEncoding() {
        #expect(JSONValue.string("a\u{01}b").encoded == #""a\u0001b""#)
    }
}
