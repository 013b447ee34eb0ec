// What a command may read or change about its connection: protocol, name, subscriptions,
// reply mode, closing — and the server it belongs to.
public import RESP

public struct SessionState: Sendable {
    public enum ReplyMode: Sendable {
        case on
        case off
        /// Skip the next command's reply, then back to `on`.
        case skipNext
        /// Set by CLIENT REPLY SKIP itself: its own reply is skipped too, and the next one.
        case skipThisAndNext
    }

    public let clientID: Int64
    public var protocolVersion: RESPProtocolVersion = .resp2
    public var name: String?
    public var database = 0
    /// Set by QUIT: the reply is written, then the connection closes.
    public var closeAfterReply = false
    /// `resp.requirepass` when the connection opened; nil when no password is required.
    public let requiredPassword: [UInt8]?
    /// True once AUTH (or HELLO … AUTH) succeeded, or from the start without a password.
    public var authenticated: Bool
    public var replyMode = ReplyMode.on
    public var channels: Set<[UInt8]> = []
    public var patterns: Set<[UInt8]> = []
    public var isMonitor = false
    public var libraryName = ""
    public var libraryVersion = ""
    /// Replies after the handler's own, in order (SUBSCRIBE answers once per channel).
    public var followingReplies: [RESPValue] = []
    /// The server's shared parts; a stand-alone context in unit tests.
    public let server: ServerContext
    /// This connection as other connections see it (nil in unit tests without a connection).
    public let link: SessionLink?

    public init(clientID: Int64, requiredPassword: [UInt8]? = nil, server: ServerContext? = nil, link: SessionLink? = nil) {
        self.clientID = clientID
        self.requiredPassword = requiredPassword
        authenticated = requiredPassword == nil
        self.server = server ?? ServerContext(clients: ClientRegistry(maxClients: 1))
        self.link = link
    }

    /// In RESP2 a connection with subscriptions may only run the pub/sub commands, PING, QUIT
    /// and RESET; RESP3 has push replies and no such restriction.
    public var isInSubscribedMode: Bool {
        protocolVersion == .resp2 && !(channels.isEmpty && patterns.isEmpty)
    }

    /// The `default` user is the only one: it takes `requiredPassword`, or anything when none
    /// is set (Redis's `nopass` default user).
    func accepts(user: [UInt8]?, password: [UInt8]) -> Bool {
        if let user, user != Array("default".utf8) { return false }
        guard let requiredPassword else { return true }
        return constantTimeEqual(password, requiredPassword)
    }

    private func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        var difference = UInt8(truncatingIfNeeded: lhs.count ^ rhs.count)
        for index in 0..<max(lhs.count, rhs.count) {
            difference |= (index < lhs.count ? lhs[index] : 0) ^ (index < rhs.count ? rhs[index] : 0)
        }
        return difference == 0
    }
}
