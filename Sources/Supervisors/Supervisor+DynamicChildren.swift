// Adding, restarting, terminating, deleting and crashing children of a running supervisor.

extension Supervisor {
    /// Starts a new child after the existing ones and returns its generation. A start error is
    /// returned (`startFailed`) rather than retried, and the spec is not kept (OTP's `start_child`).
    public nonisolated func startChild(_ spec: ChildSpec) async throws(SupervisorError) -> UInt64 {
        try await request { .startChild(spec, reply: $0) }
    }

    /// Starts again a child that is stopped (terminated, or a transient child that ended normally).
    public nonisolated func restartChild(_ id: String) async throws(SupervisorError) -> UInt64 {
        try await request { .restartChild(id: id, reply: $0) }
    }

    /// Stops a child by its shutdown policy without restarting it. Its spec is kept (and can be
    /// restarted or deleted) unless it is temporary. Terminating a stopped child does nothing.
    public nonisolated func terminateChild(_ id: String) async throws(SupervisorError) {
        try await request { .terminateChild(id: id, reply: $0) }
    }

    /// Forgets the spec of a stopped child.
    public nonisolated func deleteChild(_ id: String) async throws(SupervisorError) {
        try await request { .deleteChild(id: id, reply: $0) }
    }

    /// Makes the child at `path` (ids below this supervisor, e.g. `["store", "regions",
    /// "region-3", "raft"]` from the root) end as if it had crashed with `injected fault:
    /// <reason>`: its supervisor stops it by its shutdown policy and then handles its end as a
    /// crash. Returns once that supervisor has done so (restarted it, or given up). For
    /// `cairn admin debug crash`, and tests.
    public func crashChild(path childPath: [String], reason: String) async throws(SupervisorError) {
        guard let id = childPath.first else { throw .childNotFound(supervisor: path, child: "") }
        if childPath.count == 1 {
            try await request { .crashChild(id: id, reason: reason, reply: $0) }
            return
        }
        guard let record = children.first(where: { $0.id == id }) else {
            throw .childNotFound(supervisor: path, child: id)
        }
        guard let nested = record.run?.service as? Supervisor else { throw .notASupervisor(path: self.childPath(id)) }
        try await nested.crashChild(path: Array(childPath.dropFirst()), reason: reason)
    }

    /// Posts a request to the loop and waits for its answer.
    private nonisolated func request<Value: Sendable>(
        _ message: (@escaping Reply<Value>) -> SupervisorMessage
    ) async throws(SupervisorError) -> Value {
        let mailbox = mailbox
        let path = path
        let result: Result<Value, SupervisorError> = await withCheckedContinuation { continuation in
            let accepted = mailbox.post(message { continuation.resume(returning: $0) })
            if !accepted {
                continuation.resume(returning: .failure(.notRunning(supervisor: path)))
            }
        }
        return try result.get()
    }

    // MARK: - Handled by the loop

    func startDynamicChild(_ spec: ChildSpec) async -> Result<UInt64, SupervisorError> {
        if let problem = ChildSpec.problem(withID: spec.id) {
            return .failure(.invalidChildID(supervisor: path, child: spec.id, problem: problem))
        }
        if let index = index(of: spec.id) {
            return .failure(children[index].state == .stopped
                ? .alreadyPresent(supervisor: path, child: spec.id)
                : .alreadyStarted(supervisor: path, child: spec.id))
        }
        var record = ChildRecord(spec: spec)
        record.phase = .pending(restartReason: nil)
        children.append(record)
        do {
            return .success(try await start(id: spec.id, restartReason: nil))
        } catch {
            let reason = String(describing: error)
            reportStartError(id: spec.id, reason: reason)
            children.removeAll { $0.id == spec.id }
            return .failure(.startFailed(supervisor: path, child: spec.id, reason: reason))
        }
    }

    func restartStoppedChild(_ id: String) async -> Result<UInt64, SupervisorError> {
        guard let index = index(of: id) else { return .failure(.childNotFound(supervisor: path, child: id)) }
        switch children[index].phase {
        case .running, .stopping:
            return .failure(.alreadyStarted(supervisor: path, child: id))
        case .pending:
            return .failure(.childRestarting(supervisor: path, child: id))
        case .stopped:
            break
        }
        children[index].phase = .pending(restartReason: nil)
        do {
            return .success(try await start(id: id, restartReason: nil))
        } catch {
            let reason = String(describing: error)
            reportStartError(id: id, reason: reason)
            if let index = self.index(of: id) {
                children[index].phase = .stopped
            }
            return .failure(.startFailed(supervisor: path, child: id, reason: reason))
        }
    }

    func terminate(_ id: String) async -> Result<Void, SupervisorError> {
        guard let index = index(of: id) else { return .failure(.childNotFound(supervisor: path, child: id)) }
        switch children[index].phase {
        case .stopped:
            return .success(())
        case .running, .stopping:
            await stop(id)
        case .pending:
            children[index].phase = .stopped
            children[index].lastReason = "shutdown"
        }
        guard let index = self.index(of: id) else { return .success(()) }
        let record = children[index]
        if record.spec.restart == .temporary {
            children.remove(at: index)
        }
        notifyEndedForGood(id, generation: record.lastGeneration, restartType: record.spec.restart, reason: .shutdown)
        return .success(())
    }

    func delete(_ id: String) -> Result<Void, SupervisorError> {
        guard let index = index(of: id) else { return .failure(.childNotFound(supervisor: path, child: id)) }
        switch children[index].phase {
        case .running, .stopping:
            return .failure(.childRunning(supervisor: path, child: id))
        case .pending:
            return .failure(.childRestarting(supervisor: path, child: id))
        case .stopped:
            children.remove(at: index)
            return .success(())
        }
    }

    func injectCrash(_ id: String, reason: String) async -> Result<Void, SupervisorError> {
        guard let index = index(of: id) else { return .failure(.childNotFound(supervisor: path, child: id)) }
        guard let run = children[index].run else { return .failure(.childNotRunning(supervisor: path, child: id)) }
        // How the child itself ends once cancelled does not matter: the fault is the reason.
        await stop(id, reportingFailure: false)
        await childDidEnd(id: id, run: run, reason: .crashed("injected fault: \(reason)"), escalation: nil)
        return .success(())
    }
}
