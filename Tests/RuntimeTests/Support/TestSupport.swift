// Helpers shared by the runtime tests: waiting for conditions with generous deadlines, flags.
import Foundation
import Synchronization

import TestSupport
@testable import Runtime

/// A thread-safe counter/flag for callbacks that run on loop threads.
final class Counter: Sendable {
    private let value = Mutex(0)
    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

func loopback(_ port: Int = 0) throws -> SocketAddress {
    try SocketAddress(host: "127.0.0.1", port: port)
}

/// Number of open descriptors of this process.
func openDescriptorCount() -> Int {
    (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
}

func temporaryDirectory(_ name: String = #function) -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "cairn-test-\(safe)-\(UUID().uuidString.prefix(8))"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Echoes everything back; records the connection for inspection.
final class EchoHandler: StreamHandler {
    let connections: Recorder<StreamConnection>?
    init(connections: Recorder<StreamConnection>? = nil) { self.connections = connections }
    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
        connection.write(bytes)
    }
    func closed(_ connection: StreamConnection, error: RuntimeError?) {}
}

/// Collects what a client receives.
final class CollectingHandler: StreamHandler, @unchecked Sendable {
    private let data = Mutex<[UInt8]>([])
    private let ended = Mutex(false)
    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection) {
        data.withLock { $0.append(contentsOf: bytes) }
    }
    func closed(_ connection: StreamConnection, error: RuntimeError?) {
        ended.withLock { $0 = true }
    }
    var bytes: [UInt8] { data.withLock { $0 } }
    var count: Int { data.withLock { $0.count } }
    var isClosed: Bool { ended.withLock { $0 } }
}
