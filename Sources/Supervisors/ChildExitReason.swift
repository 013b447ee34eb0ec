// Why a child's run ended, as a supervisor judges it.

public enum ChildExitReason: Sendable, Hashable, CustomStringConvertible {
    /// `run()` returned, or ended after its supervisor cancelled it to stop it.
    case normal
    /// Its supervisor stopped it: `terminateChild`, or a sibling's restart under `oneForAll` or
    /// `restForOne`.
    case shutdown
    /// `run()` threw (a nested supervisor that gave up throws `SupervisorGaveUp`), or a fault was
    /// injected with `crashChild`. The text is the error's description.
    case crashed(String)

    public var description: String {
        switch self {
        case .normal: "normal"
        case .shutdown: "shutdown"
        case .crashed(let reason): reason
        }
    }
}
