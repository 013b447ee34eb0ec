// The node's swift-log handler: one JSON object (or one text line) per log call, to a sink.

public import Logging

/// Lines carry `ts`, `level`, `node`, `component` (the logger's label), `msg`, then the merged
/// metadata (handler < metadata provider < the call's own) flattened to dotted keys (DESIGN §4).
///
/// Unlike swift-log's advice that a level is a per-logger value, the level lives in the shared
/// `LogLevelControl`: setting `logLevel` on any handler changes it for every logger made from
/// the same control, which is what the admin `log-level` command needs.
public struct JSONLogHandler: LogHandler {
    public let label: String
    public let nodeID: String
    public let format: LogFormat
    public let control: LogLevelControl
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    private let sink: any LogSink
    private let clock: @Sendable () -> LogTimestamp

    /// - Parameter clock: the time each line carries; tests pass a fixed one.
    public init(
        label: String,
        nodeID: String,
        format: LogFormat = .json,
        control: LogLevelControl,
        sink: any LogSink,
        metadataProvider: Logger.MetadataProvider? = nil,
        clock: @escaping @Sendable () -> LogTimestamp = LogTimestamp.now
    ) {
        self.label = label
        self.nodeID = nodeID
        self.format = format
        self.control = control
        self.sink = sink
        self.metadataProvider = metadataProvider
        self.clock = clock
    }

    public var logLevel: Logger.Level {
        get { control.level }
        nonmutating set { control.level = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get(), !provided.isEmpty {
            merged.merge(provided) { _, provided in provided }
        }
        if let own = event.metadata, !own.isEmpty {
            merged.merge(own) { _, own in own }
        }
        if let error = event.error, merged["error"] == nil {
            merged["error"] = .string("\(error)")
        }
        let message = event.message.description
        let line = switch format {
        case .json:
            JSONLogLine.encode(timestamp: clock(), level: event.level, node: nodeID, component: label,
                               message: message, metadata: merged)
        case .text:
            TextLogLine.encode(timestamp: clock(), level: event.level, component: label, message: message,
                               metadata: merged)
        }
        sink.write(line: line)
    }
}
