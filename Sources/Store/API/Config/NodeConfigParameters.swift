// Every parameter CONFIG knows on a node: Cairn's dotted keys, the Redis names, the tuning names.
public import Runtime

/// What CONFIG SET can change on a running node.
public struct LiveNodeSettings: Sendable {
    public let resp: LiveRESPSettings
    public let clients: ClientRegistry
    public let logLevels: LogLevelControl

    public init(resp: LiveRESPSettings, clients: ClientRegistry, logLevels: LogLevelControl) {
        self.resp = resp
        self.clients = clients
        self.logLevels = logLevels
    }
}

extension ConfigParameterTable {
    /// The dotted keys of DESIGN §10 in their print order (those with a live setting read and
    /// change it; the others read as configured and cannot change), then the Redis names that
    /// mean something here, then Redis's encoding-tuning names.
    public static func node(config: NodeConfig, live: LiveNodeSettings) -> ConfigParameterTable {
        ConfigParameterTable(
            CairnConfigParameters.parameters(config: config, live: live)
                + RedisConfigParameters.parameters(config: config, live: live)
                + EncodingTuningParameters.parameters()
        )
    }
}
