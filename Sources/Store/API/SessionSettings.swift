// What every client session of a listener shares from `resp.*` configuration.

public struct SessionSettings: Sendable {
    /// `resp.proto-max-bulk-len`.
    public var maxBulkLength: Int
    /// `resp.requirepass`; nil when empty (no password).
    public var requiredPassword: [UInt8]?
    /// `resp.timeout`: a client idle this long is closed, as Redis's `timeout`; zero never.
    public var idleTimeout: Duration

    public init(maxBulkLength: Int, requiredPassword: [UInt8]?, idleTimeout: Duration) {
        self.maxBulkLength = maxBulkLength
        self.requiredPassword = requiredPassword
        self.idleTimeout = idleTimeout
    }
}
