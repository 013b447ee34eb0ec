// Where finished log lines go; injectable so tests read what a handler wrote.

/// A sink receives whole lines, newline included, and must write each one as a unit so that
/// lines from different threads never interleave.
public protocol LogSink: Sendable {
    func write(line: String)
}
