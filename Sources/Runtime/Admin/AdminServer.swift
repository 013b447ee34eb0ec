// The admin socket: one JSON request per line in, one JSON reply per line out (DESIGN §9).
public import Logging

public enum AdminServer {
    /// Longest request line accepted; a longer one is answered with an error and the
    /// connection is closed, since the stream can no longer be split into requests reliably.
    public static let maximumLineBytes = 64 * 1024

    /// Listens on `path` (mode 0600). Requests on one connection are answered in order.
    public static func listen(at path: String, on loop: EventLoop, registry: AdminCommandRegistry, logger: Logger) async throws -> UnixListener {
        try await UnixListener.listen(at: path, on: loop) { connection in
            AdminConnection(loop: loop, registry: registry, logger: logger)
        }
    }

    /// Turns a request line into argv: `{"cmd":"pd route","args":["user:1"]}`.
    static func arguments(of line: String) -> Result<[String], AdminError> {
        guard let request = JSONValue.parse(line) else {
            return .failure(AdminError("malformed JSON request; send one object per line, e.g. {\"cmd\":\"help\"}"))
        }
        guard case .object = request else {
            return .failure(AdminError("a request must be a JSON object with a \"cmd\" string"))
        }
        guard let command = request["cmd"]?.stringValue else {
            return .failure(AdminError("the request has no \"cmd\" string"))
        }
        var argv = command.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if let args = request["args"] {
            guard case .array(let items) = args else {
                return .failure(AdminError("\"args\" must be an array of strings"))
            }
            for item in items {
                guard let text = item.stringValue else {
                    return .failure(AdminError("\"args\" must be an array of strings"))
                }
                argv.append(text)
            }
        }
        return .success(argv)
    }
}

/// One admin client. Lives on the listener's loop; requests run one at a time.
final class AdminConnection: StreamHandler, @unchecked Sendable {
    private enum Pending {
        case line(String)
        case tooLong
    }

    private let loop: EventLoop
    private let registry: AdminCommandRegistry
    private let logger: Logger
    private var buffer: [UInt8] = []
    private var pending: [Pending] = []
    private var busy = false
    /// After an overlong line: drop bytes up to its end, then carry on with the next request.
    private var discardingToNewline = false

    init(loop: EventLoop, registry: AdminCommandRegistry, logger: Logger) {
        self.loop = loop
        self.registry = registry
        self.logger = logger
    }

    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
        buffer.append(contentsOf: bytes)
        while true {
            if discardingToNewline {
                guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else {
                    buffer.removeAll(keepingCapacity: true)
                    break
                }
                buffer.removeSubrange(...newline)
                discardingToNewline = false
                continue
            }
            guard let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) else {
                if buffer.count > AdminServer.maximumLineBytes {
                    buffer.removeAll(keepingCapacity: true)
                    pending.append(.tooLong)
                    discardingToNewline = true
                }
                break
            }
            if newline > AdminServer.maximumLineBytes {
                buffer.removeSubrange(...newline)
                pending.append(.tooLong)
                continue
            }
            var line = Array(buffer[..<newline])
            buffer.removeSubrange(...newline)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            pending.append(.line(String(decoding: line, as: UTF8.self)))
        }
        processNext(on: connection)
    }

    func closed(_ connection: StreamConnection, error: RuntimeError?) {
        pending.removeAll()
    }

    private func processNext(on connection: StreamConnection) {
        guard !busy, connection.isOpen, !pending.isEmpty else { return }
        let next = pending.removeFirst()
        busy = true
        connection.pauseReading()
        let registry = self.registry
        let loop = self.loop
        Task(executorPreference: loop) {
            let response: JSONValue
            let afterReply: (@Sendable () async -> Void)?
            switch next {
            case .tooLong:
                response = AdminCommandRegistry.failure("request line longer than \(AdminServer.maximumLineBytes) bytes")
                afterReply = nil
            case .line(let line):
                switch AdminServer.arguments(of: line) {
                case .failure(let error):
                    response = AdminCommandRegistry.failure(error.message)
                    afterReply = nil
                case .success(let argv):
                    (response, afterReply) = await registry.dispatch(argv)
                }
            }
            let bytes = Array((response.encoded + "\n").utf8)
            loop.execute {
                connection.write(bytes)
                // The reply is with the kernel (or queued) before the command acts, e.g. crashes a child.
                if let afterReply { Task { await afterReply() } }
                self.busy = false
                connection.resumeReading()
                self.processNext(on: connection)
            }
        }
    }
}
