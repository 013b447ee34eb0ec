// One connected client as the rest of the server sees it: CLIENT LIST's fields, and KILL.
public import RESP
public import Runtime
import Synchronization

/// Owned by its session on the connection's loop; read from any thread (CLIENT LIST, INFO),
/// hence a lock around what changes. Closing hops to the connection's loop.
public final class ClientHandle: Sendable {
    public struct Info: Sendable {
        public var name = ""
        public var lastCommand = "NULL"
        public var lastInteraction = SystemTimeSource().now()
        public var protocolVersion = RESPProtocolVersion.resp2
        public var channels = 0
        public var patterns = 0
        public var isMonitor = false
        /// Waiting in a blocking pop (CLIENT LIST's `b`).
        public var isBlocked = false
        public var queryBufferBytes = 0
        public var outputBufferBytes = 0
        public var libraryName = ""
        public var libraryVersion = ""
        public var authenticated = true
        /// Commands queued since MULTI; nil outside a block (CLIENT LIST's `multi=-1`).
        public var queuedCommands: Int?
    }

    public let id: Int64
    public let address: String
    public let localAddress: String
    public let fileDescriptor: Int32
    public let createdAt = SystemTimeSource().now()
    private let info = Mutex(Info())
    private let closeConnection: @Sendable () -> Void

    public init(id: Int64, address: String, localAddress: String, fileDescriptor: Int32,
                close: @escaping @Sendable () -> Void) {
        self.id = id
        self.address = address
        self.localAddress = localAddress
        self.fileDescriptor = fileDescriptor
        closeConnection = close
    }

    public var snapshot: Info { info.withLock { $0 } }

    public func update(_ change: (inout Info) -> Void) {
        info.withLock { change(&$0) }
    }

    /// Closes the connection from any thread (CLIENT KILL).
    public func kill() {
        closeConnection()
    }

    /// One line of CLIENT LIST / CLIENT INFO in Redis 7.0's field order (7.0 has no lib-name
    /// or lib-ver fields; CLIENT SETINFO's values are kept but not listed).
    public func describe(now: MonotonicInstant = SystemTimeSource().now(), currentCommand: String? = nil) -> String {
        let info = snapshot
        let age = now.duration(since: createdAt).components.seconds
        let idle = now.duration(since: info.lastInteraction).components.seconds
        var flags = ""
        if info.isMonitor { flags += "O" }
        if info.channels + info.patterns > 0 { flags += "P" }
        if info.queuedCommands != nil { flags += "x" }
        if info.isBlocked { flags += "b" }
        if flags.isEmpty { flags = "N" }
        let fields: [(String, String)] = [
            ("id", "\(id)"), ("addr", address), ("laddr", localAddress), ("fd", "\(fileDescriptor)"), ("name", info.name),
            ("age", "\(age)"), ("idle", "\(idle)"), ("flags", flags), ("db", "0"), ("sub", "\(info.channels)"),
            ("psub", "\(info.patterns)"), ("ssub", "0"), ("multi", "\(info.queuedCommands ?? -1)"), ("qbuf", "\(info.queryBufferBytes)"),
            ("qbuf-free", "0"), ("argv-mem", "0"), ("multi-mem", "0"), ("rbs", "0"), ("rbp", "0"), ("obl", "0"),
            ("oll", "0"), ("omem", "\(info.outputBufferBytes)"), ("tot-mem", "\(info.queryBufferBytes + info.outputBufferBytes)"),
            ("events", "r"), ("cmd", currentCommand ?? info.lastCommand), ("user", "default"), ("redir", "-1"),
            ("resp", info.protocolVersion == .resp3 ? "3" : "2"),
        ]
        return fields.map { "\($0.0)=\($0.1)" }.joined(separator: " ")
    }
}
