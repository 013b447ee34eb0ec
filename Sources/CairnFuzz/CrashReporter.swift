// When an input crashes the process, say which one before the usual crash report.
import Glibc
import Synchronization

enum CrashReporter {
    /// The index of the input running now; read by the signal handler and the watchdog.
    static let currentInput = Atomic<Int>(-1)

    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE]

    /// Installs a handler for the signals a Swift trap or a memory fault raises; it writes one
    /// line and then hands the signal to whoever handled it before (the Swift backtracer).
    static func install(seed: UInt64) {
        crashSeed = seed
        previousActions = .allocate(capacity: 65)
        previousActions.initialize(repeating: sigaction(), count: 65)
        for number in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = reportCrash
            action.sa_flags = SA_SIGINFO
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, previousActions + Int(number))
        }
    }
}

// Written once before any handler runs, then only read by it.
nonisolated(unsafe) private var crashSeed: UInt64 = 0
nonisolated(unsafe) private var previousActions: UnsafeMutablePointer<sigaction> = .allocate(capacity: 1)

/// Async-signal-safe: formats with its own digits into a stack buffer and calls only write(2),
/// sigaction(2) and raise(3).
private func reportCrash(_ number: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    let index = CrashReporter.currentInput.load(ordering: .relaxed)
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { buffer in
        var length = 0
        func put(_ text: StaticString) {
            text.withUTF8Buffer { for byte in $0 where length < buffer.count { buffer[length] = byte; length += 1 } }
        }
        func put(_ value: UInt64) {
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                         UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = value
            withUnsafeMutableBytes(of: &digits) { digitBytes in
                repeat {
                    digitBytes[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    count += 1
                } while rest > 0
                while count > 0, length < buffer.count {
                    count -= 1
                    buffer[length] = digitBytes[count]
                    length += 1
                }
            }
        }
        put("\ncairn-fuzz: signal ")
        put(UInt64(number))
        put(" while running input #")
        put(UInt64(max(index, 0)))
        put(" of seed ")
        put(crashSeed)
        put("; replay: cairn-fuzz --seed ")
        put(crashSeed)
        put(" --start ")
        put(UInt64(max(index, 0)))
        put(" --iterations 1 --print-inputs\n")
        _ = write(2, buffer.baseAddress, length)
    }
    let previous = previousActions + Int(number)
    if previous.pointee.sa_flags & SA_SIGINFO != 0, let handler = previous.pointee.__sigaction_handler.sa_sigaction {
        handler(number, info, context)
    } else {
        sigaction(number, previous, nil)
        raise(number)
    }
}
