// N event loops, each on its own thread for the life of the process.
import CLibUV
import Glibc
import Dispatch
import Synchronization

public final class EventLoopGroup: Sendable {
    public let loops: [EventLoop]
    private let threads: Mutex<[pthread_t]>
    private let nextIndex = Atomic<Int>(0)
    private let shutDown = Atomic<Bool>(false)

    /// Starts `count` loops (0 means one per core).
    public init(loopCount count: Int) throws(RuntimeError) {
        // A peer that hangs up must cost an EPIPE on that connection, never the process.
        signal(SIGPIPE, SIG_IGN)
        let resolved = count > 0 ? count : max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        var loops: [EventLoop] = []
        for index in 0..<resolved {
            loops.append(try EventLoop(index: index))
        }
        self.loops = loops
        var threads: [pthread_t] = []
        for loop in loops {
            if let failure = Self.startThread(for: loop, into: &threads) {
                for (started, thread) in zip(loops, threads) {
                    started.execute { started.beginShutdown() }
                    pthread_join(thread, nil)
                }
                throw failure
            }
        }
        self.threads = Mutex(threads)
    }

    private static func startThread(for loop: EventLoop, into threads: inout [pthread_t]) -> RuntimeError? {
        let started = LoopThreadStart(loop: loop)
        var thread: pthread_t = 0
        let box = Unmanaged.passRetained(started).toOpaque()
        let status = pthread_create(&thread, nil, eventLoopThreadMain, box)
        guard status == 0 else {
            Unmanaged<LoopThreadStart>.fromOpaque(box).release()
            return RuntimeError(operation: "start event loop thread", target: "\(loop.index)", code: -status)
        }
        started.waitUntilRunning()
        threads.append(thread)
        return nil
    }

    /// The loops in turn, for spreading work.
    public func next() -> EventLoop {
        let index = nextIndex.wrappingAdd(1, ordering: .relaxed).oldValue
        return loops[Int(UInt(bitPattern: index) % UInt(loops.count))]
    }

    /// Closes every handle on every loop, lets the loops end and joins their threads.
    /// Idempotent; must not be called from one of the group's own loop threads.
    public func shutdown() {
        guard !shutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
        precondition(!loops.contains { $0.inLoopThread }, "EventLoopGroup.shutdown called on one of its own loops")
        for loop in loops {
            loop.execute { loop.beginShutdown() }
        }
        let joined = threads.withLock { threads in
            let copy = threads
            threads.removeAll()
            return copy
        }
        for thread in joined {
            pthread_join(thread, nil)
        }
        for loop in loops { loop.releaseMemory() }
    }

    /// `shutdown()` from async code without blocking a cooperative thread.
    public func shutdownGracefully() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let finisher = ShutdownThread(group: self, continuation: continuation)
            finisher.start()
        }
    }
}

/// Hands the loop to its new thread and tells the creator once the loop knows its thread.
final class LoopThreadStart: @unchecked Sendable {
    let loop: EventLoop
    private let running = DispatchSemaphore(value: 0)

    init(loop: EventLoop) {
        self.loop = loop
    }

    func markRunning() {
        running.signal()
    }

    func waitUntilRunning() {
        running.wait()
    }
}

/// The loop thread's entry point; a global function because C calls it.
private func eventLoopThreadMain(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    let start = Unmanaged<LoopThreadStart>.fromOpaque(argument).takeRetainedValue()
    let loop = start.loop
    loop.setThreadAndRun(announce: start.markRunning)
    return nil
}

/// Runs a blocking shutdown on a plain thread and resumes the waiting task afterwards.
private final class ShutdownThread: @unchecked Sendable {
    let group: EventLoopGroup
    let continuation: CheckedContinuation<Void, Never>

    init(group: EventLoopGroup, continuation: CheckedContinuation<Void, Never>) {
        self.group = group
        self.continuation = continuation
    }

    func start() {
        var thread: pthread_t = 0
        let box = Unmanaged.passRetained(self).toOpaque()
        if pthread_create(&thread, nil, shutdownThreadMain, box) == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<ShutdownThread>.fromOpaque(box).release()
            group.shutdown()
            continuation.resume()
        }
    }
}

private func shutdownThreadMain(_ argument: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let argument else { return nil }
    let job = Unmanaged<ShutdownThread>.fromOpaque(argument).takeRetainedValue()
    job.group.shutdown()
    job.continuation.resume()
    return nil
}
