// How other connections reach one session: its client handle, and delivery of pub/sub
// messages and monitor lines onto its loop.
import RESP
import Runtime

/// Held by the hubs and the registry; refers to the session weakly, so a closed connection
/// is never kept alive by a subscription it did not get to remove.
public final class SessionLink: MessageReceiver, MonitorReceiver, @unchecked Sendable {
    public let clientID: Int64
    public let handle: ClientHandle
    private let loop: EventLoop
    // Only touched on `loop`'s thread.
    private weak var session: RESPSession?

    init(clientID: Int64, handle: ClientHandle, loop: EventLoop, session: RESPSession) {
        self.clientID = clientID
        self.handle = handle
        self.loop = loop
        self.session = session
    }

    public func deliver(kind: String, pattern: [UInt8]?, channel: [UInt8], message: [UInt8]) {
        let value = PubSubHub.messageItems(kind: kind, pattern: pattern, channel: channel, message: message)
        loop.execute { [weak self] in self?.session?.push(value) }
    }

    public func deliverMonitorLine(_ line: String) {
        loop.execute { [weak self] in self?.session?.pushMonitorLine(line) }
    }
}
