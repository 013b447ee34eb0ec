// For children whose work is done by callbacks: wait until the supervisor asks them to stop.

/// Returns only by throwing `CancellationError` when the task is cancelled, which is how a
/// supervisor asks a child to stop (DESIGN §4); the child then releases what it holds.
public func waitForShutdownRequest() async throws {
    while true {
        try await Task.sleep(for: .seconds(3600))
    }
}
