// A blocking RESP client for tests: send raw commands, read whole replies as raw bytes.
import Glibc

/// A blocking TCP connection to 127.0.0.1:`port` whose reads time out, or nil if nothing listens.
public func connectToLoopback(port: Int, receiveTimeoutSeconds: Int) -> Int32? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(clamping: port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
        close(fd)
        return nil
    }
    var timeout = timeval(tv_sec: receiveTimeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    return fd
}

public final class RESPTestClient {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`; nil if nothing listens there.
    public init?(port: Int, timeoutSeconds: Int = 30) {
        guard let fd = connectToLoopback(port: port, receiveTimeoutSeconds: timeoutSeconds) else { return nil }
        descriptor = fd
    }

    deinit {
        close(descriptor)
    }

    /// Encodes `arguments` as a RESP multibulk request.
    public static func encode(_ arguments: [String]) -> [UInt8] {
        var out = Array("*\(arguments.count)\r\n".utf8)
        for argument in arguments {
            let bytes = Array(argument.utf8)
            out += Array("$\(bytes.count)\r\n".utf8) + bytes + [13, 10]
        }
        return out
    }

    public func send(raw bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress?.advanced(by: offset), $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Reads one complete reply; nil on timeout or when the server closed first.
    public func readReply() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let length = RESPReplyFraming.replyLength(buffer[...]) {
                let reply = Array(buffer[..<length])
                buffer.removeFirst(length)
                return reply
            }
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffer += chunk[..<count]
        }
    }

    /// Sends one command and returns its reply.
    public func command(_ arguments: [String]) -> [UInt8]? {
        send(raw: Self.encode(arguments))
        return readReply()
    }

    /// True once the server has closed the connection (reads return end of file).
    public func isClosedByServer() -> Bool {
        var byte: UInt8 = 0
        return recv(descriptor, &byte, 1, 0) == 0
    }
}
