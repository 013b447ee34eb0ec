// The table of every configuration key of DESIGN §10: how each is parsed, checked and printed.

import Logging

enum ConfigSchema {
    /// In print order, which is DESIGN §10's order.
    static let fields: [ConfigField] = [
        text("node.id", \.node.id, parse: nodeID),
        text("node.data-dir", \.node.dataDir, parse: nonEmptyPath),
        integer("runtime.loops", \.runtime.loops, in: 0...256),
        address("resp.listen", \.resp.listen),
        text("resp.requirepass", \.resp.requirepass, secret: true, parse: { $0 }),
        integer("resp.max-clients", \.resp.maxClients, in: 1...Int.max),
        duration("resp.timeout", \.resp.timeout, allowsZero: true),
        size("resp.proto-max-bulk-len", \.resp.protoMaxBulkLen, minimumBytes: 1),
        size("resp.max-query-buffer-total", \.resp.maxQueryBufferTotal, minimumBytes: 1),
        address("metrics.listen", \.metrics.listen),
        text("admin.socket", \.admin.socket, parse: { $0 }),
        scalar("admin.fault-injection", \.admin.faultInjection, parse: ScalarSyntax.boolean, format: { "\($0)" }),
        address("peer.listen", \.peer.listen),
        list("pd.members", \.pd.members, parse: PeerMember.init(parsing:), check: checkMembers),
        duration("pd.max-store-down-time", \.pd.maxStoreDownTime, allowsZero: false),
        integer("store.initial-regions", \.store.initialRegions, in: 1...16384),
        integer("store.replication", \.store.replication, in: 1...7),
        size("store.region-split-size", \.store.regionSplitSize, minimumBytes: 1),
        integer("store.region-split-keys", \.store.regionSplitKeys, in: 1...Int.max),
        choice("storage.sync", \.storage.sync),
        size("storage.block-cache", \.storage.blockCache, minimumBytes: 0),
        size("storage.write-buffer", \.storage.writeBuffer, minimumBytes: 1),
        choice("storage.compression", \.storage.compression),
        duration("raft.tick", \.raft.tick, allowsZero: false),
        integer("raft.election-ticks", \.raft.electionTicks, in: 2...Int.max),
        integer("raft.heartbeat-ticks", \.raft.heartbeatTicks, in: 1...Int.max),
        list("membership.seeds", \.membership.seeds, parse: seedAddress, check: { _ throws(ConfigValueError) in }),
        duration("membership.probe-interval", \.membership.probeInterval, allowsZero: false),
        duration("membership.probe-timeout", \.membership.probeTimeout, allowsZero: false),
        integer("membership.suspicion-mult", \.membership.suspicionMult, in: 1...Int.max),
        choice("log.level", \.log.level),
        choice("log.format", \.log.format),
    ]

    static let fieldsByKey: [String: ConfigField] = Dictionary(
        fields.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })

    static let fieldsByEnvironmentVariable: [String: ConfigField] = Dictionary(
        fields.map { ($0.environmentVariable, $0) }, uniquingKeysWith: { first, _ in first })

    /// Section names in print order.
    static let sections: [String] = fields.reduce(into: []) { sections, field in
        if sections.last != field.section { sections.append(field.section) }
    }

    static func fields(inSection section: String) -> [ConfigField] {
        fields.filter { $0.section == section }
    }

    /// For an unknown key: the keys its section does have, or the sections there are.
    static func hint(forUnknownKey key: String) -> String {
        let section = String(key.prefix { $0 != "." })
        guard sections.contains(section) else {
            return "sections are " + sections.joined(separator: ", ")
        }
        return "\(section) has " + fields(inSection: section).map(\.name).joined(separator: ", ")
    }

    // MARK: Field builders

    typealias Path<Value> = any WritableKeyPath<NodeConfig, Value> & Sendable

    static func scalar<Value: Sendable>(
        _ key: String,
        _ path: Path<Value>,
        secret: Bool = false,
        isText: Bool = false,
        parse: @escaping @Sendable (String) throws(ConfigValueError) -> Value,
        format: @escaping @Sendable (Value) -> String
    ) -> ConfigField {
        ConfigField(
            key: key, shape: .scalar, isSecret: secret, isText: isText,
            assign: { config, raw throws(ConfigValueError) in
                guard case .scalar(let text) = raw else { throw ConfigValueError(expected: "a single value") }
                config[keyPath: path] = try parse(text)
            },
            render: { .scalar(format($0[keyPath: path])) }
        )
    }

    static func list<Element>(
        _ key: String,
        _ path: Path<[Element]>,
        parse: @escaping @Sendable (String) throws(ConfigValueError) -> Element,
        check: @escaping @Sendable ([Element]) throws(ConfigValueError) -> Void
    ) -> ConfigField where Element: CustomStringConvertible & Sendable {
        ConfigField(
            key: key, shape: .list, isSecret: false, isText: false,
            assign: { config, raw throws(ConfigValueError) in
                guard case .list(let items) = raw else { throw ConfigValueError(expected: "a list") }
                var elements: [Element] = []
                elements.reserveCapacity(items.count)
                for item in items {
                    do throws(ConfigValueError) {
                        elements.append(try parse(item))
                    } catch {
                        throw ConfigValueError(expected: "\(error.expected) for each item", item: item)
                    }
                }
                try check(elements)
                config[keyPath: path] = elements
            },
            render: { .list($0[keyPath: path].map(\.description)) }
        )
    }

    /// Free text, which printing must quote when YAML would read it as something else (`true`).
    static func text(
        _ key: String, _ path: Path<String>, secret: Bool = false,
        parse: @escaping @Sendable (String) throws(ConfigValueError) -> String
    ) -> ConfigField {
        scalar(key, path, secret: secret, isText: true, parse: parse, format: { $0 })
    }

    static func integer(_ key: String, _ path: Path<Int>, in range: ClosedRange<Int>) -> ConfigField {
        scalar(key, path, parse: { text throws(ConfigValueError) in try ScalarSyntax.integer(text, in: range) },
               format: { "\($0)" })
    }

    static func address(_ key: String, _ path: Path<ListenAddress>) -> ConfigField {
        scalar(key, path, parse: ListenAddress.init(parsing:), format: \.description)
    }

    static func duration(_ key: String, _ path: Path<Duration>, allowsZero: Bool) -> ConfigField {
        scalar(
            key, path,
            parse: { text throws(ConfigValueError) in
                let duration = try DurationSyntax.parse(text)
                guard allowsZero || duration > .zero else {
                    throw ConfigValueError(expected: "a duration above zero, like 100ms or 30s")
                }
                return duration
            },
            format: DurationSyntax.format
        )
    }

    static func size(_ key: String, _ path: Path<ByteSize>, minimumBytes: Int64) -> ConfigField {
        scalar(
            key, path,
            parse: { text throws(ConfigValueError) in
                let size = try ByteSize(parsing: text)
                guard size.bytes >= minimumBytes else {
                    throw ConfigValueError(expected: "a size of at least \(ByteSize(bytes: minimumBytes))")
                }
                return size
            },
            format: \.description
        )
    }

    static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: Path<Choice>
    ) -> ConfigField where Choice.RawValue == String {
        scalar(key, path, parse: { text throws(ConfigValueError) in try ScalarSyntax.choice(text, of: Choice.self) },
               format: \.rawValue)
    }

    // MARK: Checks of single keys

    static func nodeID(_ text: String) throws(ConfigValueError) -> String {
        guard NodeID.isValid(text) else { throw ConfigValueError(expected: "a node id of " + NodeID.expectation) }
        return text
    }

    static func nonEmptyPath(_ text: String) throws(ConfigValueError) -> String {
        guard !text.isEmpty else { throw ConfigValueError(expected: "a directory path") }
        return text
    }

    /// A seed is dialled, so it needs a real port.
    static func seedAddress(_ text: String) throws(ConfigValueError) -> ListenAddress {
        let address = try ListenAddress(parsing: text)
        guard address.port != 0 else {
            throw ConfigValueError(expected: "an address with a port 1…65535 (seeds cannot use port 0)")
        }
        return address
    }

    static func checkMembers(_ members: [PeerMember]) throws(ConfigValueError) {
        guard !members.isEmpty else {
            throw ConfigValueError(expected: "at least one member id@host:port")
        }
        var seen: Set<String> = []
        for member in members where !seen.insert(member.id).inserted {
            throw ConfigValueError(expected: "distinct member ids", item: member.description)
        }
    }
}
