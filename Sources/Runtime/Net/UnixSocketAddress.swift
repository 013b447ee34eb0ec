// Building a sockaddr_un for a filesystem path (admin client, tests that fake stale sockets).
public import Glibc

public enum UnixSocketAddress {
    /// Calls `body` with the address of `path` and its length; paths longer than
    /// `UnixListener.maximumPathLength` are cut, so callers check the length first.
    public static func with<T>(path: String, _ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
    }
}
