// A libuv handle owner registered with its loop, so shutdown can close everything still open.

/// Implemented by objects that own libuv handles. Called on the owning loop's thread only.
protocol LoopResource: AnyObject {
    /// Close every handle this object owns. Must be idempotent.
    func closeForShutdown()
}
