// The TCP listener pool: one acceptor socket per address, connections spread round-robin over loops.
import CLibUV
import Glibc
import Synchronization

/// Makes the handler for a new connection, on the connection's loop thread; nil closes it.
public typealias ConnectionHandlerFactory = @Sendable (StreamConnection) -> (any StreamHandler)?

/// One listening socket (no SO_REUSEPORT, so a port taken by another process fails with
/// EADDRINUSE). The acceptor loop accepts; each accepted descriptor moves to the next loop
/// of `targets` in turn and lives there.
public final class TCPListener: LoopResource, @unchecked Sendable {
    public let boundAddress: SocketAddress
    public let acceptor: EventLoop
    private let targets: [EventLoop]
    private let makeHandler: ConnectionHandlerFactory
    private var handle: UnsafeMutablePointer<uv_tcp_t>?
    private var nextTarget = 0
    private let acceptedCount = Atomic<Int>(0)

    private init(boundAddress: SocketAddress, acceptor: EventLoop, targets: [EventLoop],
                 handle: UnsafeMutablePointer<uv_tcp_t>, makeHandler: @escaping ConnectionHandlerFactory) {
        self.boundAddress = boundAddress
        self.acceptor = acceptor
        self.targets = targets
        self.handle = handle
        self.makeHandler = makeHandler
    }

    /// Connections accepted so far.
    public var accepted: Int { acceptedCount.load(ordering: .relaxed) }

    /// Binds and listens on `address` (port 0 picks a free port; see `boundAddress`).
    public static func listen(
        on address: SocketAddress,
        acceptor: EventLoop,
        distributingTo targets: [EventLoop],
        backlog: Int32 = 511,
        makeHandler: @escaping ConnectionHandlerFactory
    ) async throws -> TCPListener {
        let targets = targets.isEmpty ? [acceptor] : targets
        return try await acceptor.submit {
            try bindOnLoop(address, acceptor: acceptor, targets: targets, backlog: backlog, makeHandler: makeHandler)
        }
    }

    /// Binds on the calling loop thread; used where a TCP and a UDP bind must share a port.
    static func bindOnLoop(_ address: SocketAddress, acceptor: EventLoop, targets: [EventLoop],
                           backlog: Int32, makeHandler: @escaping ConnectionHandlerFactory) throws(RuntimeError) -> TCPListener {
        acceptor.preconditionInLoop()
        let handle = UnsafeMutablePointer<uv_tcp_t>.allocate(capacity: 1)
        uv_tcp_init(acceptor.uvLoop, handle)
        handle.pointee.data = nil
        func abandon(_ status: Int32, _ operation: String) -> RuntimeError {
            uv_close(handlePointer(handle), closeHandleReleasingOwner)
            return RuntimeError(operation: operation, target: address.description, code: status)
        }
        var status = address.withSockaddr { uv_tcp_bind(handle, $0, 0) }
        if status != 0 { throw abandon(status, "bind") }
        status = uv_listen(UnsafeMutableRawPointer(handle).assumingMemoryBound(to: uv_stream_t.self), backlog, tcpListenerConnection)
        // libuv binds lazily on some systems: listen reports EADDRINUSE for a taken port.
        if status != 0 { throw abandon(status, "listen on") }
        guard let bound = SocketAddress.filled(by: { uv_tcp_getsockname(handle, $0, $1) }) else { throw abandon(UV_EINVAL.rawValue, "read bound address of") }
        let listener = TCPListener(boundAddress: bound, acceptor: acceptor, targets: targets, handle: handle, makeHandler: makeHandler)
        handle.pointee.data = Unmanaged.passRetained(listener).toOpaque()
        acceptor.register(listener)
        return listener
    }

    /// Stops accepting; connections already accepted stay open.
    public func close() async {
        _ = try? await acceptor.submit { self.closeForShutdown() }
    }

    func closeForShutdown() {
        guard let handle else { return }
        self.handle = nil
        acceptor.unregister(self)
        uv_close(handlePointer(handle), closeHandleReleasingOwner)
    }

    func acceptOne(status: Int32) {
        guard status == 0, let handle else { return }
        let client = UnsafeMutablePointer<uv_tcp_t>.allocate(capacity: 1)
        uv_tcp_init(acceptor.uvLoop, client)
        client.pointee.data = nil
        let server = UnsafeMutableRawPointer(handle).assumingMemoryBound(to: uv_stream_t.self)
        let clientStream = UnsafeMutableRawPointer(client).assumingMemoryBound(to: uv_stream_t.self)
        var descriptor: uv_os_fd_t = -1
        if uv_accept(server, clientStream) == 0 {
            var fd: uv_os_fd_t = -1
            if uv_fileno(handlePointer(client), &fd) == 0 {
                // The descriptor must outlive this temporary handle, which belongs to the acceptor loop.
                descriptor = fcntl(fd, F_DUPFD_CLOEXEC, 0)
            }
        }
        uv_close(handlePointer(client), closeHandleReleasingOwner)
        guard descriptor >= 0 else { return }
        acceptedCount.add(1, ordering: .relaxed)
        let target = targets[nextTarget % targets.count]
        nextTarget = (nextTarget + 1) % targets.count
        let makeHandler = self.makeHandler
        let fd = descriptor
        target.execute { adoptAcceptedSocket(fd, on: target, makeHandler: makeHandler) }
    }
}

/// Opens an accepted descriptor as a connection of `loop` (called on that loop).
private func adoptAcceptedSocket(_ fd: Int32, on loop: EventLoop, makeHandler: ConnectionHandlerFactory) {
    let handle = UnsafeMutablePointer<uv_tcp_t>.allocate(capacity: 1)
    uv_tcp_init(loop.uvLoop, handle)
    handle.pointee.data = nil
    guard uv_tcp_open(handle, fd) == 0 else {
        Glibc.close(fd)
        uv_close(handlePointer(handle), closeHandleReleasingOwner)
        return
    }
    uv_tcp_nodelay(handle, 1)
    let connection = StreamConnection(
        loop: loop,
        handle: UnsafeMutableRawPointer(handle).assumingMemoryBound(to: uv_stream_t.self),
        peerDescription: peerName(of: handle)
    )
    if let handler = makeHandler(connection) {
        connection.start(handler: handler)
    } else {
        connection.close()
    }
}

func peerName(of handle: UnsafeMutablePointer<uv_tcp_t>) -> String {
    SocketAddress.filled(by: { uv_tcp_getpeername(handle, $0, $1) })?.description ?? "unknown peer"
}

private func tcpListenerConnection(_ server: UnsafeMutablePointer<uv_stream_t>?, _ status: Int32) {
    guard let data = server?.pointee.data else { return }
    Unmanaged<TCPListener>.fromOpaque(data).takeUnretainedValue().acceptOne(status: status)
}
