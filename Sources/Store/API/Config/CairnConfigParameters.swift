// Cairn's dotted configuration keys as CONFIG parameters: the `resp.*` settings and `log.level` live.
import Runtime

enum CairnConfigParameters {
    static func parameters(config: NodeConfig, live: LiveNodeSettings) -> [ConfigParameter] {
        config.flattened(redactingSecrets: false).map { key, value in
            liveParameter(key, live) ?? .immutable(key, value: value)
        }
    }

    /// The keys a running node can change; values are checked exactly as `--set` checks them.
    private static func liveParameter(_ key: String, _ live: LiveNodeSettings) -> ConfigParameter? {
        switch key {
        case "resp.requirepass":
            return ConfigParameter(name: key, read: { live.resp.current.requiredPassword ?? [] }) { password in
                .success { live.resp.update { $0.requiredPassword = password.isEmpty ? nil : password } }
            }
        case "resp.max-clients":
            return ConfigParameter(name: key, read: { Array(String(live.clients.maxClients).utf8) }) { text in
                parsed(text, key: key, \.resp.maxClients).map { value in { live.clients.maxClients = value } }
            }
        case "resp.timeout":
            return ConfigParameter(name: key, read: { Array(DurationSyntax.format(live.resp.current.idleTimeout).utf8) }) { text in
                parsed(text, key: key, \.resp.timeout).map { value in { live.resp.update { $0.idleTimeout = value } } }
            }
        case "resp.proto-max-bulk-len":
            return ConfigParameter(name: key, read: {
                Array(ByteSize(bytes: Int64(live.resp.current.maxBulkLength)).description.utf8)
            }) { text in
                parsed(text, key: key, \.resp.protoMaxBulkLen).map { value in
                    { live.resp.update { $0.maxBulkLength = Int(clamping: value.bytes) } }
                }
            }
        case "log.level":
            return ConfigParameter(name: key, read: { Array(live.logLevels.level.rawValue.utf8) }) { text in
                parsed(text, key: key, \.log.level).map { value in { live.logLevels.level = value } }
            }
        default:
            return nil
        }
    }

    /// `text` read as the value of `key` with Cairn's rules, through a scratch configuration.
    private static func parsed<Value>(_ text: [UInt8], key: String, _ path: KeyPath<NodeConfig, Value>) -> Result<Value, ConfigRefusal> {
        var scratch = NodeConfig()
        do {
            try scratch.setValue(String(decoding: text, as: UTF8.self), forKey: key)
        } catch {
            return .failure(ConfigRefusal("argument must be " + error.expected))
        }
        return .success(scratch[keyPath: path])
    }
}
