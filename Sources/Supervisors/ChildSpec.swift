// How a supervisor starts, restarts and stops one child (OTP's child specification).

public import ServiceLifecycle

public struct ChildSpec: Sendable {
    /// Makes a fresh service for each start. Throwing is a start error: logged `start_error` and,
    /// except for `Supervisor.startChild`, retried through the restart path, which counts
    /// against the restart intensity.
    public typealias Factory = @Sendable (ChildContext) async throws -> any Service

    /// Unique among its supervisor's children; not empty and without dots, since paths join ids
    /// with dots.
    public let id: String
    public var restart: RestartType
    public var shutdown: ShutdownPolicy
    public var kind: ChildKind
    /// No delay when nil (OTP's behaviour).
    public var backoff: RestartBackoff?
    public let start: Factory

    /// `shutdown` defaults as in OTP: 5 s for a worker, `.infinity` for a supervisor.
    public init(
        id: String,
        restart: RestartType = .permanent,
        kind: ChildKind = .worker,
        shutdown: ShutdownPolicy? = nil,
        backoff: RestartBackoff? = nil,
        start: @escaping Factory
    ) {
        self.id = id
        self.restart = restart
        self.kind = kind
        self.shutdown = shutdown ?? (kind == .supervisor ? .infinity : .timeout(.seconds(5)))
        self.backoff = backoff
        self.start = start
    }

    /// A child that is itself a supervisor of `children`, rebuilt from these specs at each
    /// (re)start. Children added to it later with `startChild` do not survive its restart.
    public static func supervisor(
        id: String,
        restart: RestartType = .permanent,
        strategy: SupervisionStrategy = .oneForOne,
        intensity: RestartIntensity = RestartIntensity(),
        shutdown: ShutdownPolicy = .infinity,
        backoff: RestartBackoff? = nil,
        children: [ChildSpec],
        onChildEndedForGood: (@Sendable (ChildExit) -> Void)? = nil
    ) -> ChildSpec {
        ChildSpec(id: id, restart: restart, kind: .supervisor, shutdown: shutdown, backoff: backoff) { context in
            Supervisor(
                path: context.path, strategy: strategy, intensity: intensity, children: children,
                environment: context.environment, logger: context.logger, onChildEndedForGood: onChildEndedForGood
            )
        }
    }

    /// Why `id` cannot name a child, or nil if it can.
    static func problem(withID id: String) -> String? {
        if id.isEmpty { return "a child id may not be empty" }
        if id.contains(".") { return "a child id may not contain '.' (paths join ids with dots)" }
        return nil
    }
}
