// Captures a logger's JSON lines in memory and reads them back as objects.

import Foundation
import Logging
import Runtime

/// 2026-11-21T10:00:00.123Z, so lines do not depend on the wall clock.
let fixedLogTime = LogTimestamp(millisecondsSinceEpoch: 1_795_255_200_123)

final class LogCapture: Sendable {
    let sink = MemoryLogSink()
    let logger: Logger

    init() {
        let sink = sink
        let control = LogLevelControl(level: .trace)
        logger = Logger(label: "supervisor") { label in
            JSONLogHandler(label: label, nodeID: "n1", control: control, sink: sink, clock: { fixedLogTime })
        }
    }

    var lines: [String] { sink.lines }

    /// Each line parsed as a JSON object; lines that do not parse are left out (a dedicated test checks they all do).
    var objects: [[String: Any]] {
        lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    func events(_ event: String, child: String? = nil, supervisor: String? = nil) -> [[String: Any]] {
        objects.filter { object in
            object["event"] as? String == event
                && (child == nil || object["child"] as? String == child)
                && (supervisor == nil || object["supervisor"] as? String == supervisor)
        }
    }

    func count(_ event: String, child: String? = nil, supervisor: String? = nil) -> Int {
        events(event, child: child, supervisor: supervisor).count
    }

    /// The `event` values in order, for checking sequences.
    var eventNames: [String] {
        objects.compactMap { $0["event"] as? String }
    }
}
