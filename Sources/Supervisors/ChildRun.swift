// One start of a child: its generation, its service and the detached task that runs it.

import Runtime
import ServiceLifecycle

/// The task is detached (unstructured) on purpose: a child that ignores cancellation must be
/// abandonable after its shutdown timeout, and a task group would make its supervisor wait for
/// it forever. Detached rather than `Task {}` so a child does not inherit the supervisor's actor
/// or its task-locals (swift-service-lifecycle's graceful-shutdown signal among them: children
/// hear of shutdown only through cancellation, one by one, in reverse start order).
struct ChildRun: Sendable {
    let generation: UInt64
    let service: any Service
    let startedAt: MonotonicInstant
    let task: Task<Void, Never>
    let completion: ChildCompletion

    /// Starts `service`; when its `run()` ends, records the outcome and posts `childEnded`.
    static func launch(
        id: String, generation: UInt64, service: any Service, startedAt: MonotonicInstant, mailbox: SupervisorMailbox
    ) -> ChildRun {
        let completion = ChildCompletion()
        let task = Task.detached {
            let outcome: ChildOutcome
            do {
                try await service.run()
                outcome = .returned
            } catch {
                outcome = .threw(error)
            }
            completion.finish(outcome)
            mailbox.post(.childEnded(id: id, generation: generation))
        }
        return ChildRun(generation: generation, service: service, startedAt: startedAt, task: task, completion: completion)
    }
}
