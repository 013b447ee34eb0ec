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

    private static func crlf(in bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == 13, bytes[index + 1] == 10 { return index }
            index += 1
        }
        return nil
    }
}
