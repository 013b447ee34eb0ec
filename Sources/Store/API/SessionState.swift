// What a command may read or change about its connection: protocol, name, database, closing.
public import RESP

public struct SessionState: Sendable {
    public let clientID: Int64
    public var protocolVersion: RESPProtocolVersion = .resp2
    public var name: String?
    public var database = 0
    /// Set by QUIT: the reply is written, then the connection closes.
    public var closeAfterReply = false

    public init(clientID: Int64) {
        self.clientID = clientID
    }
}
