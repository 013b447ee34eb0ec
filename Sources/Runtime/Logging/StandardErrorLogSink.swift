// The production log sink: standard error, one write(2) per line.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A single `write(2)` per line is what keeps lines from different threads whole: the kernel
/// does not interleave one write with another on the same file (and a pipe guarantees it up to
/// PIPE_BUF bytes). Only a short write, which is rare, continues with a second call.
public struct StandardErrorLogSink: LogSink {
    private let fileDescriptor: Int32

    public init() {
        self.init(fileDescriptor: STDERR_FILENO)
    }

    /// Any descriptor; tests use a pipe. The sink never closes it.
    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    public func write(line: String) {
        var bytes = Array(line.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = writeBytes(fileDescriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    // Nowhere is left to report a failing log stream; drop the line rather than spin.
                    return
                }
                offset += written
            }
        }
    }
}

/// At file scope so that `write` means write(2), not `LogSink.write(line:)`.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
