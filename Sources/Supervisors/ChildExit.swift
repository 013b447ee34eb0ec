// The notice a supervisor's owner receives when a child has ended for good.

/// Sent once per child that will not be restarted: a temporary child that ended or was taken
/// down by a sibling's restart, a transient child that ended normally, or any child stopped with
/// `terminateChild`. Not sent for children stopped because their supervisor itself stops.
public struct ChildExit: Sendable, Hashable {
    /// The dotted path of the supervisor the child belonged to.
    public let supervisor: String
    public let id: String
    /// The generation of the child's last run; nil if it never started.
    public let generation: UInt64?
    public let restartType: RestartType
    public let reason: ChildExitReason

    public init(supervisor: String, id: String, generation: UInt64?, restartType: RestartType, reason: ChildExitReason) {
        self.supervisor = supervisor
        self.id = id
        self.generation = generation
        self.restartType = restartType
        self.reason = reason
    }
}
