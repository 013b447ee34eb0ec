// The loop as a Swift executor: actors pinned to it and tasks preferring it run on its thread.

extension EventLoop: SerialExecutor, TaskExecutor {
    public func enqueue(_ job: consuming ExecutorJob) {
        submit(.job(UnownedJob(job)))
    }

    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    public func asUnownedTaskExecutor() -> UnownedTaskExecutor {
        UnownedTaskExecutor(ordinary: self)
    }

    public func checkIsolated() {
        precondition(inLoopThread, "expected to be isolated to event loop \(index)")
    }

    public func isIsolatingCurrentContext() -> Bool? {
        inLoopThread
    }
}

/// An actor whose jobs all run on one event loop's thread, so it may touch that loop's handles.
public protocol LoopPinned: Actor {
    nonisolated var loop: EventLoop { get }
}

extension LoopPinned {
    public nonisolated var unownedExecutor: UnownedSerialExecutor {
        loop.asUnownedSerialExecutor()
    }
}
