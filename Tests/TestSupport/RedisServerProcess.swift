// A real redis-server 7.0 on loopback for differential tests; always stopped by the test.
import Foundation
import Glibc

public final class RedisServerProcess: @unchecked Sendable {
    public let port: Int
    private let process: Process
    private let directory: String

    /// Starts `redis-server` in memory (no persistence) on a free loopback port.
    /// Returns nil when redis-server is not installed (the differential suites then fail loudly).
    public init?(extraArguments: [String] = []) {
        guard let executable = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) else { return nil }
        directory = NSTemporaryDirectory() + "cairn-redis-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for _ in 0..<10 {
            guard let candidate = freeLoopbackPort() else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["--port", "\(candidate)", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                 "--dir", directory, "--daemonize", "no", "--protected-mode", "yes"] + extraArguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { continue }
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, process.isRunning {
                // Any reply means it is serving (with requirepass, PING answers NOAUTH).
                if let client = RESPTestClient(port: candidate), client.command(["PING"]) != nil {
                    self.port = candidate
                    self.process = process
                    return
                }
                usleep(20_000)
            }
            Self.kill(process)
        }
        return nil
    }

    /// Asks for a clean shutdown, then SIGKILL. Never `terminate()`/`waitUntilExit()`: a child
    /// spawned from a Dispatch worker inherits its blocked SIGTERM, and waitUntilExit then spins.
    public func stop() {
        if process.isRunning {
            let reply = RESPTestClient(port: port, timeoutSeconds: 2)?.command(["SHUTDOWN", "NOSAVE"])
            // Refused (requirepass): no clean shutdown is coming.
            if reply?.first == UInt8(ascii: "-") { Glibc.kill(process.processIdentifier, SIGKILL) }
            Self.kill(process)
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    private static func kill(_ process: Process) {
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
        let hardDeadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < hardDeadline { usleep(20_000) }
    }

    deinit {
        stop()
    }
}

/// A port nothing listens on right now (bind to 0, read it, release it).
public func freeLoopbackPort() -> Int? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { return nil }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let named = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    guard named == 0 else { return nil }
    return Int(UInt16(bigEndian: address.sin_port))
}
