// Timers on an event loop (libuv uv_timer), with callbacks on the loop's thread.
import CLibUV
import Synchronization

extension EventLoop: TimerScheduler {
    /// Safe from any thread; the callback always runs on this loop's thread.
    @discardableResult
    public func scheduleTimer(
        after delay: Duration,
        repeating interval: Duration?,
        _ body: @escaping @Sendable () -> Void
    ) -> any ScheduledTimer {
        let timer = LoopTimer(loop: self, body: body)
        let delayMs = delay.millisecondsRoundedUp
        let repeatMs = interval.map { max(1, $0.millisecondsRoundedUp) } ?? 0
        if inLoopThread {
            timer.start(delayMs: delayMs, repeatMs: repeatMs)
        } else {
            execute { timer.start(delayMs: delayMs, repeatMs: repeatMs) }
        }
        return timer
    }
}

final class LoopTimer: ScheduledTimer, LoopResource, @unchecked Sendable {
    private let loop: EventLoop
    private let body: @Sendable () -> Void
    private var handle: UnsafeMutablePointer<uv_timer_t>?
    private let cancelled = Atomic<Bool>(false)
    private var repeats = false

    init(loop: EventLoop, body: @escaping @Sendable () -> Void) {
        self.loop = loop
        self.body = body
    }

    func start(delayMs: UInt64, repeatMs: UInt64) {
        guard !cancelled.load(ordering: .acquiring) else { return }
        let handle = UnsafeMutablePointer<uv_timer_t>.allocate(capacity: 1)
        uv_timer_init(loop.uvLoop, handle)
        // The handle keeps its owner alive until the close callback releases it.
        handle.pointee.data = Unmanaged.passRetained(self).toOpaque()
        self.handle = handle
        repeats = repeatMs > 0
        loop.register(self)
        uv_timer_start(handle, loopTimerFired, delayMs, repeatMs)
    }

    func fire() {
        guard !cancelled.load(ordering: .acquiring) else { return }
        if !repeats { closeHandle() }
        body()
    }

    func cancel() {
        cancelled.store(true, ordering: .releasing)
        if loop.inLoopThread {
            closeHandle()
        } else {
            loop.execute { self.closeHandle() }
        }
    }

    func closeForShutdown() {
        cancelled.store(true, ordering: .releasing)
        closeHandle()
    }

    private func closeHandle() {
        guard let handle else { return }
        self.handle = nil
        loop.unregister(self)
        uv_timer_stop(handle)
        uv_close(handlePointer(handle), closeHandleReleasingOwner)
    }
}

private func loopTimerFired(_ handle: UnsafeMutablePointer<uv_timer_t>?) {
    guard let data = handle?.pointee.data else { return }
    Unmanaged<LoopTimer>.fromOpaque(data).takeUnretainedValue().fire()
}

/// Close callback for handles whose `data` holds a retained owner: releases it and frees the handle.
func closeHandleReleasingOwner(_ handle: UnsafeMutablePointer<uv_handle_t>?) {
    guard let handle else { return }
    if let data = handle.pointee.data {
        Unmanaged<AnyObject>.fromOpaque(data).release()
    }
    UnsafeMutableRawPointer(handle).deallocate()
}
