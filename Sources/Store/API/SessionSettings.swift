// What every client session of a listener shares from `resp.*` configuration.

public struct SessionSettings: Sendable {
    /// `resp.proto-max-bulk-len`.
    public var maxBulkLength: Int
    /// `resp.requirepass`; nil when empty (no password).
    public var requiredPassword: [UInt8]?
    /// `resp.timeout`: a client idle this long is closed, as Redis's `timeout`; zero never.
    public var idleTimeout: Duration
    /// `resp.max-query-buffer-total`: all clients' unparsed input together; a client whose
    /// input would pass it is disconnected.
    public var maxQueryBufferTotal: Int
    /// Redis's `client-output-buffer-limit pubsub 32mb`: a subscriber or monitor that lets
    /// this much output pile up is disconnected (normal clients get back-pressure instead).
    public var pushOutputLimit: Int

    public init(maxBulkLength: Int, requiredPassword: [UInt8]?, idleTimeout: Duration,
                maxQueryBufferTotal: Int = 1 << 30, pushOutputLimit: Int = 32 << 20) {
        self.maxBulkLength = maxBulkLength
        self.requiredPassword = requiredPassword
        self.idleTimeout = idleTimeout
        self.maxQueryBufferTotal = maxQueryBufferTotal
        self.pushOutputLimit = pushOutputLimit
    }
}
