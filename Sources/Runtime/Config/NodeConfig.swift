// The node's effective configuration: every key of DESIGN §10, with its default.

public import Logging

/// One section per YAML block. `NodeConfig()` is exactly the defaults of DESIGN §10 (and of
/// `config/single.yaml`); `ConfigLoader` layers a file, the environment and `--set` over it.
/// Values here are already checked: ranges hold and `raft.heartbeat-ticks < raft.election-ticks`.
public struct NodeConfig: Sendable, Equatable {
    public var node = NodeSection()
    public var runtime = RuntimeSection()
    public var resp = RESPSection()
    public var metrics = MetricsSection()
    public var admin = AdminSection()
    public var peer = PeerSection()
    public var pd = PDSection()
    public var store = StoreSection()
    public var storage = StorageSection()
    public var raft = RaftSection()
    public var membership = MembershipSection()
    public var log = LogSection()

    public init() {}

    /// Every dotted key, in the order configuration is printed (CONFIG GET, `admin config`).
    public static let knownKeys: [String] = ConfigSchema.fields.map(\.key)

    /// `admin.socket`, or `<data-dir>/admin.sock` when it is empty.
    public var effectiveSocketPath: String {
        guard admin.socket.isEmpty else { return admin.socket }
        return node.dataDir.hasSuffix("/") ? node.dataDir + "admin.sock" : node.dataDir + "/admin.sock"
    }

    public struct NodeSection: Sendable, Equatable {
        public var id = "n1"
        /// Relative paths are relative to the working directory.
        public var dataDir = "./data/n1"
        public init() {}
    }

    public struct RuntimeSection: Sendable, Equatable {
        /// Event-loop threads; 0 means one per core.
        public var loops = 0
        public init() {}
    }

    public struct RESPSection: Sendable, Equatable {
        public var listen = ListenAddress(host: "127.0.0.1", port: 6379)
        /// A secret: printed only as `<redacted>`.
        public var requirepass = ""
        public var maxClients = 10_000
        /// Idle client timeout; zero means never.
        public var timeout = Duration.zero
        public var protoMaxBulkLen = ByteSize.mebibytes(512)
        public var maxQueryBufferTotal = ByteSize.gibibytes(1)
        public init() {}
    }

    public struct MetricsSection: Sendable, Equatable {
        public var listen = ListenAddress(host: "127.0.0.1", port: 9380)
        public init() {}
    }

    public struct AdminSection: Sendable, Equatable {
        /// Empty means `<data-dir>/admin.sock`; see `NodeConfig.effectiveSocketPath`.
        public var socket = ""
        public var faultInjection = false
        public init() {}
    }

    public struct PeerSection: Sendable, Equatable {
        public var listen = ListenAddress(host: "127.0.0.1", port: 7101)
        public init() {}
    }

    public struct PDSection: Sendable, Equatable {
        public var members = [PeerMember(id: "n1", address: ListenAddress(host: "127.0.0.1", port: 7101))]
        public var maxStoreDownTime = Duration.seconds(30)
        public init() {}
    }

    public struct StoreSection: Sendable, Equatable {
        public var initialRegions = 16
        public var replication = 1
        public var regionSplitSize = ByteSize.mebibytes(96)
        public var regionSplitKeys = 960_000
        public init() {}
    }

    public struct StorageSection: Sendable, Equatable {
        public var sync = StorageSync.always
        public var blockCache = ByteSize.mebibytes(256)
        public var writeBuffer = ByteSize.mebibytes(64)
        public var compression = StorageCompression.lz4
        public init() {}
    }

    public struct RaftSection: Sendable, Equatable {
        public var tick = Duration.milliseconds(100)
        public var electionTicks = 10
        public var heartbeatTicks = 2
        public init() {}
    }

    public struct MembershipSection: Sendable, Equatable {
        public var seeds: [ListenAddress] = []
        public var probeInterval = Duration.seconds(1)
        public var probeTimeout = Duration.milliseconds(500)
        public var suspicionMult = 4
        public init() {}
    }

    public struct LogSection: Sendable, Equatable {
        public var level = Logger.Level.info
        public var format = LogFormat.json
        public init() {}
    }
}
