// Which reply protocol a connection speaks: RESP2 until `HELLO 3`, as in Redis.

public enum RESPProtocolVersion: Int, Sendable, Hashable, CaseIterable {
    case resp2 = 2
    case resp3 = 3
}
