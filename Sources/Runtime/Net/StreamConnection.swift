// A connected byte stream (TCP or Unix socket) on one loop: reads as chunks, queued writes,
// back-pressure.
import CLibUV
import Glibc

/// Receives a connection's events, always on the connection's loop thread.
public protocol StreamHandler: AnyObject {
    /// Bytes arrived. The buffer is valid only during the call: copy what must outlive it.
    func received(_ bytes: UnsafeRawBufferPointer, on connection: StreamConnection)
    /// The connection ended: the peer closed (`error == nil`), an I/O error, or `close()`.
    /// Called exactly once; the connection is unusable afterwards.
    func closed(_ connection: StreamConnection, error: RuntimeError?)
}

/// Contract: every method must be called on `loop`'s thread (the handler callbacks are).
///
/// Back-pressure: when unsent output exceeds `highWaterMark` the connection stops reading
/// from its peer, and resumes once output drains below `lowWaterMark`, so a client that
/// sends without reading cannot make the node buffer without bound.
public final class StreamConnection: LoopResource, @unchecked Sendable {
    enum State { case idle, open, closed }

    public let loop: EventLoop
    /// The peer's address for TCP, or the socket path for Unix connections.
    public let peerDescription: String
    public var highWaterMark = 1 << 20
    public var lowWaterMark = 256 << 10
    /// Bytes handed to `write` that the kernel has not taken yet.
    public private(set) var queuedBytes = 0
    /// True while reading is stopped because of unsent output.
    public private(set) var isPausedForBackpressure = false
    /// Total bytes read from the peer, for diagnostics and tests.
    public private(set) var bytesReceived = 0
    public private(set) var bytesSent = 0

    private let handle: UnsafeMutablePointer<uv_stream_t>
    private var state = State.idle
    private var handler: (any StreamHandler)?
    private var readingWanted = false
    private var isReading = false
    private var closeWhenFlushed = false

    /// Takes ownership of an initialised stream handle of `loop` (tcp or pipe).
    init(loop: EventLoop, handle: UnsafeMutablePointer<uv_stream_t>, peerDescription: String) {
        self.loop = loop
        self.handle = handle
        self.peerDescription = peerDescription
        handle.pointee.data = Unmanaged.passRetained(self).toOpaque()
        loop.register(self)
    }

    public var isOpen: Bool { state == .open }

    /// The operating system's descriptor number, for CLIENT LIST's `fd=`; -1 once closed.
    public var fileDescriptor: Int32 {
        guard state != .closed else { return -1 }
        var descriptor: uv_os_fd_t = -1
        handle.withMemoryRebound(to: uv_handle_t.self, capacity: 1) { _ = uv_fileno($0, &descriptor) }
        return Int32(descriptor)
    }

    /// This end's address for TCP (`127.0.0.1:6379`), or nil when not a TCP socket.
    public var localDescription: String? {
        guard state != .closed, handle.pointee.type == UV_TCP else { return nil }
        return handle.withMemoryRebound(to: uv_tcp_t.self, capacity: 1) { tcp in
            SocketAddress.filled(by: { uv_tcp_getsockname(tcp, $0, $1) })?.description
        }
    }

    /// Attaches the handler and starts reading.
    public func start(handler: any StreamHandler) {
        loop.preconditionInLoop()
        guard state == .idle else { return }
        state = .open
        self.handler = handler
        readingWanted = !closeWhenFlushed
        updateReading()
    }

    /// Stops delivering reads until `resumeReading()`; writes continue.
    public func pauseReading() {
        readingWanted = false
        updateReading()
    }

    public func resumeReading() {
        readingWanted = true
        updateReading()
    }

    public func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { write($0) }
    }

    /// Sends what the kernel takes at once and queues the rest (copied). Allowed before
    /// `start`, so a listener can answer a connection it refuses.
    public func write(_ bytes: UnsafeRawBufferPointer) {
        guard state != .closed, let base = bytes.baseAddress, !bytes.isEmpty else { return }
        var offset = 0
        if queuedBytes == 0 {
            var buffer = uv_buf_init(UnsafeMutablePointer(mutating: base.assumingMemoryBound(to: CChar.self)), UInt32(clamping: bytes.count))
            let written = uv_try_write(handle, &buffer, 1)
            if written >= 0 {
                offset = Int(written)
                bytesSent += offset
                if offset == bytes.count { return }
            } else if written != UV_EAGAIN.rawValue {
                fail(RuntimeError(operation: "write to", target: peerDescription, code: written))
                return
            }
        }
        let remaining = UnsafeRawBufferPointer(rebasing: bytes[offset...])
        let pending = PendingWrite(copying: remaining)
        let request = UnsafeMutablePointer<uv_write_t>.allocate(capacity: 1)
        request.pointee.data = Unmanaged.passRetained(pending).toOpaque()
        var buffer = uv_buf_init(pending.storage.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(clamping: pending.storage.count))
        let status = uv_write(request, handle, &buffer, 1, streamWriteCompleted)
        guard status == 0 else {
            Unmanaged<PendingWrite>.fromOpaque(request.pointee.data).release()
            request.deallocate()
            fail(RuntimeError(operation: "write to", target: peerDescription, code: status))
            return
        }
        queuedBytes += pending.storage.count
        if queuedBytes > highWaterMark, !isPausedForBackpressure {
            isPausedForBackpressure = true
            updateReading()
        }
    }

    /// Closes once everything queued has been sent; reads stop now.
    public func closeAfterWrites() {
        guard state != .closed else { return }
        if queuedBytes == 0 {
            close()
        } else {
            closeWhenFlushed = true
            readingWanted = false
            updateReading()
        }
    }

    /// Closes now, dropping unsent output. The handler's `closed` is called with no error.
    public func close() {
        finish(error: nil)
    }

    func closeForShutdown() {
        finish(error: nil)
    }

    // MARK: callbacks from libuv

    func didRead(_ count: Int) {
        guard state == .open else { return }
        if count > 0 {
            bytesReceived += count
            handler?.received(UnsafeRawBufferPointer(start: loop.readBuffer.baseAddress, count: count), on: self)
        } else if count == Int(UV_EOF.rawValue) {
            finish(error: nil)
        } else if count < 0 {
            fail(RuntimeError(operation: "read from", target: peerDescription, code: Int32(clamping: count)))
        }
    }

    func didWrite(byteCount: Int, status: Int32) {
        queuedBytes -= byteCount
        guard state != .closed else { return }
        if status < 0 {
            fail(RuntimeError(operation: "write to", target: peerDescription, code: status))
            return
        }
        bytesSent += byteCount
        if closeWhenFlushed, queuedBytes == 0 {
            close()
            return
        }
        if isPausedForBackpressure, queuedBytes <= lowWaterMark {
            isPausedForBackpressure = false
            updateReading()
        }
    }

    // MARK: internals

    private func fail(_ error: RuntimeError) {
        finish(error: error)
    }

    private func finish(error: RuntimeError?) {
        guard state != .closed else { return }
        let wasStarted = state == .open
        state = .closed
        loop.unregister(self)
        if isReading {
            uv_read_stop(handle)
            isReading = false
        }
        uv_close(handlePointer(handle), closeHandleReleasingOwner)
        let handler = self.handler
        self.handler = nil
        if wasStarted { handler?.closed(self, error: error) }
    }

    private func updateReading() {
        let shouldRead = state == .open && readingWanted && !isPausedForBackpressure
        guard shouldRead != isReading else { return }
        if shouldRead {
            let status = uv_read_start(handle, streamAllocate, streamRead)
            if status == 0 {
                isReading = true
            } else {
                fail(RuntimeError(operation: "read from", target: peerDescription, code: status))
            }
        } else {
            uv_read_stop(handle)
            isReading = false
        }
    }
}

/// Output the kernel did not take at once, kept until libuv reports it written.
final class PendingWrite {
    let storage: UnsafeMutableRawBufferPointer

    init(copying bytes: UnsafeRawBufferPointer) {
        storage = .allocate(byteCount: bytes.count, alignment: 1)
        storage.copyMemory(from: bytes)
    }

    deinit {
        storage.deallocate()
    }
}

private func connectionOf(_ stream: UnsafeMutablePointer<uv_stream_t>?) -> StreamConnection? {
    guard let data = stream?.pointee.data else { return nil }
    return Unmanaged<StreamConnection>.fromOpaque(data).takeUnretainedValue()
}

private func streamAllocate(_ handle: UnsafeMutablePointer<uv_handle_t>?, _: Int, _ buffer: UnsafeMutablePointer<uv_buf_t>?) {
    guard let handle, let buffer, let loop = EventLoop.from(handle.pointee.loop) else { return }
    buffer.pointee = uv_buf_init(loop.readBuffer.baseAddress?.assumingMemoryBound(to: CChar.self), UInt32(clamping: loop.readBuffer.count))
}

private func streamRead(_ stream: UnsafeMutablePointer<uv_stream_t>?, _ count: Int, _: UnsafePointer<uv_buf_t>?) {
    connectionOf(stream)?.didRead(count)
}

private func streamWriteCompleted(_ request: UnsafeMutablePointer<uv_write_t>?, _ status: Int32) {
    guard let request else { return }
    let stream = request.pointee.handle
    let pending = request.pointee.data.map { Unmanaged<PendingWrite>.fromOpaque($0).takeRetainedValue() }
    request.deallocate()
    connectionOf(stream)?.didWrite(byteCount: pending?.storage.count ?? 0, status: status)
}
