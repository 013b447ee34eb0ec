// The data directory: created if missing and locked before anything else touches it (DESIGN §6).
import Foundation
import Glibc

/// Holds an exclusive `flock` on `<data-dir>/LOCK` for as long as it lives, so a second node
/// on the same directory fails at once instead of corrupting the first one's files.
public final class DataDirectoryLock: @unchecked Sendable {
    public let directory: String
    private var descriptor: Int32

    private init(directory: String, descriptor: Int32) {
        self.directory = directory
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    public var lockPath: String { (directory as NSString).appendingPathComponent("LOCK") }

    /// Creates `directory` if needed and takes its lock, recording who holds it.
    public static func acquire(directory: String, nodeID: String) throws(RuntimeError) -> DataDirectoryLock {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw RuntimeError(operation: "create data directory", target: directory, detail: describe(error))
        }
        let path = (directory as NSString).appendingPathComponent("LOCK")
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RuntimeError(operation: "open", target: path, code: -errno)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = readHolder(fd)
            Glibc.close(fd)
            if code == EWOULDBLOCK {
                let who = holder.isEmpty ? "another process" : holder
                throw RuntimeError(operation: "lock data directory", target: directory, detail: "it is in use by \(who)")
            }
            throw RuntimeError(operation: "lock", target: path, code: -code)
        }
        let record = Array("node \(nodeID) (pid \(getpid()))\n".utf8)
        _ = ftruncate(fd, 0)
        let written = record.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        guard written == record.count else {
            let code = errno
            Glibc.close(fd)
            throw RuntimeError(operation: "write", target: path, code: -code)
        }
        return DataDirectoryLock(directory: directory, descriptor: fd)
    }

    /// Releases the lock (idempotent). The LOCK file stays: removing it would race a newcomer.
    public func release() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    private static func readHolder(_ fd: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return "" }
        return String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func describe(_ error: any Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.isEmpty ? "\(error)" : text
    }
}
