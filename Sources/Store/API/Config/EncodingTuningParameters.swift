// Redis's encoding-tuning names: accepted and remembered, without effect (Cairn's encodings are its own).
import Synchronization

/// Tools written for Redis set these (`hash-max-listpack-entries 512`…); Cairn checks the
/// value as Redis would, remembers it so CONFIG GET returns it, and changes nothing else. An
/// old `ziplist` name shares its value with its `listpack` name, as in Redis 7.0.
enum EncodingTuningParameters {
    struct Setting: Sendable {
        let name: String
        let alias: String?
        let number: RedisNumber
        let defaultValue: Int64
    }

    /// Redis 7.0's definitions (config.c): types, bounds and defaults.
    static let settings: [Setting] = [
        Setting(name: "hash-max-listpack-entries", alias: "hash-max-ziplist-entries",
                number: .unsigned(.integer, 0...Int64.max), defaultValue: 512),
        Setting(name: "hash-max-listpack-value", alias: "hash-max-ziplist-value",
                number: .unsigned(.memory, 0...Int64.max), defaultValue: 64),
        Setting(name: "list-max-listpack-size", alias: "list-max-ziplist-size",
                number: .signed(.integer, Int64(Int32.min)...Int64(Int32.max)), defaultValue: -2),
        Setting(name: "list-compress-depth", alias: nil, number: .signed(.integer, 0...Int64(Int32.max)), defaultValue: 0),
        Setting(name: "set-max-intset-entries", alias: nil, number: .unsigned(.integer, 0...Int64.max), defaultValue: 512),
        Setting(name: "zset-max-listpack-entries", alias: "zset-max-ziplist-entries",
                number: .unsigned(.integer, 0...Int64.max), defaultValue: 128),
        Setting(name: "zset-max-listpack-value", alias: "zset-max-ziplist-value",
                number: .unsigned(.memory, 0...Int64.max), defaultValue: 64),
        Setting(name: "hll-sparse-max-bytes", alias: nil, number: .unsigned(.memory, 0...Int64.max), defaultValue: 3000),
        Setting(name: "stream-node-max-bytes", alias: nil, number: .unsigned(.memory, 0...Int64.max), defaultValue: 4096),
        Setting(name: "stream-node-max-entries", alias: nil, number: .signed(.integer, 0...Int64.max), defaultValue: 100),
    ]

    /// Fresh parameters holding the defaults; each node makes its own.
    static func parameters() -> [ConfigParameter] {
        let remembered = RememberedValues(Dictionary(uniqueKeysWithValues: settings.map { ($0.name, $0.defaultValue) }))
        return settings.flatMap { setting in
            ([setting.name] + (setting.alias.map { [$0] } ?? [])).map { name in
                ConfigParameter(
                    name: name,
                    read: { Array(String(remembered.value(of: setting.name)).utf8) },
                    prepare: { text in
                        setting.number.parse(text).map { value in { remembered.set(value, for: setting.name) } }
                    }
                )
            }
        }
    }
}

/// The values CONFIG SET gave the tuning names.
private final class RememberedValues: Sendable {
    private let values: Mutex<[String: Int64]>

    init(_ initial: [String: Int64]) {
        values = Mutex(initial)
    }

    func value(of name: String) -> Int64 {
        values.withLock { $0[name] ?? 0 }
    }

    func set(_ value: Int64, for name: String) {
        values.withLock { $0[name] = value }
    }
}
