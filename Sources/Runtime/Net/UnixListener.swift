// A Unix-domain socket listener (the admin socket): mode 0600, path length checked.
import CLibUV
import Glibc

/// Listens on a filesystem path. Connections live on the listener's loop.
public final class UnixListener: LoopResource, @unchecked Sendable {
    /// sun_path is 108 bytes including the terminating NUL; libuv silently truncates longer paths.
    public static let maximumPathLength = 107

    public let path: String
    public let loop: EventLoop
    private let makeHandler: ConnectionHandlerFactory
    private var handle: UnsafeMutablePointer<uv_pipe_t>?

    private init(path: String, loop: EventLoop, handle: UnsafeMutablePointer<uv_pipe_t>, makeHandler: @escaping ConnectionHandlerFactory) {
        self.path = path
        self.loop = loop
        self.handle = handle
        self.makeHandler = makeHandler
    }

    /// Binds `path` with file mode `mode` (set before listening, so no client can connect
    /// through looser permissions). A stale socket file at `path` is replaced; any other
    /// kind of file there is an error.
    public static func listen(
        at path: String,
        mode: UInt32 = 0o600,
        on loop: EventLoop,
        backlog: Int32 = 64,
        makeHandler: @escaping ConnectionHandlerFactory
    ) async throws -> UnixListener {
        guard path.utf8.count <= maximumPathLength else {
            throw RuntimeError(operation: "bind", target: path,
                               detail: "a Unix socket path may be at most \(maximumPathLength) bytes, this one is \(path.utf8.count)")
        }
        guard !path.isEmpty else {
            throw RuntimeError(operation: "bind", target: "\"\"", detail: "the Unix socket path is empty")
        }
        try removeStaleSocket(at: path)
        return try await loop.submit {
            let handle = UnsafeMutablePointer<uv_pipe_t>.allocate(capacity: 1)
            uv_pipe_init(loop.uvLoop, handle, 0)
            handle.pointee.data = nil
            func abandon(_ error: RuntimeError) -> RuntimeError {
                uv_close(handlePointer(handle), closeHandleReleasingOwner)
                return error
            }
            var status = uv_pipe_bind(handle, path)
            if status != 0 { throw abandon(RuntimeError(operation: "bind", target: path, code: status)) }
            if chmod(path, mode_t(mode)) != 0 {
                let code = errno
                unlink(path)
                throw abandon(RuntimeError(operation: "set permissions of", target: path, code: -code))
            }
            status = uv_listen(UnsafeMutableRawPointer(handle).assumingMemoryBound(to: uv_stream_t.self), backlog, unixListenerConnection)
            if status != 0 {
                unlink(path)
                throw abandon(RuntimeError(operation: "listen on", target: path, code: status))
            }
            let listener = UnixListener(path: path, loop: loop, handle: handle, makeHandler: makeHandler)
            handle.pointee.data = Unmanaged.passRetained(listener).toOpaque()
            loop.register(listener)
            return listener
        }
    }

    private static func removeStaleSocket(at path: String) throws(RuntimeError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFSOCK else {
            throw RuntimeError(operation: "bind", target: path, detail: "a file that is not a socket is in the way")
        }
        if unlink(path) != 0 {
            throw RuntimeError(operation: "remove stale socket", target: path, code: -errno)
        }
    }

    /// Stops listening and removes the socket file; open connections stay.
    public func close() async {
        _ = try? await loop.submit { self.closeForShutdown() }
    }

    func closeForShutdown() {
        guard let handle else { return }
        self.handle = nil
        loop.unregister(self)
        // libuv unlinks the socket file when it closes a bound pipe.
        uv_close(handlePointer(handle), closeHandleReleasingOwner)
    }

    func acceptOne(status: Int32) {
        guard status == 0, let handle else { return }
        let client = UnsafeMutablePointer<uv_pipe_t>.allocate(capacity: 1)
        uv_pipe_init(loop.uvLoop, client, 0)
        client.pointee.data = nil
        let server = UnsafeMutableRawPointer(handle).assumingMemoryBound(to: uv_stream_t.self)
        let stream = UnsafeMutableRawPointer(client).assumingMemoryBound(to: uv_stream_t.self)
        guard uv_accept(server, stream) == 0 else {
            uv_close(handlePointer(client), closeHandleReleasingOwner)
            return
        }
        let connection = StreamConnection(loop: loop, handle: stream, peerDescription: path)
        if let handler = makeHandler(connection) {
            connection.start(handler: handler)
        } else {
            connection.close()
        }
    }
}

private func unixListenerConnection(_ server: UnsafeMutablePointer<uv_stream_t>?, _ status: Int32) {
    guard let data = server?.pointee.data else { return }
    Unmanaged<UnixListener>.fromOpaque(data).takeUnretainedValue().acceptOne(status: status)
}
