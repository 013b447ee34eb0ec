// The number of a supervisor's children in each state, as a metrics observer receives it.

public struct ChildStateCounts: Sendable, Hashable, Codable {
    public var running = 0
    public var restarting = 0
    public var stopping = 0
    public var stopped = 0

    public init(running: Int = 0, restarting: Int = 0, stopping: Int = 0, stopped: Int = 0) {
        self.running = running
        self.restarting = restarting
        self.stopping = stopping
        self.stopped = stopped
    }

    public subscript(state: ChildState) -> Int {
        get {
            switch state {
            case .running: running
            case .restarting: restarting
            case .stopping: stopping
            case .stopped: stopped
            }
        }
        set {
            switch state {
            case .running: running = newValue
            case .restarting: restarting = newValue
            case .stopping: stopping = newValue
            case .stopped: stopped = newValue
            }
        }
    }
}
