// The `resp.*` settings every session reads before each command, so CONFIG SET changes them live.
public import Runtime
import Synchronization

/// One per node, kept across listener restarts. Sessions read `current` before every command
/// (a short lock: no I/O happens under it) and CONFIG SET writes through `update`, so a new
/// password, bulk limit or idle timeout applies to every connection's next command, as in
/// Redis. `resp.max-clients` lives in `ClientRegistry`, which admits connections.
public final class LiveRESPSettings: Sendable {
    private let settings: Mutex<SessionSettings>

    public init(_ initial: SessionSettings) {
        settings = Mutex(initial)
    }

    public var current: SessionSettings {
        settings.withLock { $0 }
    }

    public func update(_ change: (inout SessionSettings) -> Void) {
        settings.withLock { change(&$0) }
    }
}

extension SessionSettings {
    /// The settings `resp.*` configuration starts a node with.
    public init(_ resp: NodeConfig.RESPSection) {
        self.init(
            maxBulkLength: Int(clamping: resp.protoMaxBulkLen.bytes),
            requiredPassword: resp.requirepass.isEmpty ? nil : Array(resp.requirepass.utf8),
            idleTimeout: resp.timeout,
            maxQueryBufferTotal: Int(clamping: resp.maxQueryBufferTotal.bytes)
        )
    }
}
