// A strict reader of one encoded reply: is it a well-formed RESP2 or RESP3 value, and nothing more?
public import RESP

/// Stricter than a client needs to be, on purpose: a RESP2 connection must never see a RESP3
/// type (the encoder downgrades them), lengths must match their payloads exactly, numbers must
/// be canonical, and an error must start with an upper-case code as every Redis error does.
public enum ReplyGrammar {
    /// Aggregates nested deeper than this are reported rather than followed: no command
    /// builds them, and a bug that did could otherwise exhaust the stack here.
    static let maximumDepth = 32

    /// Nil when `bytes` hold exactly one well-formed reply for `version`; otherwise what is wrong.
    public static func violation(in bytes: [UInt8], protocolVersion version: RESPProtocolVersion) -> String? {
        var reader = Reader(bytes: bytes, version: version)
        do throws(GrammarViolation) {
            try reader.value(depth: 0)
            guard reader.offset == bytes.count else {
                throw GrammarViolation("\(bytes.count - reader.offset) bytes after the reply")
            }
            return nil
        } catch {
            return "\(error.reason) at byte \(reader.offset)"
        }
    }
}

struct GrammarViolation: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

private struct Reader {
    let bytes: [UInt8]
    let version: RESPProtocolVersion
    var offset = 0

    init(bytes: [UInt8], version: RESPProtocolVersion) {
        self.bytes = bytes
        self.version = version
    }

    mutating func value(depth: Int) throws(GrammarViolation) {
        guard depth <= ReplyGrammar.maximumDepth else { throw GrammarViolation("nested deeper than \(ReplyGrammar.maximumDepth)") }
        guard offset < bytes.count else { throw GrammarViolation("reply ends before a value") }
        let type = bytes[offset]
        offset += 1
        if version == .resp2, !Array("+-:$*".utf8).contains(type) {
            throw GrammarViolation("type byte \(printable(type)) in a RESP2 reply")
        }
        switch type {
        case UInt8(ascii: "+"):
            _ = try line()
        case UInt8(ascii: "-"):
            let text = try line()
            let code = text.prefix { $0 != UInt8(ascii: " ") }
            guard !code.isEmpty, code.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
                throw GrammarViolation("error without an upper-case code: \(String(decoding: text.prefix(40), as: UTF8.self))")
            }
        case UInt8(ascii: ":"):
            try integer(try line(), allowNegative: true)
        case UInt8(ascii: "$"):
            let header = try line()
            if version == .resp2, header.elementsEqual("-1".utf8) { return }
            try payload(length: try integer(header, allowNegative: false))
        case UInt8(ascii: "*"):
            let header = try line()
            if version == .resp2, header.elementsEqual("-1".utf8) { return }
            try elements(try integer(header, allowNegative: false), depth: depth)
        case UInt8(ascii: "~"), UInt8(ascii: ">"):
            try elements(try integer(try line(), allowNegative: false), depth: depth)
        case UInt8(ascii: "%"):
            let (pairs, overflow) = try integer(try line(), allowNegative: false).multipliedReportingOverflow(by: 2)
            guard !overflow else { throw GrammarViolation("map length overflows") }
            try elements(pairs, depth: depth)
        case UInt8(ascii: "_"):
            guard try line().isEmpty else { throw GrammarViolation("null with a payload") }
        case UInt8(ascii: "#"):
            let flag = try line()
            guard flag == [UInt8(ascii: "t")] || flag == [UInt8(ascii: "f")] else { throw GrammarViolation("boolean that is not t or f") }
        case UInt8(ascii: ","):
            try double(try line())
        case UInt8(ascii: "("):
            let digits = try line()
            let magnitude = digits.first == UInt8(ascii: "-") ? digits.dropFirst() : digits[...]
            guard !magnitude.isEmpty, magnitude.allSatisfy(isDigit) else { throw GrammarViolation("big number that is not digits") }
        case UInt8(ascii: "="):
            let length = try integer(try line(), allowNegative: false)
            guard length >= 4, offset + 3 < bytes.count, bytes[offset + 3] == UInt8(ascii: ":") else {
                throw GrammarViolation("verbatim string without a three-byte format")
            }
            try payload(length: length)
        default:
            throw GrammarViolation("unknown type byte \(printable(type))")
        }
    }

    private mutating func elements(_ count: Int, depth: Int) throws(GrammarViolation) {
        for _ in 0..<count { try value(depth: depth + 1) }
    }

    /// The bytes up to the next CRLF, which is consumed; a lone CR or LF inside is a violation,
    /// since it would end the line early for some clients.
    private mutating func line() throws(GrammarViolation) -> ArraySlice<UInt8> {
        let start = offset
        while offset < bytes.count {
            switch bytes[offset] {
            case 13:
                guard offset + 1 < bytes.count, bytes[offset + 1] == 10 else { throw GrammarViolation("CR without LF") }
                let text = bytes[start..<offset]
                offset += 2
                return text
            case 10:
                throw GrammarViolation("LF without CR")
            default:
                offset += 1
            }
        }
        throw GrammarViolation("line without CRLF")
    }

    private mutating func payload(length: Int) throws(GrammarViolation) {
        let (end, overflow) = offset.addingReportingOverflow(length)
        guard !overflow, end <= bytes.count - 2 else { throw GrammarViolation("payload shorter than its length \(length)") }
        guard bytes[end] == 13, bytes[end + 1] == 10 else { throw GrammarViolation("payload of length \(length) not followed by CRLF") }
        offset = end + 2
    }

    /// A canonical decimal (no sign but `-`, no leading zeros) that fits an Int64.
    @discardableResult
    private func integer(_ text: ArraySlice<UInt8>, allowNegative: Bool) throws(GrammarViolation) -> Int {
        let negative = text.first == UInt8(ascii: "-")
        let digits = negative ? text.dropFirst() : text
        guard !digits.isEmpty, digits.allSatisfy(isDigit), !(digits.count > 1 && digits.first == UInt8(ascii: "0")),
              !(negative && (!allowNegative || digits == [UInt8(ascii: "0")])),
              let number = Int(String(decoding: text, as: UTF8.self))
        else { throw GrammarViolation("not a canonical integer: \(String(decoding: text.prefix(40), as: UTF8.self))") }
        return number
    }

    private func double(_ text: ArraySlice<UInt8>) throws(GrammarViolation) {
        let string = String(decoding: text, as: UTF8.self)
        if ["inf", "-inf", "nan", "-nan"].contains(string) { return }
        guard let first = text.first, isDigit(first) || first == UInt8(ascii: "-"), Double(string) != nil else {
            throw GrammarViolation("not a double: \(string.prefix(40))")
        }
    }
}

private func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
}

private func printable(_ byte: UInt8) -> String {
    byte >= 32 && byte < 127 ? "'\(Character(Unicode.Scalar(byte)))'" : "0x\(String(byte, radix: 16))"
}
