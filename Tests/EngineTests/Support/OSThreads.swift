// Runs test bodies on separate OS threads, because the engine contract is about threads.

import Foundation

/// Runs `body(0)` … `body(count - 1)` each on its own thread and returns when all have
/// finished. Real threads rather than tasks: engines are called from loop and commit threads,
/// and the cooperative pool here has only two threads, too few to interleave several writers.
/// Expectations cannot be recorded from these threads (they are outside the test's task), so
/// bodies collect what they saw and the test checks it afterwards.
func runOnThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) async {
    let group = DispatchGroup()
    for number in 0..<count {
        group.enter()
        let thread = Thread {
            body(number)
            group.leave()
        }
        thread.start()
    }
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        group.notify(queue: .global()) { continuation.resume() }
    }
}
