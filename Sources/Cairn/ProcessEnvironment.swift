// Access to the process's environment and standard error without Foundation's buffering.
import Foundation
import Glibc

enum ProcessEnvironment {
    static var variables: [String: String] { ProcessInfo.processInfo.environment }

    /// Variables for the configuration loader: every `CAIRN_*` one except the test-only
    /// switches, which are not configuration (the loader refuses names it does not know).
    static var configurationVariables: [String: String] {
        variables.filter { !$0.key.hasPrefix(testingPrefix) }
    }

    private static let testingPrefix = "CAIRN_TESTING_"

    /// TEST ONLY — `CAIRN_TESTING_SKIP_SYNC_BEFORE_ACK=1`: replies stop waiting for the WAL
    /// sync. It exists so the durability test can prove its check fails without the sync
    /// (DESIGN §11's negative control); a node started with it is not durable. Read once, at
    /// start.
    static let skipSyncBeforeAckVariable = testingPrefix + "SKIP_SYNC_BEFORE_ACK"
    static var testingSkipsSyncBeforeAck: Bool { variables[skipSyncBeforeAckVariable] == "1" }
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
