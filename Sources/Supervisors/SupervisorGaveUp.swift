// The error a supervisor's `run()` throws when it exceeded its restart intensity and stopped.

/// Its parent sees it as the child's crash, logs `escalated` and applies its own strategy; at
/// the root, the node gives up. Each level wraps the one below, so the description reads as a
/// chain from the supervisor that gave up last down to the first failure.
public struct SupervisorGaveUp: Error, Sendable, CustomStringConvertible {
    /// The path of the supervisor that gave up ("" for the root).
    public let supervisor: String
    /// The child whose restart would have exceeded the intensity.
    public let child: String
    /// Why that child ended: its error, a start error, or a nested `SupervisorGaveUp`'s description.
    public let reason: String
    /// Holds at most one element: an array is the indirection a struct needs to contain its own type.
    private let nested: [SupervisorGaveUp]
    public let intensity: Int
    public let period: Duration
    /// Restarts inside the window, the refused one included.
    public let restarts: Int

    public init(
        supervisor: String, child: String, reason: String, escalatedFrom: SupervisorGaveUp?, intensity: Int,
        period: Duration, restarts: Int
    ) {
        self.supervisor = supervisor
        self.child = child
        self.reason = reason
        nested = escalatedFrom.map { [$0] } ?? []
        self.intensity = intensity
        self.period = period
        self.restarts = restarts
    }

    /// When the child was itself a supervisor that gave up, its error.
    public var escalatedFrom: SupervisorGaveUp? {
        nested.first
    }

    /// Supervisor paths from this one down to the first that gave up.
    public var chain: [String] {
        [supervisor] + (escalatedFrom?.chain ?? [])
    }

    /// The failure at the bottom of the chain.
    public var rootReason: String {
        escalatedFrom?.rootReason ?? reason
    }

    public var description: String {
        "supervisor \(SupervisorError.name(supervisor)) gave up: \(restarts) restarts within "
            + "\(SupervisorLog.secondsText(period)) s exceed its intensity \(intensity); child '\(child)': \(reason)"
    }
}
