// The metrics HTTP responder: GET only, 400 for malformed heads, 8 KiB head limit.
import Foundation
import Glibc
import TestSupport
import Testing
@testable import Runtime

@Suite struct HTTPServerTests {
    private func withServer(_ body: @Sendable (Int) async throws -> Void) async throws {
        let group = try EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let listener = try await HTTPServer.listen(on: loopback(), loop: group.loops[0]) { request in
            request.path == "/metrics" ? HTTPResponse(status: 200, body: "up 1\n") : HTTPResponse(status: 404, body: "not found\n")
        }
        try await body(listener.boundAddress.port)
    }

    private func exchange(_ port: Int, _ text: String) async -> String {
        await BlockingTask { httpExchange(port: port, Array(text.utf8)) }.value
    }

    @Test func test_get_isAnswered() async throws {
        try await withServer { port in
            let reply = await exchange(port, "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(reply.contains("Content-Length: 5\r\n"))
            #expect(reply.hasSuffix("\r\n\r\nup 1\n"))
            #expect(await exchange(port, "GET /other?x=1 HTTP/1.0\r\n\r\n").hasPrefix("HTTP/1.1 404"))
        }
    }

    @Test(arguments: ["POST", "PUT", "DELETE", "HEAD"])
    func test_otherMethods_get405(method: String) async throws {
        try await withServer { port in
            let reply = await exchange(port, "\(method) /metrics HTTP/1.1\r\n\r\n")
            #expect(reply.hasPrefix("HTTP/1.1 405 Method Not Allowed\r\n"))
            #expect(reply.contains("Allow: GET\r\n"))
        }
    }

    @Test(arguments: ["garbage\r\n\r\n", "GET\r\n\r\n", "GET metrics HTTP/1.1\r\n\r\n", "GET / HTTP/9\r\n\r\n", "\r\n\r\n"])
    func test_malformedHeads_get400(request: String) async throws {
        try await withServer { port in
            #expect(await exchange(port, request).hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
        }
    }

    @Test func test_headOver8KiB_isRefused() async throws {
        try await withServer { port in
            let big = "GET /metrics HTTP/1.1\r\nX: " + String(repeating: "a", count: 9000) + "\r\n\r\n"
            #expect(await exchange(port, big).hasPrefix("HTTP/1.1 431"))
        }
    }
}
