// Runs the root of a node's tree and turns its give-up into the node's last log line and exit code.

/// How the root supervisor ended.
public enum RootExit: Sendable {
    /// Stopped on request (cancellation or graceful shutdown): exit 0.
    case shutdown
    /// Gave up (normally a `SupervisorGaveUp`), after `node_giving_up` was logged: exit 1.
    case gaveUp(any Error)

    public var exitCode: Int32 {
        switch self {
        case .shutdown: 0
        case .gaveUp: 1
        }
    }
}

public enum RootSupervisor {
    /// Runs `root` until it ends. Stop it by cancelling the calling task (or by a graceful
    /// shutdown of the service group around it). When it gives up, logs `node_giving_up`
    /// (error) through the root's logger — the last line the tree writes — and returns
    /// `.gaveUp`, whose `exitCode` the caller exits with.
    public static func run(_ root: Supervisor) async -> RootExit {
        do {
            try await root.run()
            return .shutdown
        } catch {
            let gaveUp = error as? SupervisorGaveUp
            root.log.emit(.nodeGivingUp, child: gaveUp?.child ?? "", reason: String(describing: error),
                          restarts: gaveUp?.restarts ?? 0)
            return .gaveUp(error)
        }
    }
}
