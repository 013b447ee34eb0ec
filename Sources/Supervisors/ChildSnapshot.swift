// One child as `whichChildren` reports it; encodes to the JSON the admin `tree` command prints.

public struct ChildSnapshot: Sendable, Hashable, Codable {
    public var id: String
    public var path: String
    public var state: ChildState
    public var kind: ChildKind
    public var restartType: RestartType
    /// Times this child was started again after its first start, in this supervisor's life.
    public var restarts: Int
    /// How its last run ended (`normal`, `shutdown`, or the error), or the last start error;
    /// nil if it has not ended yet.
    public var lastReason: String?
    /// The generation of its current or last run; nil if it never started.
    public var generation: UInt64?
    /// The supervisor's monotonic clock reading when the current or last run started.
    public var startedAtNanoseconds: UInt64?
    /// Seconds since the current run started; nil when not running.
    public var uptimeSeconds: Double?
    /// For a running supervisor child, its own children.
    public var supervisor: SupervisorSnapshot?

    public init(
        id: String, path: String, state: ChildState, kind: ChildKind, restartType: RestartType,
        restarts: Int, lastReason: String?, generation: UInt64?, startedAtNanoseconds: UInt64?,
        uptimeSeconds: Double?, supervisor: SupervisorSnapshot?
    ) {
        self.id = id
        self.path = path
        self.state = state
        self.kind = kind
        self.restartType = restartType
        self.restarts = restarts
        self.lastReason = lastReason
        self.generation = generation
        self.startedAtNanoseconds = startedAtNanoseconds
        self.uptimeSeconds = uptimeSeconds
        self.supervisor = supervisor
    }

    /// snake_case, like the supervisor's log keys.
    enum CodingKeys: String, CodingKey {
        case id, path, state, kind
        case restartType = "restart_type"
        case restarts
        case lastReason = "last_reason"
        case generation
        case startedAtNanoseconds = "started_at_ns"
        case uptimeSeconds = "uptime_s"
        case supervisor
    }
}
