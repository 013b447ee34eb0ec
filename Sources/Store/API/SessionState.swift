// What a command may read or change about its connection: protocol, name, database, closing.
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

    public init(clientID: Int64, requiredPassword: [UInt8]? = nil) {
        self.clientID = clientID
        self.requiredPassword = requiredPassword
        hasAuthenticated = requiredPassword == nil
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
