// Replacing a small file so that a crash leaves either the old contents or the new, never a mix.
import Foundation
import Glibc

/// Writes a temporary file next to the target, fsyncs it, renames it over the target and
/// fsyncs the directory, so the rename itself is durable.
enum AtomicFile {
    static func write(_ bytes: [UInt8], to path: String) throws(RuntimeError) {
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw RuntimeError(operation: "create", target: temporary, code: -errno) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let code = errno
                Glibc.close(fd)
                throw RuntimeError(operation: "write", target: temporary, code: -code)
            }
            written += count
        }
        guard fsync(fd) == 0 else {
            let code = errno
            Glibc.close(fd)
            throw RuntimeError(operation: "fsync", target: temporary, code: -code)
        }
        Glibc.close(fd)
        guard rename(temporary, path) == 0 else { throw RuntimeError(operation: "rename", target: temporary, code: -errno) }
        let directory = (path as NSString).deletingLastPathComponent
        let directoryFD = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directoryFD >= 0 else { throw RuntimeError(operation: "open", target: directory, code: -errno) }
        defer { Glibc.close(directoryFD) }
        guard fsync(directoryFD) == 0 else { throw RuntimeError(operation: "fsync", target: directory, code: -errno) }
    }
}
