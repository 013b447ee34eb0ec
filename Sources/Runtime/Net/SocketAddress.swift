// An IPv4 or IPv6 socket address, parsed without DNS and printed back as host:port.
import CLibUV
import Glibc

public struct SocketAddress: Sendable, CustomStringConvertible, Equatable {
    public let host: String
    public let port: Int
    let storage: sockaddr_storage

    /// Parses a numeric IPv4/IPv6 host (`localhost` means 127.0.0.1) and a port 0...65535.
    public init(host: String, port: Int) throws(RuntimeError) {
        let target = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        guard (0...65535).contains(port) else {
            throw RuntimeError(operation: "use address", target: target, detail: "port must be 0...65535")
        }
        let numericHost = host == "localhost" ? "127.0.0.1" : host
        var storage = sockaddr_storage()
        let status: Int32 = withUnsafeMutablePointer(to: &storage) { pointer in
            if numericHost.contains(":") {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    uv_ip6_addr(numericHost, Int32(port), $0)
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                uv_ip4_addr(numericHost, Int32(port), $0)
            }
        }
        guard status == 0 else {
            throw RuntimeError(operation: "use address", target: target, detail: "host must be a numeric IPv4 or IPv6 address or localhost")
        }
        self.host = numericHost
        self.port = port
        self.storage = storage
    }

    /// Reads a kernel-filled address (from getsockname or a datagram's sender).
    init?(raw: UnsafePointer<sockaddr>) {
        var storage = sockaddr_storage()
        var name = [CChar](repeating: 0, count: 64)
        let family = Int32(raw.pointee.sa_family)
        let port: Int
        switch family {
        case AF_INET:
            let v4 = UnsafeRawPointer(raw).assumingMemoryBound(to: sockaddr_in.self)
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: UnsafeRawBufferPointer(start: v4, count: MemoryLayout<sockaddr_in>.size)) }
            uv_ip4_name(v4, &name, name.count)
            port = Int(UInt16(bigEndian: v4.pointee.sin_port))
        case AF_INET6:
            let v6 = UnsafeRawPointer(raw).assumingMemoryBound(to: sockaddr_in6.self)
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: UnsafeRawBufferPointer(start: v6, count: MemoryLayout<sockaddr_in6>.size)) }
            uv_ip6_name(v6, &name, name.count)
            port = Int(UInt16(bigEndian: v6.pointee.sin6_port))
        default:
            return nil
        }
        self.host = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        self.port = port
        self.storage = storage
    }

    /// Reads an address the kernel fills in, e.g. through `uv_tcp_getsockname`.
    static func filled(by fill: (UnsafeMutablePointer<sockaddr>, UnsafeMutablePointer<Int32>) -> Int32) -> SocketAddress? {
        var storage = sockaddr_storage()
        var length = Int32(MemoryLayout<sockaddr_storage>.size)
        return withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                fill(raw, &length) == 0 ? SocketAddress(raw: raw) : nil
            }
        }
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.host == rhs.host && lhs.port == rhs.port
    }

    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>) -> T) -> T {
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1, body)
        }
    }
}
