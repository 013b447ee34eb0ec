// A well-behaved client that keeps a node busy while a test misbehaves around it.
import Foundation
import Synchronization
import TestSupport

/// A well-behaved client on its own thread: SET, GET and MGET in a loop until stopped, counting
/// right and wrong replies.
final class Bystander: Sendable {
    private let port: Int
    private let stopping = Atomic<Bool>(false)
    private let results = Mutex<(correct: Int, wrong: [String])>((0, []))
    private let finished = DispatchSemaphore(value: 0)

    init(port: Int) {
        self.port = port
    }

    func start() {
        Thread { [self] in
            defer { finished.signal() }
            guard let client = RESPTestClient(port: port) else {
                results.withLock { $0.wrong.append("could not connect") }
                return
            }
            var round = 0
            while !stopping.load(ordering: .relaxed) {
                let value = "value-\(round)"
                let exchanges: [([String], String)] = [
                    (["SET", "bystander", value], "+OK\r\n"),
                    (["GET", "bystander"], "$\(value.utf8.count)\r\n\(value)\r\n"),
                    (["MGET", "bystander", "bystander:none"], "*2\r\n$\(value.utf8.count)\r\n\(value)\r\n$-1\r\n"),
                ]
                for (command, expected) in exchanges {
                    let reply = client.command(command).map { String(decoding: $0, as: UTF8.self) }
                    if reply == expected {
                        results.withLock { $0.correct += 1 }
                    } else {
                        results.withLock { $0.wrong.append("\(command) → \(reply ?? "no reply")") }
                        return
                    }
                }
                round += 1
            }
        }.start()
    }

    /// Correct replies so far.
    var correctCount: Int { results.withLock { $0.correct } }

    /// Stops the loop and returns what it saw.
    func stop() async -> (correct: Int, wrong: [String]) {
        stopping.store(true, ordering: .relaxed)
        await BlockingTask { [finished] in finished.wait() }.value
        return results.withLock { $0 }
    }
}
