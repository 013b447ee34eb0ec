// Whether a child is a worker or a supervisor of its own subtree.

public enum ChildKind: String, Sendable, Hashable, Codable, CaseIterable {
    case worker
    case supervisor
}
