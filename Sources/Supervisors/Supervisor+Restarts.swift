// How a supervisor reacts to a child's end: report it, count the restart, apply the strategy, start again.

import Runtime

extension Supervisor {
    /// A child's run ended on its own (a stale generation — a run the supervisor already stopped — is ignored).
    func childEnded(id: String, generation: UInt64) async {
        guard let index = index(of: id), let run = children[index].run, run.generation == generation,
              let outcome = run.completion.outcome
        else { return }
        switch outcome {
        case .returned:
            await childDidEnd(id: id, run: run, reason: .normal, escalation: nil)
        case .threw(let gaveUp as SupervisorGaveUp):
            await childDidEnd(id: id, run: run, reason: .crashed(gaveUp.description), escalation: gaveUp)
        case .threw(let error):
            // Nobody asked this child to stop, so even a CancellationError is a crash.
            await childDidEnd(id: id, run: run, reason: .crashed(String(describing: error)), escalation: nil)
        }
    }

    /// OTP's `do_restart`: report the end, then restart or let the child go by its restart type.
    func childDidEnd(id: String, run: ChildRun, reason: ChildExitReason, escalation: SupervisorGaveUp?) async {
        guard let index = index(of: id) else { return }
        let now = environment.timeSource.now()
        children[index].phase = .stopped
        children[index].lastReason = reason.description
        if let backoff = children[index].spec.backoff, now.duration(since: run.startedAt) >= backoff.maximum {
            children[index].backoffAttempt = 0
        }
        let restartType = children[index].spec.restart
        let crashed = reason != .normal
        if let escalation {
            log.emit(.escalated, child: id, reason: escalation.description, restartType: restartType,
                     restarts: intensity.restartsInWindow(at: now))
        } else if crashed || restartType == .permanent {
            // As OTP, a normal end is reported only where it leads to a restart.
            log.emit(.childTerminated, child: id, reason: reason.description, restartType: restartType,
                     restarts: intensity.restartsInWindow(at: now))
        }
        let restarts = switch restartType {
        case .permanent: true
        case .transient: crashed
        case .temporary: false
        }
        guard restarts else {
            if restartType == .temporary {
                children.remove(at: index)
            }
            notifyEndedForGood(id, generation: run.generation, restartType: restartType, reason: reason)
            return
        }
        await restart(id: id, reason: reason.description, escalation: escalation, batch: [])
    }

    /// OTP's `restart`: count the restart (or give up), stop the siblings the strategy takes down
    /// in reverse start order, then start them all in start order, after the backoff if any.
    /// `batch` holds children that were waiting to start behind `id` when its start failed.
    func restart(id: String, reason: String, escalation: SupervisorGaveUp?, batch: [String]) async {
        let now = environment.timeSource.now()
        guard intensity.recordRestart(at: now) else {
            giveUp(child: id, reason: reason, escalation: escalation)
            return
        }
        guard let index = index(of: id) else { return }
        let affected = affectedIDs(restarting: index, batch: batch)
        for siblingID in affected.reversed() where siblingID != id {
            await takeDown(siblingID, restartingWith: id, reason: reason)
        }
        guard let index = self.index(of: id) else { return }
        children[index].phase = .pending(restartReason: reason)
        let delay = nextBackoffDelay(index)
        let starting = affected.filter { self.index(of: $0) != nil }
        guard delay > .zero else {
            await startPending(ids: starting)
            return
        }
        let mailbox = mailbox
        backoffTimers[id]?.cancel()
        backoffTimers[id] = environment.timers.scheduleTimer(after: delay, repeating: nil) {
            mailbox.post(.startPending(ids: starting))
        }
    }

    /// Children restarted with the one at `index`, in start order.
    private func affectedIDs(restarting index: Int, batch: [String]) -> [String] {
        var affected: Set<String> = switch strategy {
        case .oneForOne: [children[index].id]
        case .oneForAll: Set(children.map(\.id))
        case .restForOne: Set(children[index...].map(\.id))
        }
        affected.formUnion(batch)
        return children.map(\.id).filter(affected.contains)
    }

    /// Stops a sibling for a restart of `failedID`. As in OTP, a temporary sibling that was
    /// running is not restarted but removed; every other sibling — stopped ones too — is
    /// started again with the failed child. One already waiting to start keeps its place and
    /// reason (a child never started yet still logs `child_started` when it starts).
    private func takeDown(_ id: String, restartingWith failedID: String, reason: String) async {
        guard let index = index(of: id), !children[index].isPending else { return }
        let wasRunning = children[index].run != nil
        await stop(id)
        guard let index = self.index(of: id) else { return }
        let record = children[index]
        if wasRunning, record.spec.restart == .temporary {
            children.remove(at: index)
            notifyEndedForGood(id, generation: record.lastGeneration, restartType: .temporary, reason: .shutdown)
            return
        }
        children[index].phase = .pending(restartReason: "restarted with sibling '\(failedID)': \(reason)")
    }

    private func nextBackoffDelay(_ index: Int) -> Duration {
        guard let backoff = children[index].spec.backoff else { return .zero }
        let delay = backoff.delay(attempt: children[index].backoffAttempt)
        children[index].backoffAttempt += 1
        return delay
    }

    /// The intensity is exceeded: log it and leave the loop, which stops every child and throws.
    private func giveUp(child id: String, reason: String, escalation: SupervisorGaveUp?) {
        let restarts = intensity.restarts.count
        let restartType = index(of: id).map { children[$0].spec.restart }
        log.emit(.restartIntensityExceeded, child: id, reason: reason, restartType: restartType, restarts: restarts)
        stopCause = .gaveUp(SupervisorGaveUp(
            supervisor: path, child: id, reason: reason, escalatedFrom: escalation, intensity: intensity.intensity,
            period: intensity.period, restarts: restarts))
    }

    /// Starts, in start order, those of `ids` still waiting to start. A start error stops the
    /// row and posts a retry for the child that failed, carrying the rest of the row with it.
    func startPending(ids: [String]) async {
        let wanted = Set(ids)
        let row = children.map(\.id).filter(wanted.contains)
        for (position, id) in row.enumerated() {
            guard stopCause == nil, !mailbox.isShutdownRequested else { return }
            guard let index = index(of: id), case .pending(let restartReason) = children[index].phase else { continue }
            do {
                try await start(id: id, restartReason: restartReason)
            } catch {
                let reason = String(describing: error)
                reportStartError(id: id, reason: reason)
                mailbox.post(.retryStart(id: id, reason: reason, batch: Array(row[(position + 1)...])))
                return
            }
        }
    }

    func reportStartError(id: String, reason: String) {
        guard let index = index(of: id) else { return }
        children[index].lastReason = reason
        log.emit(.startError, child: id, reason: reason, restartType: children[index].spec.restart, restarts: restartsNow)
    }

    /// Makes and launches a fresh service for a waiting child; a restart when `restartReason`
    /// is given, a first start otherwise. Returns the run's generation.
    @discardableResult
    func start(id: String, restartReason: String?) async throws -> UInt64 {
        guard let index = index(of: id) else { throw SupervisorError.childNotFound(supervisor: path, child: id) }
        let spec = children[index].spec
        let generation = environment.generations.next()
        let context = ChildContext(
            id: id, path: childPath(id), generation: generation, kind: spec.kind, logger: logger,
            environment: environment)
        let service = try await spec.start(context)
        let now = environment.timeSource.now()
        let run = ChildRun.launch(id: id, generation: generation, service: service, startedAt: now, mailbox: mailbox)
        // Only this loop changes `children`, so the child is still there after the factory's await.
        guard let index = self.index(of: id) else {
            run.task.cancel()
            throw SupervisorError.childNotFound(supervisor: path, child: id)
        }
        children[index].phase = .running(run)
        children[index].lastGeneration = generation
        children[index].lastStartedAt = now
        if let restartReason {
            children[index].restarts += 1
            log.emit(.childRestarted, child: id, reason: restartReason, restartType: spec.restart, restarts: restartsNow)
            environment.observer?.childRestarted(supervisor: path, child: id)
        } else {
            log.emit(.childStarted, child: id, restartType: spec.restart, restarts: restartsNow)
        }
        return generation
    }

    /// Cancels a running child's task and waits for it as its shutdown policy says; the child is
    /// `.stopped` afterwards. A child still running after its timeout is abandoned and logged
    /// (`shutdown_timeout`); its generation keeps it from touching what its successor holds.
    /// With `reportingFailure`, an error other than `CancellationError` is logged as OTP's
    /// shutdown error would be.
    func stop(_ id: String, reportingFailure: Bool = true) async {
        guard let index = index(of: id), let run = children[index].run else { return }
        let spec = children[index].spec
        children[index].phase = .stopping(run)
        reportCounts()
        run.task.cancel()
        let outcome: ChildOutcome?
        var lastReason = "shutdown"
        switch spec.shutdown {
        case .brutal:
            outcome = run.completion.outcome
        case .infinity:
            outcome = await run.completion.wait(timeout: nil, timers: environment.timers)
        case .timeout(let limit):
            outcome = await run.completion.wait(timeout: limit, timers: environment.timers)
            if outcome == nil {
                lastReason = "abandoned: still running \(SupervisorLog.secondsText(limit)) s after cancellation"
                log.emit(.shutdownTimeout, child: id, reason: lastReason + " (generation \(run.generation))",
                         restartType: spec.restart, restarts: restartsNow)
            }
        }
        if let index = self.index(of: id) {
            children[index].phase = .stopped
            children[index].lastReason = lastReason
        }
        if reportingFailure, case .threw(let error)? = outcome, !(error is CancellationError) {
            log.emit(.childTerminated, child: id, reason: "failed while stopping: \(error)", restartType: spec.restart,
                     restarts: restartsNow)
        }
    }

    /// Stops every child in reverse start order; waiting children simply stay unstarted.
    func stopAll() async {
        for id in children.map(\.id).reversed() {
            guard let index = index(of: id) else { continue }
            if children[index].run != nil {
                await stop(id)
            } else if children[index].isPending, let index = self.index(of: id) {
                children[index].phase = .stopped
            }
        }
    }
}
