// Outgoing TCP connections on a loop (peers later; the runtime's own tests use it as a client).
import CLibUV
import Glibc

extension StreamConnection {
    /// Connects to `address` from `loop` and starts the connection with the factory's handler.
    public static func connect(
        to address: SocketAddress,
        on loop: EventLoop,
        makeHandler: @escaping @Sendable (StreamConnection) -> any StreamHandler
    ) async throws -> StreamConnection {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<StreamConnection, any Error>) in
            loop.execute {
                let attempt = ConnectAttempt(loop: loop, address: address, makeHandler: makeHandler, continuation: continuation)
                attempt.begin()
            }
        }
    }
}

private final class ConnectAttempt {
    let loop: EventLoop
    let address: SocketAddress
    let makeHandler: @Sendable (StreamConnection) -> any StreamHandler
    let continuation: CheckedContinuation<StreamConnection, any Error>
    let handle = UnsafeMutablePointer<uv_tcp_t>.allocate(capacity: 1)

    init(loop: EventLoop, address: SocketAddress, makeHandler: @escaping @Sendable (StreamConnection) -> any StreamHandler,
         continuation: CheckedContinuation<StreamConnection, any Error>) {
        self.loop = loop
        self.address = address
        self.makeHandler = makeHandler
        self.continuation = continuation
    }

    func begin() {
        uv_tcp_init(loop.uvLoop, handle)
        handle.pointee.data = nil
        let request = UnsafeMutablePointer<uv_connect_t>.allocate(capacity: 1)
        request.pointee.data = Unmanaged.passRetained(self).toOpaque()
        let status = address.withSockaddr { uv_tcp_connect(request, handle, $0, tcpConnectCompleted) }
        if status != 0 {
            Unmanaged<ConnectAttempt>.fromOpaque(request.pointee.data).release()
            request.deallocate()
            finish(status: status)
        }
    }

    func finish(status: Int32) {
        guard status == 0, uv_is_closing(handlePointer(handle)) == 0 else {
            // During loop shutdown the handle may already be closing; closing twice is invalid.
            if uv_is_closing(handlePointer(handle)) == 0 {
                uv_close(handlePointer(handle), closeHandleReleasingOwner)
            }
            continuation.resume(throwing: RuntimeError(operation: "connect to", target: address.description, code: status))
            return
        }
        uv_tcp_nodelay(handle, 1)
        let connection = StreamConnection(
            loop: loop,
            handle: UnsafeMutableRawPointer(handle).assumingMemoryBound(to: uv_stream_t.self),
            peerDescription: address.description
        )
        connection.start(handler: makeHandler(connection))
        continuation.resume(returning: connection)
    }
}

private func tcpConnectCompleted(_ request: UnsafeMutablePointer<uv_connect_t>?, _ status: Int32) {
    guard let request, let data = request.pointee.data else { return }
    let attempt = Unmanaged<ConnectAttempt>.fromOpaque(data).takeRetainedValue()
    request.deallocate()
    attempt.finish(status: status)
}
