// A small HTTP/1.1 responder on the runtime for /metrics, /healthz and /readyz: GET only.

public struct HTTPRequest: Sendable {
    public let method: String
    public let path: String
}

public struct HTTPResponse: Sendable {
    public var status: Int
    public var contentType: String
    public var body: [UInt8]
    public var extraHeaders: [(String, String)]

    public init(status: Int, contentType: String = "text/plain; charset=utf-8", body: String, extraHeaders: [(String, String)] = []) {
        self.status = status
        self.contentType = contentType
        self.body = Array(body.utf8)
        self.extraHeaders = extraHeaders
    }

    var encoded: [UInt8] {
        var head = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
        head += "Content-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        for (name, value) in extraHeaders { head += "\(name): \(value)\r\n" }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + body
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 431: "Request Header Fields Too Large"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

public enum HTTPServer {
    public static let maximumHeadBytes = 8 * 1024

    /// Serves `respond` on `address`; each connection answers one request and closes.
    public static func listen(
        on address: SocketAddress,
        loop: EventLoop,
        respond: @escaping @Sendable (HTTPRequest) async -> HTTPResponse
    ) async throws -> TCPListener {
        try await TCPListener.listen(on: address, acceptor: loop, distributingTo: [loop]) { _ in
            HTTPConnection(loop: loop, respond: respond)
        }
    }

    /// Parses a request head; nil when malformed.
    static func parseHead(_ head: [UInt8]) -> HTTPRequest? {
        let lineEnd = head.firstIndex(of: UInt8(ascii: "\r")) ?? head.endIndex
        let parts = head[..<lineEnd].split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        let method = String(decoding: parts[0], as: UTF8.self)
        let target = String(decoding: parts[1], as: UTF8.self)
        let version = String(decoding: parts[2], as: UTF8.self)
        guard !method.isEmpty, method.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }),
              target.hasPrefix("/"), version == "HTTP/1.1" || version == "HTTP/1.0"
        else { return nil }
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        return HTTPRequest(method: method, path: path)
    }
}

final class HTTPConnection: StreamHandler, @unchecked Sendable {
    private let loop: EventLoop
    private let respond: @Sendable (HTTPRequest) async -> HTTPResponse
    private var head: [UInt8] = []
    private var answered = false

    init(loop: EventLoop, respond: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        self.loop = loop
        self.respond = respond
    }

    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
        guard !answered else { return }
        head.append(contentsOf: bytes)
        let terminator: [UInt8] = [13, 10, 13, 10]
        guard let end = firstRange(of: terminator, in: head) else {
            if head.count > HTTPServer.maximumHeadBytes {
                send(HTTPResponse(status: 431, body: "request head larger than \(HTTPServer.maximumHeadBytes) bytes\n"), on: connection)
            }
            return
        }
        guard end <= HTTPServer.maximumHeadBytes else {
            send(HTTPResponse(status: 431, body: "request head larger than \(HTTPServer.maximumHeadBytes) bytes\n"), on: connection)
            return
        }
        guard let request = HTTPServer.parseHead(Array(head[..<end])) else {
            send(HTTPResponse(status: 400, body: "malformed request\n"), on: connection)
            return
        }
        guard request.method == "GET" else {
            send(HTTPResponse(status: 405, body: "only GET is supported\n", extraHeaders: [("Allow", "GET")]), on: connection)
            return
        }
        answered = true
        connection.pauseReading()
        let respond = self.respond
        let loop = self.loop
        // On the loop, not the global pool: a busy pool (or clients blocking on it) must not
        // hold up a health check.
        Task(executorPreference: loop) {
            let response = await respond(request)
            loop.execute { self.sendNow(response, on: connection) }
        }
    }

    func closed(_ connection: StreamConnection, error: RuntimeError?) {}

    private func send(_ response: HTTPResponse, on connection: StreamConnection) {
        answered = true
        sendNow(response, on: connection)
    }

    private func sendNow(_ response: HTTPResponse, on connection: StreamConnection) {
        connection.write(response.encoded)
        connection.closeAfterWrites()
    }

    private func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<start + needle.count]) == needle { return start }
        }
        return nil
    }
}
