// One PD member as configuration names it: `id@host:port`.

public struct PeerMember: Sendable, Hashable, CustomStringConvertible {
    public let id: String
    public let address: ListenAddress

    public init(id: String, address: ListenAddress) {
        self.id = id
        self.address = address
    }

    static let expectation = "a member id@host:port like n1@127.0.0.1:7101"

    public init(parsing text: String) throws(ConfigValueError) {
        let trimmed = text.trimmingASCIISpaces()
        guard let at = trimmed.firstIndex(of: "@") else {
            throw ConfigValueError(expected: PeerMember.expectation)
        }
        let id = String(trimmed[..<at])
        guard NodeID.isValid(id) else {
            throw ConfigValueError(expected: PeerMember.expectation + " whose id is " + NodeID.expectation)
        }
        guard let address = try? ListenAddress(parsing: String(trimmed[trimmed.index(after: at)...])) else {
            throw ConfigValueError(expected: PeerMember.expectation)
        }
        guard address.port != 0 else {
            throw ConfigValueError(expected: "a member id@host:port with a port 1…65535 (peers cannot use port 0)")
        }
        self.init(id: id, address: address)
    }

    public var description: String { "\(id)@\(address)" }
}
