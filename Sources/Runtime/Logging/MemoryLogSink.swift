// A log sink that keeps lines in memory, for tests and for anything that inspects its own logs.

import Synchronization

public final class MemoryLogSink: LogSink {
    private let storage = Mutex<[String]>([])

    public init() {}

    public func write(line: String) {
        storage.withLock { $0.append(line) }
    }

    /// Lines written so far, without their trailing newline.
    public var lines: [String] {
        storage.withLock { lines in
            lines.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
        }
    }
}
