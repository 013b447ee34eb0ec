// A `host:port` address to listen on or connect to: IPv4, `[IPv6]`, `localhost` or a DNS name.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `host` is stored without brackets; `description` adds them back for IPv6, so an address
/// always renders to text that parses to the same address. Port 0 means "pick one" when
/// listening (DESIGN §3); a caller that must connect checks for it.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: UInt16

    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    static let expectation = "an address host:port (IPv4, localhost, a DNS name, or [IPv6]:port)"
    static let portExpectation = "an address whose port is an integer 0…65535"

    public init(parsing text: String) throws(ConfigValueError) {
        let trimmed = text.trimmingASCIISpaces()
        let host: String
        let portText: Substring
        if trimmed.hasPrefix("[") {
            guard let close = trimmed.firstIndex(of: "]") else {
                throw ConfigValueError(expected: ListenAddress.expectation)
            }
            host = String(trimmed[trimmed.index(after: trimmed.startIndex)..<close])
            let afterBracket = trimmed[trimmed.index(after: close)...]
            guard afterBracket.hasPrefix(":"), ListenAddress.isIPv6(host) else {
                throw ConfigValueError(expected: ListenAddress.expectation)
            }
            portText = afterBracket.dropFirst()
        } else {
            guard let colon = trimmed.lastIndex(of: ":") else {
                throw ConfigValueError(expected: ListenAddress.expectation)
            }
            host = String(trimmed[..<colon])
            portText = trimmed[trimmed.index(after: colon)...]
            guard ListenAddress.isIPv4(host) || ListenAddress.isHostName(host) else {
                throw ConfigValueError(expected: ListenAddress.expectation)
            }
        }
        guard let port = ListenAddress.port(portText) else {
            throw ConfigValueError(expected: ListenAddress.portExpectation)
        }
        self.init(host: host, port: port)
    }

    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Digits only (no sign, no spaces) and at most five of them, so the conversion cannot overflow.
    private static func port(_ text: Substring) -> UInt16? {
        guard (1...5).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            return nil
        }
        return UInt16(text)
    }

    static func isIPv4(_ host: String) -> Bool {
        var address = in_addr()
        return inet_pton(AF_INET, host, &address) == 1
    }

    static func isIPv6(_ host: String) -> Bool {
        var address = in6_addr()
        return inet_pton(AF_INET6, host, &address) == 1
    }

    /// RFC 1123 names. A name made only of digits and dots is an IPv4 address gone wrong
    /// (`127.0.0.256`), not a host name, and is refused.
    static func isHostName(_ host: String) -> Bool {
        guard (1...253).contains(host.utf8.count),
              !host.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) })
        else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        return labels.allSatisfy { label in
            (1...63).contains(label.utf8.count)
                && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
