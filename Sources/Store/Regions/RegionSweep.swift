// A background cycle that visits every region in bounded rounds (member GC; expiry has its own adaptive cycle).

/// Each round does a bounded amount of work per region and says where the next round resumes
/// in that region, so a large region is covered over several rounds without a long pause.
public protocol RegionSweep: Sendable {
    /// One round in one region, resuming after `last` (nil: from the region's start); returns
    /// where the next round resumes (nil: from the start again).
    func round(_ descriptor: RegionDescriptor, after last: [UInt8]?) async -> [UInt8]?
    var store: StoreServer { get }
}

extension RegionSweep {
    /// Runs rounds over every region every `interval` until cancelled.
    public func run(every interval: Duration) async {
        var resumeAfter: [Int: [UInt8]] = [:]
        while !Task.isCancelled {
            for descriptor in store.directory.layout.regions {
                resumeAfter[descriptor.id] = await round(descriptor, after: resumeAfter[descriptor.id])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
