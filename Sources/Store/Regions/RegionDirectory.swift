// The live region instances of this store, by id: where commands find their region.
public import RESP
import Synchronization

/// A region is live (registered by its running supervisor child), restarting (between a
/// crash and its next start), or failed (its supervisor gave up; DESIGN §4). Registration
/// records the newest generation, which fences off older instances.
public final class RegionDirectory: Sendable {
    public let layout: RegionLayout

    private struct State {
        var live: [Int: Region] = [:]
        var generations: [Int: UInt64] = [:]
        var failed: Set<Int> = []
    }

    private let state = Mutex(State())

    public init(layout: RegionLayout) {
        self.layout = layout
    }

    /// Redis Cluster's error for a slot that cannot be served right now; clients retry it.
    public static func unavailable(_ id: Int) -> RESPValue {
        .error("TRYAGAIN region \(id) is unavailable on this node")
    }

    /// Makes `region` the one serving its id, unless a newer generation already registered.
    public func register(_ region: Region) {
        state.withLock { state in
            let id = region.descriptor.id
            guard region.generation >= state.generations[id, default: 0] else { return }
            state.generations[id] = region.generation
            state.live[id] = region
            state.failed.remove(id)
        }
    }

    /// Called when the instance stops; a newer instance's registration is left alone.
    public func unregister(_ region: Region) {
        state.withLock { state in
            let id = region.descriptor.id
            if state.live[id]?.generation == region.generation { state.live[id] = nil }
        }
    }

    public func markFailed(_ id: Int) {
        state.withLock { state in
            state.failed.insert(id)
            state.live[id] = nil
        }
    }

    public func isCurrent(_ id: Int, generation: UInt64) -> Bool {
        state.withLock { $0.generations[id] == generation && $0.live[id] != nil }
    }

    public var failedRegions: Set<Int> { state.withLock { $0.failed } }

    public enum Lookup: Sendable {
        case live(Region)
        case restarting(Int)
        case failed(Int)
    }

    public func lookup(regionID id: Int) -> Lookup {
        state.withLock { state in
            if let region = state.live[id] { return .live(region) }
            return state.failed.contains(id) ? .failed(id) : .restarting(id)
        }
    }

    /// The live instance for `id`, waiting out a restart for up to `patience`.
    public func region(id: Int, patience: Duration = .seconds(2)) async -> Region? {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patience)
        while true {
            switch lookup(regionID: id) {
            case .live(let region): return region
            case .failed: return nil
            case .restarting:
                guard clock.now < deadline else { return nil }
                try? await Task.sleep(for: .milliseconds(2))
            }
        }
    }
}
