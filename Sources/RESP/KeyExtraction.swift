// Finding a command's keys in its arguments, as Redis 7.0 does (db.c): by key specs, else by finder.

extension CommandSpec {
    /// Whether the command has keys at all (Redis's `doesCommandHaveKeys`): a key finder, or a
    /// key spec that is not `notKey`.
    public var hasKeys: Bool {
        keyFinder != nil || keySpecs.contains { !$0.flags.contains(.notKey) }
    }

    /// The keys in `argv` (argv[0] is the command's name; for a subcommand argv[1] is its name),
    /// as Redis's `getKeysFromCommandWithSpecs` finds them: by the key specs when they are
    /// complete and their flags fixed, else by the key finder. Empty when there are none or
    /// the arguments do not fit the specs (Redis's "Invalid arguments specified for command").
    /// Cairn, unlike Redis, uses specs with variable flags when no finder is declared, rather
    /// than find nothing.
    public func keyReferences(in argv: [[UInt8]]) -> [KeyReference] {
        let hasKeySpec = keySpecs.contains { !$0.flags.contains(.notKey) }
        let hasVariableFlags = keySpecs.contains { $0.flags.contains(.variableFlags) }
        if hasKeySpec, !hasVariableFlags || keyFinder == nil, let found = keyReferencesFromSpecs(in: argv) {
            return found
        }
        return keyFinder?(argv) ?? []
    }

    /// Indexes into argv of the keys; see `keyReferences(in:)`.
    public func keyIndexes(in argv: [[UInt8]]) -> [Int] {
        keyReferences(in: argv).map(\.index)
    }

    /// Redis's `getKeysUsingKeySpecs`; nil when a spec does not fit the arguments or is incomplete.
    func keyReferencesFromSpecs(in argv: [[UInt8]]) -> [KeyReference]? {
        let count = argv.count
        var found: [KeyReference] = []
        for spec in keySpecs where !spec.flags.contains(.notKey) {
            var first: Int
            switch spec.beginSearch {
            case .index(let position):
                first = position
            case .keyword(let keyword, let startFrom):
                guard let position = Self.position(after: keyword, startFrom: startFrom, in: argv) else { continue }
                first = position
            case .unknown:
                return nil
            }

            let last: Int
            let step: Int
            switch spec.findKeys {
            case .range(let lastKey, let keyStep, let limit):
                step = keyStep
                if lastKey >= 0 {
                    last = first + lastKey
                } else if limit == 0 {
                    last = count + lastKey
                } else {
                    guard lastKey == -1, limit > 0 else { return nil }
                    last = first + ((count - first) / limit + lastKey)
                }
            case .keyNumber(let keyNumberIndex, let firstKey, let keyStep):
                step = keyStep
                let numberIndex = first + keyNumberIndex
                guard numberIndex >= 0, numberIndex < count,
                      let number = StrictInteger.parse(argv[numberIndex][...]), number >= 0
                else { return nil }
                first += firstKey
                // Redis narrows the count to a C int here; so does Cairn, so huge counts fail alike.
                last = first + Int(Int32(truncatingIfNeeded: number)) - 1
            case .unknown:
                return nil
            }

            guard step > 0, first < count, last < count, last >= first else { return nil }
            for index in stride(from: first, through: last, by: step) {
                found.append(KeyReference(index: index, flags: spec.flags))
            }
            if spec.flags.contains(.incomplete) { return nil }
        }
        return found
    }

    /// The index after `keyword` (compared as C strings, ignoring case), searched as Redis does:
    /// forwards from `startFrom`, or backwards from `count + startFrom` when it is negative,
    /// stopping before argv's last (forwards) or second (backwards) argument.
    private static func position(after keyword: String, startFrom: Int, in argv: [[UInt8]]) -> Int? {
        let count = argv.count
        let start = startFrom > 0 ? startFrom : count + startFrom
        let end = startFrom > 0 ? count - 1 : 1
        let target = Array(keyword.utf8)
        var index = start
        while index != end {
            guard index < count, index >= 1 else { return nil }
            if cStringEqualsIgnoringCase(argv[index], target) { return index + 1 }
            index += start <= end ? 1 : -1
        }
        return nil
    }

    /// C's `strcasecmp(a, b) == 0`: both stop at their first NUL.
    private static func cStringEqualsIgnoringCase(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        let left = lhs.prefix { $0 != 0 }, right = rhs.prefix { $0 != 0 }
        guard left.count == right.count else { return false }
        return zip(left, right).allSatisfy { lowercased($0) == lowercased($1) }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}

extension KeySpec {
    /// The legacy `firstKey`/`lastKey`/`keyStep` COMMAND INFO reports for these specs, and
    /// whether the keys move with the arguments (`movablekeys`), as Redis's
    /// `populateCommandLegacyRangeSpec` derives them.
    public static func legacyRange(of specs: [KeySpec]) -> (firstKey: Int, lastKey: Int, keyStep: Int, isMovable: Bool) {
        guard !specs.isEmpty else { return (0, 0, 0, false) }
        if specs.count == 1, case .index(let position) = specs[0].beginSearch,
           case .range(let lastKey, let keyStep, _) = specs[0].findKeys {
            let absoluteLast = lastKey >= 0 ? lastKey + position : lastKey
            return (position, absoluteLast, keyStep, specs[0].flags.contains(.incomplete))
        }
        var isMovable = false
        var firstKey = Int.max
        // Redis keeps these as C ints and picks the larger last key as unsigned, so -1 (the
        // last argument) wins over any fixed position.
        var lastKey: Int32 = 0
        var previousLastKey: Int32 = 0
        for spec in specs {
            guard case .index(let position) = spec.beginSearch, case .range(let relativeLast, let keyStep, _) = spec.findKeys else {
                isMovable = true
                continue
            }
            if keyStep != 1 || (previousLastKey != 0 && Int(previousLastKey) != position - 1) {
                isMovable = true
                continue
            }
            if spec.flags.contains(.incomplete) { isMovable = true }
            firstKey = min(firstKey, position)
            let absoluteLast = Int32(truncatingIfNeeded: relativeLast >= 0 ? relativeLast + position : relativeLast)
            lastKey = UInt32(bitPattern: lastKey) >= UInt32(bitPattern: absoluteLast) ? lastKey : absoluteLast
            previousLastKey = lastKey
        }
        guard firstKey != Int.max else { return (0, 0, 0, true) }
        return (firstKey, Int(lastKey), 1, isMovable)
    }
}
