// Errors from libuv and the OS, carrying the operation and address so a user can act on them.
import CLibUV

public struct RuntimeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What was attempted, e.g. "bind", "listen", "connect".
    public let operation: String
    /// The address or path involved, when there is one.
    public let target: String?
    /// The libuv error code (negative errno on Unix), or 0 for errors that are not libuv's.
    public let code: Int32
    /// A human explanation when `code` is 0.
    public let detail: String?

    public init(operation: String, target: String?, code: Int32) {
        self.operation = operation
        self.target = target
        self.code = code
        self.detail = nil
    }

    public init(operation: String, target: String?, detail: String) {
        self.operation = operation
        self.target = target
        self.code = 0
        self.detail = detail
    }

    /// The symbolic name of the error, e.g. `EADDRINUSE`.
    public var codeName: String {
        guard code != 0 else { return "" }
        return String(cString: uv_err_name(code))
    }

    public var description: String {
        let subject = target.map { "\(operation) \($0)" } ?? operation
        if code == 0 {
            return "cannot \(subject): \(detail ?? "failed")"
        }
        return "cannot \(subject): \(String(cString: uv_strerror(code))) (\(codeName))"
    }

    public static let addressInUse = UV_EADDRINUSE.rawValue
}

/// Turns a libuv status into a thrown `RuntimeError`.
@inline(__always)
func uvCheck(_ status: Int32, _ operation: String, _ target: String? = nil) throws(RuntimeError) {
    if status < 0 { throw RuntimeError(operation: operation, target: target, code: status) }
}
