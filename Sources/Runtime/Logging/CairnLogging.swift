// Installs the node's log handler as swift-log's process-wide factory; called once by `cairn`.

import Logging

public enum CairnLogging {
    /// Every `Logger(label:)` made afterwards writes through a `JSONLogHandler` with this node
    /// id, format, level control and sink. swift-log allows one bootstrap per process, so only
    /// the executable calls this; tests build handlers directly.
    public static func bootstrap(
        nodeID: String,
        format: LogFormat,
        control: LogLevelControl,
        sink: any LogSink = StandardErrorLogSink()
    ) {
        LoggingSystem.bootstrap { label in
            JSONLogHandler(label: label, nodeID: nodeID, format: format, control: control, sink: sink)
        }
    }
}
