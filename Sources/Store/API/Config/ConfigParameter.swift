// One name CONFIG GET and CONFIG SET know, and the table of them a node answers for.
import RESP

/// A parameter reads its current value and, unless it cannot change at run time, checks a new
/// value and hands back what applies it — so CONFIG SET can check every pair before applying
/// any, and a failed CONFIG SET changes nothing, as in Redis.
public struct ConfigParameter: Sendable {
    public typealias Apply = @Sendable () -> Void
    public typealias Prepare = @Sendable (_ value: [UInt8]) -> Result<Apply, ConfigRefusal>

    /// Lower case: a dotted Cairn key (`resp.timeout`) or a Redis name (`timeout`).
    public let name: String
    public let read: @Sendable () -> [UInt8]
    /// Nil when the parameter cannot change at run time (`can't set immutable config`).
    public let prepare: Prepare?

    public init(name: String, read: @escaping @Sendable () -> [UInt8], prepare: Prepare?) {
        self.name = name
        self.read = read
        self.prepare = prepare
    }

    /// A parameter fixed at start-up.
    public static func immutable(_ name: String, value: String) -> ConfigParameter {
        let bytes = Array(value.utf8)
        return ConfigParameter(name: name, read: { bytes }, prepare: nil)
    }
}

/// Why a value was refused, in Redis's words: the text after `CONFIG SET failed (possibly
/// related to argument '…') - `.
public struct ConfigRefusal: Error, Sendable, Equatable {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}

/// The parameters in the order CONFIG GET lists them, looked up ignoring ASCII case as Redis does.
public struct ConfigParameterTable: Sendable {
    public let parameters: [ConfigParameter]
    private let indexByName: [String: Int]

    public init(_ parameters: [ConfigParameter]) {
        self.parameters = parameters
        var index: [String: Int] = [:]
        for (position, parameter) in parameters.enumerated() where index[parameter.name] == nil {
            index[parameter.name] = position
        }
        indexByName = index
    }

    public func parameter(named name: [UInt8]) -> ConfigParameter? {
        indexByName[Self.lowercased(name)].map { parameters[$0] }
    }

    /// CONFIG GET's pairs (Redis's `configGetCommand`): a name without `*`, `?` or `[` is looked
    /// up and reported as written; a pattern reports every parameter it matches, ignoring case.
    /// A parameter is reported once, under the first name that found it.
    public func values(matching patterns: [[UInt8]]) -> [(name: [UInt8], value: [UInt8])] {
        var reported: Set<String> = []
        var pairs: [(name: [UInt8], value: [UInt8])] = []
        for pattern in patterns {
            // Redis reads the pattern as a C string: a NUL ends it.
            let text = Array(pattern.prefix { $0 != 0 })
            guard GlobPattern.hasWildcards(text) else {
                let key = Self.lowercased(pattern)
                if !reported.contains(key), let parameter = parameter(named: pattern) {
                    reported.insert(key)
                    pairs.append((pattern, parameter.read()))
                }
                continue
            }
            let glob = GlobPattern(text, ignoringCase: true)
            for parameter in parameters where !reported.contains(parameter.name) && glob.matches(parameter.name) {
                reported.insert(parameter.name)
                pairs.append((Array(parameter.name.utf8), parameter.read()))
            }
        }
        return pairs
    }

    /// ASCII only, as Redis's case-insensitive dictionaries fold.
    static func lowercased(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
