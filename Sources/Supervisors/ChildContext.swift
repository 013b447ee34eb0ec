// What a child's factory is given for one start: its identity, generation, logger and environment.

public import Logging

public struct ChildContext: Sendable {
    public let id: String
    /// Dotted from the root's children: `store.regions.region-3.raft`. A nested supervisor uses
    /// its own context's path as its path.
    public let path: String
    /// Unique to this start and greater than every generation handed out before it in the tree;
    /// resources refuse holders with an older one (DESIGN §4).
    public let generation: UInt64
    public let kind: ChildKind
    /// The supervisor's logger, unchanged: a nested supervisor logs through it as is; a worker
    /// that wants its path on its lines adds it as metadata.
    public let logger: Logger
    /// The tree's clock, timers, generations and observer, for nested supervisors.
    public let environment: SupervisorEnvironment

    public init(
        id: String, path: String, generation: UInt64, kind: ChildKind, logger: Logger,
        environment: SupervisorEnvironment
    ) {
        self.id = id
        self.path = path
        self.generation = generation
        self.kind = kind
        self.logger = logger
        self.environment = environment
    }
}
