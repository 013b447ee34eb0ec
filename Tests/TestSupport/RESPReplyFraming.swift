// Finds where one RESP2/RESP3 reply ends in a byte stream, so tests can compare replies byte for byte.

public enum RESPReplyFraming {
    /// The length of the first complete reply in `bytes`, or nil if more bytes are needed.
    /// Malformed input also yields nil; tests then time out with the bytes they saw.
    public static func replyLength(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        guard let lineEnd = crlf(in: bytes) else { return nil }
        let header = bytes[(bytes.startIndex + 1)..<lineEnd]
        let afterHeader = lineEnd + 2 - bytes.startIndex
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "#"),
             UInt8(ascii: "_"), UInt8(ascii: "("):
            return afterHeader
        case UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "="):
            guard let length = Int(String(decoding: header, as: UTF8.self)) else { return nil }
            if length < 0 { return afterHeader }
            let total = afterHeader + length + 2
            return bytes.count >= total ? total : nil
        case UInt8(ascii: "*"), UInt8(ascii: "~"), UInt8(ascii: ">"), UInt8(ascii: "%"), UInt8(ascii: "|"):
            guard let count = Int(String(decoding: header, as: UTF8.self)) else { return nil }
            if count < 0 { return afterHeader }
            let elements = (first == UInt8(ascii: "%") || first == UInt8(ascii: "|")) ? count * 2 : count
            var offset = afterHeader
            for _ in 0..<elements {
                guard let length = replyLength(bytes[(bytes.startIndex + offset)...]) else { return nil }
                offset += length
            }
            // An attribute (`|`) is followed by the reply it annotates.
            if first == UInt8(ascii: "|") {
                guard let length = replyLength(bytes[(bytes.startIndex + offset)...]) else { return nil }
                offset += length
            }
            return offset
        default:
            return nil
        }
    }

    /// An aggregate reply's header line followed by its elements' bytes (a map's key and value
    /// as one element); a non-aggregate reply as itself.
    public static func topLevelElements(of reply: [UInt8]) -> [[UInt8]] {
        let bytes = reply[...]
        guard let first = bytes.first, "*~>%".utf8.contains(first), let lineEnd = crlf(in: bytes),
              let count = Int(String(decoding: bytes[1..<lineEnd], as: UTF8.self)), count > 0 else { return [reply] }
        var elements: [[UInt8]] = []
        var offset = lineEnd + 2
        let perElement = first == UInt8(ascii: "%") ? 2 : 1
        for _ in 0..<count {
            let start = offset
            for _ in 0..<perElement {
                guard let length = replyLength(bytes[offset...]) else { return [reply] }
                offset += length
            }
            elements.append(Array(bytes[start..<offset]))
        }
        return elements
    }

    private static func crlf(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == 13, bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }
}
