// One libuv loop on its own thread, usable as a Swift SerialExecutor and TaskExecutor.
import CLibUV
import Glibc
import Synchronization

/// A libuv loop running on a dedicated thread for the life of the process.
///
/// Contract: everything that touches a libuv handle of this loop runs on `thread`.
/// Work enters from any thread through `execute(_:)` or the executor `enqueue`; from other
/// threads it is handed over with `uv_async_send`, and from the loop thread itself an idle
/// handle is armed so the loop never sleeps in poll while work is queued.
public final class EventLoop: @unchecked Sendable {
    enum Work {
        case job(UnownedJob)
        case closure(@Sendable () -> Void)
    }

    public let index: Int
    let uvLoop: UnsafeMutablePointer<uv_loop_t>
    private let wakeHandle: UnsafeMutablePointer<uv_async_t>
    private let checkHandle: UnsafeMutablePointer<uv_check_t>
    private let idleHandle: UnsafeMutablePointer<uv_idle_t>
    /// Pending work, and whether the loop still takes work: once shutdown closes the wake-up
    /// handle, nobody may touch it, so the flag and `uv_async_send` share this lock.
    private let queue = Mutex<(work: [Work], accepting: Bool)>(([], true))
    /// An empty buffer with capacity, swapped with the queue on each drain so draining allocates
    /// nothing in steady state. A nested drain (shutdown runs one from inside a job) finds it
    /// taken and uses a fresh array, so no batch is ever run twice.
    private var spareBuffer: [Work] = []
    private var idleArmed = false
    /// Set on the loop thread when shutdown closes the loop's own handles; never re-arm them after.
    private var ownHandlesClosed = false
    private var resources: [ObjectIdentifier: any LoopResource] = [:]
    /// Set once by the loop thread before any work can run; read-only afterwards.
    nonisolated(unsafe) private var threadID: pthread_t = 0
    private let stopped = Atomic<Bool>(false)
    /// Scratch space for reads: libuv calls alloc and read back to back for one stream,
    /// and readers copy out inside the callback, so one buffer per loop suffices.
    let readBuffer: UnsafeMutableRawBufferPointer

    init(index: Int) throws(RuntimeError) {
        self.index = index
        uvLoop = .allocate(capacity: 1)
        wakeHandle = .allocate(capacity: 1)
        checkHandle = .allocate(capacity: 1)
        idleHandle = .allocate(capacity: 1)
        readBuffer = .allocate(byteCount: 64 * 1024, alignment: 16)
        let status = uv_loop_init(uvLoop)
        guard status == 0 else {
            uvLoop.deallocate()
            wakeHandle.deallocate()
            checkHandle.deallocate()
            idleHandle.deallocate()
            readBuffer.deallocate()
            throw RuntimeError(operation: "initialise event loop", target: "\(index)", code: status)
        }
        let opaque = Unmanaged.passUnretained(self).toOpaque()
        uvLoop.pointee.data = opaque
        uv_async_init(uvLoop, wakeHandle, eventLoopWakeCallback)
        wakeHandle.pointee.data = opaque
        uv_check_init(uvLoop, checkHandle)
        checkHandle.pointee.data = opaque
        uv_check_start(checkHandle, eventLoopCheckCallback)
        // The check handle alone must not keep the loop alive at shutdown.
        uv_unref(UnsafeMutableRawPointer(checkHandle).assumingMemoryBound(to: uv_handle_t.self))
        uv_idle_init(uvLoop, idleHandle)
        idleHandle.pointee.data = opaque
    }

    static func from(_ loop: UnsafeMutablePointer<uv_loop_t>?) -> EventLoop? {
        guard let data = loop?.pointee.data else { return nil }
        return Unmanaged<EventLoop>.fromOpaque(data).takeUnretainedValue()
    }

    /// True when called on this loop's thread.
    public var inLoopThread: Bool {
        threadID != 0 && pthread_equal(pthread_self(), threadID) != 0
    }

    /// Traps with a message naming the loop when called off its thread (a programmer error).
    public func preconditionInLoop(file: StaticString = #fileID, line: UInt = #line) {
        precondition(inLoopThread, "must run on event loop \(index), not on another thread", file: file, line: line)
    }

    /// Runs `body` on the loop thread, soon. Safe from any thread.
    public func execute(_ body: @escaping @Sendable () -> Void) {
        submit(.closure(body))
    }

    /// Runs `body` on the loop thread and returns its result to the caller.
    public func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        if stopped.load(ordering: .acquiring) {
            throw RuntimeError(operation: "run on event loop", target: "\(index)", detail: "the loop has stopped")
        }
        return try await withCheckedThrowingContinuation { continuation in
            execute { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Work submitted after shutdown closed the loop is dropped: there is no thread to run it.
    func submit(_ work: Work) {
        let onLoop = inLoopThread
        let wakeHandle = self.wakeHandle
        let accepted = queue.withLock { queue -> Bool in
            guard queue.accepting else { return false }
            queue.work.append(work)
            if !onLoop { uv_async_send(wakeHandle) }
            return true
        }
        if accepted, onLoop { armIdle() }
    }

    private func armIdle() {
        guard !idleArmed, !ownHandlesClosed else { return }
        idleArmed = true
        uv_idle_start(idleHandle, eventLoopIdleCallback)
    }

    /// Runs what was queued before this call; work queued meanwhile keeps the idle handle armed.
    func drain() {
        var batch = spareBuffer
        spareBuffer = []
        queue.withLock { swap(&$0.work, &batch) }
        for work in batch {
            switch work {
            case .job(let job):
                job.runSynchronously(isolatedTo: asUnownedSerialExecutor(), taskExecutor: asUnownedTaskExecutor())
            case .closure(let body):
                body()
            }
        }
        batch.removeAll(keepingCapacity: true)
        spareBuffer = batch
        let pending = queue.withLock { !$0.work.isEmpty }
        if pending {
            armIdle()
        } else if idleArmed, !ownHandlesClosed {
            idleArmed = false
            uv_idle_stop(idleHandle)
        }
    }

    // MARK: resources

    func register(_ resource: any LoopResource) {
        resources[ObjectIdentifier(resource)] = resource
    }

    func unregister(_ resource: any LoopResource) {
        resources[ObjectIdentifier(resource)] = nil
    }

    // MARK: thread body and shutdown

    /// The thread body: records the thread, tells the creator, and runs until shutdown.
    func setThreadAndRun(announce: () -> Void) {
        threadID = pthread_self()
        announce()
        uv_run(uvLoop, UV_RUN_DEFAULT)
        // Work that raced with shutdown: closures are dropped, jobs cannot be run any more.
        uv_loop_close(uvLoop)
    }

    /// Called on the loop thread: closes every registered handle, then the loop's own.
    func beginShutdown() {
        stopped.store(true, ordering: .releasing)
        let open = Array(resources.values)
        resources.removeAll()
        for resource in open { resource.closeForShutdown() }
        drain()
        queue.withLock { $0.accepting = false }
        // What was queued before the door closed still runs; what it queues is dropped.
        drain()
        ownHandlesClosed = true
        for handle in [handlePointer(wakeHandle), handlePointer(checkHandle), handlePointer(idleHandle)] {
            if uv_is_closing(handle) == 0 { uv_close(handle, nil) }
        }
        // Anything a careless owner left open is closed too, so the loop can end.
        uv_walk(uvLoop, eventLoopCloseStray, nil)
    }

    func releaseMemory() {
        uvLoop.deallocate()
        wakeHandle.deallocate()
        checkHandle.deallocate()
        idleHandle.deallocate()
        readBuffer.deallocate()
    }
}

func handlePointer<T>(_ pointer: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<uv_handle_t> {
    UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: uv_handle_t.self)
}

private func eventLoopOf<T>(_ handle: UnsafeMutablePointer<T>?) -> EventLoop? {
    guard let handle else { return nil }
    return EventLoop.from(handlePointer(handle).pointee.loop)
}

private func eventLoopWakeCallback(_ handle: UnsafeMutablePointer<uv_async_t>?) {
    eventLoopOf(handle)?.drain()
}

private func eventLoopCheckCallback(_ handle: UnsafeMutablePointer<uv_check_t>?) {
    eventLoopOf(handle)?.drain()
}

private func eventLoopIdleCallback(_ handle: UnsafeMutablePointer<uv_idle_t>?) {
    eventLoopOf(handle)?.drain()
}

private func eventLoopCloseStray(_ handle: UnsafeMutablePointer<uv_handle_t>?, _: UnsafeMutableRawPointer?) {
    guard let handle, uv_is_closing(handle) == 0 else { return }
    uv_close(handle, nil)
}
