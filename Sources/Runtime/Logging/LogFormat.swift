// How a log line is written: JSON for machines (the default), text for people at a terminal.

public enum LogFormat: String, Sendable, Hashable, CaseIterable {
    case json
    case text
}
