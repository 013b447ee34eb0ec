// Access to the process's environment and standard error without Foundation's buffering.
import Foundation
import Glibc

enum ProcessEnvironment {
    static var variables: [String: String] { ProcessInfo.processInfo.environment }
}

enum StandardError {
    /// One write per line, so it never interleaves with log lines from other threads.
    static func writeLine(_ text: String) {
        let line = Array((text.hasSuffix("\n") ? text : text + "\n").utf8)
        line.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(2, raw.baseAddress?.advanced(by: offset), raw.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
