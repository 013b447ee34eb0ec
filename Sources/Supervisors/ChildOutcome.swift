// How one run of a child ended, as the task that ran it saw it.

enum ChildOutcome: Sendable {
    case returned
    case threw(any Error)
}
