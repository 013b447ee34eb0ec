// A supervisor and its subtree at one moment, for the admin `tree` command (Codable to JSON).

public struct SupervisorSnapshot: Sendable, Hashable, Codable {
    /// Dotted path; "" for the root.
    public var path: String
    public var strategy: SupervisionStrategy
    public var intensity: Int
    public var periodSeconds: Double
    /// Restarts inside the intensity window now.
    public var restarts: Int
    /// In start order.
    public var children: [ChildSnapshot]

    public init(
        path: String, strategy: SupervisionStrategy, intensity: Int, periodSeconds: Double, restarts: Int,
        children: [ChildSnapshot]
    ) {
        self.path = path
        self.strategy = strategy
        self.intensity = intensity
        self.periodSeconds = periodSeconds
        self.restarts = restarts
        self.children = children
    }

    enum CodingKeys: String, CodingKey {
        case path, strategy, intensity
        case periodSeconds = "period_s"
        case restarts, children
    }
}
