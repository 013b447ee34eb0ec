// Readiness: every permanent child in the tree is running (what /readyz answers).
import Supervisors

enum NodeReadiness {
    /// Paths of permanent children that are not running; empty when the node is ready.
    static func problems(of root: Supervisor?) async -> [String] {
        guard let root else { return ["starting"] }
        var problems: [String] = []
        func visit(_ snapshot: SupervisorSnapshot) {
            for child in snapshot.children {
                if child.restartType == .permanent, child.state != .running {
                    problems.append("\(child.path) is \(child.state)")
                }
                if let nested = child.supervisor { visit(nested) }
            }
        }
        visit(await root.snapshot())
        return problems
    }
}
