// What a command may read or change about its connection: protocol, name, subscriptions,
// reply mode, closing — and the server it belongs to.
public import RESP

public struct SessionState: Sendable {
    public let clientID: Int64
    public var protocolVersion: RESPProtocolVersion = .resp2
    public var name: String?
    public var database = 0
    /// Set by QUIT: the reply is written, then the connection closes.
    public var closeAfterReply = false
    /// `resp.requirepass` as it is now (the session refreshes it before every command, so
    /// CONFIG SET applies at once); nil when no password is required.
    public var requiredPassword: [UInt8]?
    /// Set by AUTH (or HELLO … AUTH), or at connection when no password was required then.
    private var hasAuthenticated: Bool
    /// Redis's `!authRequired(c)`: authenticated, or no password required right now — so
    /// clearing requirepass frees waiting clients, and setting it spares connected ones.
    public var authenticated: Bool {
        get { hasAuthenticated || requiredPassword == nil }
        set { hasAuthenticated = newValue }
    }
    /// CLIENT REPLY, as Redis's client flags: OFF hides every reply; SKIP hides the next
    /// command's (`skipNext` becomes `skipCurrent` once the SKIP command itself is done).
    public var repliesOff = false
    public var skipCurrentReply = false
    public var skipNextReply = false
    /// Set by a handler whose command answers nothing at all (CLIENT REPLY OFF/SKIP, SHUTDOWN).
    public var noReply = false
    public var channels: Set<[UInt8]> = []
    public var patterns: Set<[UInt8]> = []
    public var isMonitor = false
    public var libraryName = ""
    public var libraryVersion = ""
    /// The open MULTI block, nil outside one.
    public var transaction: QueuedTransaction?
    /// Replies after the handler's own, in order (SUBSCRIBE answers once per channel).
    public var followingReplies: [RESPValue] = []
    /// The server's shared parts; a stand-alone context in unit tests.
    public let server: ServerContext
    /// This connection as other connections see it (nil in unit tests without a connection).
    public let link: SessionLink?

    public init(clientID: Int64, requiredPassword: [UInt8]? = nil, server: ServerContext? = nil, link: SessionLink? = nil) {
        self.clientID = clientID
        self.requiredPassword = requiredPassword
        hasAuthenticated = requiredPassword == nil
        self.server = server ?? ServerContext(clients: ClientRegistry(maxClients: 1))
        self.link = link
    }

    /// Whether the reply of the command that just ran is sent; moves SKIP along, as Redis
    /// does after each command.
    public mutating func takeReplyDecision() -> Bool {
        let send = !(repliesOff || skipCurrentReply || noReply)
        noReply = false
        skipCurrentReply = skipNextReply
        skipNextReply = false
        return send
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
