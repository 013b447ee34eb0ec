// A blocking client for the admin socket, used by `cairn admin` and by tests.
import Glibc

/// One connection to a node's admin socket; requests are answered in order, one line each.
public final class AdminClient {
    private let descriptor: Int32
    private var buffered: [UInt8] = []
    public let path: String

    /// Connects to `path`, waiting at most `timeoutSeconds` for each reply.
    public init(path: String, timeoutSeconds: Int = 30) throws(RuntimeError) {
        self.path = path
        guard path.utf8.count <= UnixListener.maximumPathLength else {
            throw RuntimeError(operation: "connect to", target: path, detail: "a Unix socket path may be at most \(UnixListener.maximumPathLength) bytes")
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw RuntimeError(operation: "create socket for", target: path, code: -errno) }
        let connected = UnixSocketAddress.with(path: path) { connect(fd, $0, $1) }
        guard connected == 0 else {
            let code = errno
            close(fd)
            throw RuntimeError(operation: "connect to", target: path, code: -code)
        }
        var timeout = timeval(tv_sec: max(1, timeoutSeconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    /// Sends `argv` as `{"cmd":first,"args":rest}` and returns the reply object.
    public func request(_ argv: [String]) throws(RuntimeError) -> JSONValue {
        let request = JSONValue.object([
            ("cmd", .string(argv.first ?? "")),
            ("args", .array(argv.dropFirst().map(JSONValue.string))),
        ])
        return try requestLine(request.encoded)
    }

    /// Sends one raw line (a newline is added) and returns the parsed reply.
    public func requestLine(_ line: String) throws(RuntimeError) -> JSONValue {
        try send(Array((line + "\n").utf8))
        let reply = try readLine()
        guard let value = JSONValue.parse(reply) else {
            throw RuntimeError(operation: "read reply from", target: path, detail: "the node answered with malformed JSON")
        }
        return value
    }

    private func send(_ bytes: [UInt8]) throws(RuntimeError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress?.advanced(by: offset), $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 {
                if errno == EINTR { continue }
                throw RuntimeError(operation: "write to", target: path, code: -errno)
            }
            offset += written
        }
    }

    private func readLine() throws(RuntimeError) -> String {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffered[..<newline])
                buffered.removeSubrange(...newline)
                return String(decoding: line, as: UTF8.self)
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 {
                throw RuntimeError(operation: "read reply from", target: path, detail: "the node closed the connection")
            }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    throw RuntimeError(operation: "read reply from", target: path, detail: "no reply in time")
                }
                throw RuntimeError(operation: "read reply from", target: path, code: -errno)
            }
            buffered.append(contentsOf: chunk[..<count])
        }
    }
}
