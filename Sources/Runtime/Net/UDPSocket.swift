// UDP datagrams on a loop (SWIM membership uses them).
import CLibUV
import Glibc

/// Receives datagrams on the socket's loop thread.
public protocol DatagramHandler: AnyObject {
    /// The buffer is valid only during the call.
    func received(_ datagram: UnsafeRawBufferPointer, from sender: SocketAddress, on socket: UDPSocket)
}

/// Contract: `send` and `close` from the socket's loop thread, or through `loop.execute`.
public final class UDPSocket: LoopResource, @unchecked Sendable {
    public let loop: EventLoop
    public let boundAddress: SocketAddress
    private var handle: UnsafeMutablePointer<uv_udp_t>?
    private var handler: (any DatagramHandler)?

    private init(loop: EventLoop, boundAddress: SocketAddress, handle: UnsafeMutablePointer<uv_udp_t>) {
        self.loop = loop
        self.boundAddress = boundAddress
        self.handle = handle
    }

    public static func bind(
        _ address: SocketAddress,
        on loop: EventLoop,
        makeHandler: @escaping @Sendable (UDPSocket) -> any DatagramHandler
    ) async throws -> UDPSocket {
        try await loop.submit { try bindOnLoop(address, on: loop, makeHandler: makeHandler) }
    }

    static func bindOnLoop(_ address: SocketAddress, on loop: EventLoop,
                           makeHandler: @escaping @Sendable (UDPSocket) -> any DatagramHandler) throws(RuntimeError) -> UDPSocket {
        loop.preconditionInLoop()
        let handle = UnsafeMutablePointer<uv_udp_t>.allocate(capacity: 1)
        uv_udp_init(loop.uvLoop, handle)
        handle.pointee.data = nil
        func abandon(_ status: Int32, _ operation: String) -> RuntimeError {
            uv_close(handlePointer(handle), closeHandleReleasingOwner)
            return RuntimeError(operation: operation, target: address.description, code: status)
        }
        let status = address.withSockaddr { uv_udp_bind(handle, $0, 0) }
        if status != 0 { throw abandon(status, "bind UDP") }
        guard let bound = SocketAddress.filled(by: { uv_udp_getsockname(handle, $0, $1) }) else { throw abandon(UV_EINVAL.rawValue, "read bound address of") }
        let socket = UDPSocket(loop: loop, boundAddress: bound, handle: handle)
        handle.pointee.data = Unmanaged.passRetained(socket).toOpaque()
        loop.register(socket)
        socket.handler = makeHandler(socket)
        let receiving = uv_udp_recv_start(handle, udpAllocate, udpReceived)
        if receiving != 0 {
            socket.closeForShutdown()
            throw RuntimeError(operation: "receive on", target: bound.description, code: receiving)
        }
        return socket
    }

    /// Sends one datagram; returns false if the kernel refused it (UDP may drop anyway).
    @discardableResult
    public func send(_ bytes: UnsafeRawBufferPointer, to address: SocketAddress) -> Bool {
        loop.preconditionInLoop()
        guard let handle, let base = bytes.baseAddress else { return false }
        var buffer = uv_buf_init(UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self)), UInt32(clamping: bytes.count))
        let sent = address.withSockaddr { uv_udp_try_send(handle, &buffer, 1, $0) }
        return sent == Int32(clamping: bytes.count)
    }

    @discardableResult
    public func send(_ bytes: [UInt8], to address: SocketAddress) -> Bool {
        bytes.withUnsafeBytes { send($0, to: address) }
    }

    public func close() async {
        _ = try? await loop.submit { self.closeForShutdown() }
    }

    func closeForShutdown() {
        guard let handle else { return }
        self.handle = nil
        handler = nil
        loop.unregister(self)
        uv_udp_recv_stop(handle)
        uv_close(handlePointer(handle), closeHandleReleasingOwner)
    }

    func didReceive(_ count: Int, from sender: UnsafePointer<sockaddr>?) {
        guard count > 0, let sender, let address = SocketAddress(raw: sender) else { return }
        handler?.received(UnsafeRawBufferPointer(start: loop.readBuffer.baseAddress, count: count), from: address, on: self)
    }
}

private func udpAllocate(_ handle: UnsafeMutablePointer<uv_handle_t>?, _: Int, _ buffer: UnsafeMutablePointer<uv_buf_t>?) {
    guard let handle, let buffer, let loop = EventLoop.from(handle.pointee.loop) else { return }
    buffer.pointee = uv_buf_init(loop.readBuffer.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(clamping: loop.readBuffer.count))
}

private func udpReceived(_ handle: UnsafeMutablePointer<uv_udp_t>?, _ count: Int, _: UnsafePointer<uv_buf_t>?,
                         _ sender: UnsafePointer<sockaddr>?, _: UInt32) {
    guard let data = handle?.pointee.data else { return }
    Unmanaged<UDPSocket>.fromOpaque(data).takeUnretainedValue().didReceive(count, from: sender)
}
