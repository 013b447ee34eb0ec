// A seeded model-based test: random batches applied to an engine and to ReferenceModel alike.

import Runtime
import TestSupport
import Engine

/// After every batch, compares each family in full and a few random gets and scans. Keys come
/// from a small alphabet around the signed/unsigned boundary (0x00, 0x7F, 0x80, 0xFF …), up to
/// three bytes long including the empty key, so batches keep overwriting, deleting and
/// range-deleting the same few hundred keys. The same seed replays the same run.
struct EngineModelCheck {
    let seed: UInt64
    let steps: Int

    private static let alphabet: [UInt8] = [0x00, 0x01, 0x41, 0x7F, 0x80, 0xFE, 0xFF]

    /// The first divergence, naming seed and step, or nil when engine and model agreed.
    func run(on engine: some StorageEngine) throws -> String? {
        var random = SplitMix64(seed: seed)
        var model = ReferenceModel()
        var sequence = engine.lastSequence
        // A snapshot taken every 25 steps, with the model as it was then: later reads through
        // it must still match that model.
        var frozen: (snapshot: any StorageSnapshot, model: ReferenceModel, step: Int)?
        defer { frozen?.snapshot.close() }
        for step in 0..<steps {
            if step % 25 == 0 {
                frozen?.snapshot.close()
                frozen = (try engine.snapshot(), model, step)
            }
            let batch = Self.randomBatch(&random)
            let written = try engine.write(batch)
            model.apply(batch)
            let context = "seed \(seed) step \(step)"
            if batch.isEmpty ? written != sequence : written <= sequence {
                return "\(context): batch of \(batch.count) got sequence \(written) after \(sequence)"
            }
            sequence = written
            if step % 10 == 9 {
                try engine.syncWAL()
                if engine.syncedSequence != engine.lastSequence {
                    return "\(context): synced \(engine.syncedSequence) of \(engine.lastSequence) after syncWAL"
                }
            }
            if let divergence = try Self.compare(engine, model, &random) {
                return "\(context) after \(batch.operations): \(divergence)"
            }
            if let frozen, let divergence = try Self.compare(frozen.snapshot, frozen.model, &random) {
                return "\(context): snapshot of step \(frozen.step): \(divergence)"
            }
        }
        return nil
    }

    private static func compare(
        _ engine: some StorageReader, _ model: ReferenceModel, _ random: inout SplitMix64
    ) throws -> String? {
        for family in ColumnFamily.allCases {
            let actual = try engine.scan(family, from: [], to: nil, limit: .max, reverse: false)
            let expected = model.scan(family, from: [], to: nil, limit: .max, reverse: false)
            if actual != expected { return "\(family) holds \(actual), model \(expected)" }
        }
        for _ in 0..<4 {
            let family = random.pick(ColumnFamily.allCases)
            let key = randomKey(&random)
            let actual = try engine.get(family, key: key)
            let expected = model.get(family, key: key)
            if actual != expected { return "get \(family) \(key): \(String(describing: actual)), model \(String(describing: expected))" }

            let keys = (0..<random.below(5)).map { _ in randomKey(&random) }
            let values = try engine.multiGet(family, keys: keys)
            let modelValues = keys.map { model.get(family, key: $0) }
            if values != modelValues { return "multiGet \(family) \(keys): \(values), model \(modelValues)" }

            let start = randomKey(&random)
            let end = random.chance(25) ? nil : randomKey(&random)
            let limit = random.below(12) - 1
            let reverse = random.chance(50)
            let scanned = try engine.scan(family, from: start, to: end, limit: limit, reverse: reverse)
            let modelled = model.scan(family, from: start, to: end, limit: limit, reverse: reverse)
            if scanned != modelled {
                return "scan \(family) \(start)..<\(String(describing: end)) limit \(limit) reverse \(reverse): "
                    + "\(scanned), model \(modelled)"
            }
        }
        return nil
    }

    private static func randomBatch(_ random: inout SplitMix64) -> WriteBatch {
        var batch = WriteBatch()
        // One in twenty batches is empty.
        let operations = random.chance(5) ? 0 : random.below(8) + 1
        for _ in 0..<operations {
            let family = random.pick(ColumnFamily.allCases)
            switch random.below(100) {
            case 0..<60:
                let value = (0..<random.below(5)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                batch.put(family, key: randomKey(&random), value: value)
            case 60..<85:
                batch.delete(family, key: randomKey(&random))
            default:
                // Often inverted or empty: the batch must drop those.
                batch.deleteRange(family, from: randomKey(&random), to: randomKey(&random))
            }
        }
        return batch
    }

    private static func randomKey(_ random: inout SplitMix64) -> [UInt8] {
        (0..<random.below(4)).map { _ in random.pick(alphabet) }
    }
}
