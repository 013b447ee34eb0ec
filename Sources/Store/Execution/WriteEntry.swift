// A normalized write (DESIGN §6a): what a region applies, and later what its Raft log holds.

/// `[format 1][now ms i64][seed u64][version proposal u64][argc u32]` then each argument as
/// `[length u32][bytes]`, integers big-endian. The arguments are the command after
/// normalization (relative times made absolute), its name first. Decoding another format is
/// an error, never a guess.
public struct WriteEntry: Sendable, Equatable {
    public static let format: UInt8 = 1

    /// The proposer's clock when it normalized the command; apply's only notion of "now".
    public var nowMilliseconds: Int64
    /// Apply derives every random choice from this (SPOP, SRANDMEMBER…).
    public var seed: UInt64
    /// Microseconds at normalization; apply makes collection versions from it (DESIGN §6).
    public var versionProposal: UInt64
    public var arguments: [[UInt8]]

    public init(nowMilliseconds: Int64, seed: UInt64, versionProposal: UInt64, arguments: [[UInt8]]) {
        self.nowMilliseconds = nowMilliseconds
        self.seed = seed
        self.versionProposal = versionProposal
        self.arguments = arguments
    }

    /// The command name, lower-cased, that selects the apply function.
    public var commandName: String {
        arguments.first.map { String(decoding: $0, as: UTF8.self).lowercased() } ?? ""
    }

    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Self.format]
        BigEndian.append(UInt64(bitPattern: nowMilliseconds), to: &bytes)
        BigEndian.append(seed, to: &bytes)
        BigEndian.append(versionProposal, to: &bytes)
        BigEndian.append(UInt32(truncatingIfNeeded: arguments.count), to: &bytes)
        for argument in arguments {
            BigEndian.append(UInt32(truncatingIfNeeded: argument.count), to: &bytes)
            bytes.append(contentsOf: argument)
        }
        return bytes
    }

    public static func decode(_ bytes: [UInt8]) throws(StoredDataError) -> WriteEntry {
        let headerLength = 1 + 8 + 8 + 8 + 4
        guard bytes.count >= headerLength else { throw .truncated("write entry") }
        guard bytes[0] == format else { throw .unknownFormat("write entry", bytes[0]) }
        let now = Int64(bitPattern: BigEndian.uint64(bytes, at: 1))
        let seed = BigEndian.uint64(bytes, at: 9)
        let version = BigEndian.uint64(bytes, at: 17)
        let count = Int(BigEndian.uint32(bytes, at: 25))
        var offset = headerLength
        var arguments: [[UInt8]] = []
        // Each argument takes at least its 4-byte length, so a corrupt count cannot make us reserve much.
        arguments.reserveCapacity(min(count, (bytes.count - offset) / 4))
        for _ in 0..<count {
            guard bytes.count - offset >= 4 else { throw .truncated("write entry") }
            let length = Int(BigEndian.uint32(bytes, at: offset))
            offset += 4
            guard bytes.count - offset >= length else { throw .truncated("write entry") }
            arguments.append(Array(bytes[offset..<(offset + length)]))
            offset += length
        }
        guard offset == bytes.count else { throw .trailingBytes("write entry") }
        return WriteEntry(nowMilliseconds: now, seed: seed, versionProposal: version, arguments: arguments)
    }
}
