// The Redis names that mean something in Cairn, read and checked as Redis 7.0 reads and checks them.
import Runtime

/// `requirepass`, `maxclients`, `timeout` and `proto-max-bulk-len` are the live `resp.*`
/// settings in Redis's units; `appendfsync` shows `storage.sync`; `save` and `appendonly`
/// describe how Cairn persists (every write, no snapshots).
enum RedisConfigParameters {
    static func parameters(config: NodeConfig, live: LiveNodeSettings) -> [ConfigParameter] {
        [
            ConfigParameter(name: "requirepass", read: { live.resp.current.requiredPassword ?? [] }) { password in
                .success { live.resp.update { $0.requiredPassword = password.isEmpty ? nil : password } }
            },
            ConfigParameter(name: "maxclients", read: { Array(String(live.clients.maxClients).utf8) }) { text in
                RedisNumber.unsigned(.integer, 1...Int64(UInt32.max)).parse(text).map { value in
                    { live.clients.maxClients = Int(clamping: value) }
                }
            },
            ConfigParameter(name: "timeout", read: { Array(String(wholeSeconds(live.resp.current.idleTimeout)).utf8) }) { text in
                RedisNumber.signed(.integer, 0...Int64(Int32.max)).parse(text).map { seconds in
                    { live.resp.update { $0.idleTimeout = .seconds(seconds) } }
                }
            },
            ConfigParameter(name: "proto-max-bulk-len", read: { Array(String(live.resp.current.maxBulkLength).utf8) }) { text in
                RedisNumber.signed(.memory, 1_048_576...Int64.max).parse(text).map { bytes in
                    { live.resp.update { $0.maxBulkLength = Int(clamping: bytes) } }
                }
            },
            // The engine's sync mode is chosen when it opens.
            .immutable("appendfsync", value: config.storage.sync == .always ? "always" : "no"),
            ConfigParameter(name: "save", read: { [] }) { text in
                text.isEmpty ? .success({}) : .failure(ConfigRefusal("Cairn takes no snapshots; only an empty save is accepted"))
            },
            ConfigParameter(name: "appendonly", read: { Array("yes".utf8) }) { text in
                RedisConfigSyntax.yesOrNo(text).flatMap { enabled in
                    enabled ? .success({}) : .failure(ConfigRefusal("Cairn always persists every write; appendonly cannot be turned off"))
                }
            },
        ]
    }

    /// Redis's `timeout` is whole seconds; a shorter `resp.timeout` reads as the next second up,
    /// so a timeout that is set never reads as 0 (never).
    static func wholeSeconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return attoseconds > 0 ? seconds + 1 : seconds
    }
}
