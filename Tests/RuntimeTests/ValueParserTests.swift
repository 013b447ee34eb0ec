// Tests of the configuration value syntaxes: sizes, durations, addresses and PD members.

import Testing
@testable import Runtime

extension ConfigTests {
    @Suite struct ByteSizeParsing {
        static let mebibyte: Int64 = 1 << 20
        static let validSizes: [(String, Int64)] = [
            ("256MB", 256 * mebibyte), ("256mb", 256 * mebibyte), ("256MiB", 256 * mebibyte),
            ("1GB", 1024 * mebibyte), ("1gib", 1024 * mebibyte), ("2TB", 2 * 1024 * 1024 * mebibyte),
            ("1TiB", 1024 * 1024 * mebibyte), ("4KB", 4096), ("4 kib", 4096), ("4096", 4096), ("0", 0),
            ("0B", 0), ("17b", 17), (" 8MB ", 8 * mebibyte), ("9223372036854775807", Int64.max),
            ("8388607TB", 8_388_607 * 1024 * 1024 * mebibyte),
        ]

        @Test(arguments: validSizes)
        func test_validSize_shouldParseToBinaryMultiples(text: String, bytes: Int64) throws {
            #expect(try ByteSize(parsing: text).bytes == bytes)
        }

        @Test(arguments: ["", "MB", "-1MB", "+1MB", "1.5GB", "1g", "1PB", "1 M B", "MB1", "1e3", "0x10", "١٢MB"])
        func test_malformedSize_shouldBeRefused(text: String) {
            #expect(throws: ConfigValueError(expected: ByteSize.expectation)) { try ByteSize(parsing: text) }
        }

        @Test(arguments: ["9223372036854775808", "8388608TB", "9999999999999999999999GB", "8589934592GB"])
        func test_sizeBeyondInt64_shouldBeRefusedWithoutTrapping(text: String) {
            #expect(throws: ConfigValueError(expected: ByteSize.overflowExpectation)) { try ByteSize(parsing: text) }
        }

        static let roundTripSizes: [Int64] = [0, 1, 1023, 1024, 1536, 512 * mebibyte, 1024 * mebibyte, Int64.max]

        @Test(arguments: roundTripSizes)
        func test_description_shouldParseBackToTheSameSize(bytes: Int64) throws {
            let size = ByteSize(bytes: bytes)
            #expect(try ByteSize(parsing: size.description) == size)
        }

        @Test func test_description_shouldUseTheLargestExactUnit() {
            #expect(ByteSize.mebibytes(512).description == "512MB")
            #expect(ByteSize.gibibytes(1).description == "1GB")
            #expect(ByteSize(bytes: 3072).description == "3KB")
            #expect(ByteSize(bytes: 1536).description == "1536B")
            #expect(ByteSize(bytes: 0).description == "0B")
        }
    }

    @Suite struct DurationParsing {
        static let validDurations: [(String, Duration)] = [
            ("100ms", .milliseconds(100)), ("30s", .seconds(30)), ("5m", .seconds(300)),
            ("1h", .seconds(3600)), ("0s", .zero), ("0", .zero), ("250us", .microseconds(250)),
            ("250µs", .microseconds(250)), ("7ns", .nanoseconds(7)), ("1h30m", .seconds(5400)),
            ("1m0s500ms", .milliseconds(60_500)), (" 2s ", .seconds(2)),
        ]

        @Test(arguments: validDurations)
        func test_validDuration_shouldParse(text: String, duration: Duration) throws {
            #expect(try DurationSyntax.parse(text) == duration)
        }

        @Test(arguments: ["", "5", "-5s", "+5s", "1.5s", "5d", "5 s", "s", "ms100", "5sec", "1h-30m", "00"])
        func test_malformedDuration_shouldBeRefused(text: String) {
            #expect(throws: ConfigValueError(expected: DurationSyntax.expectation)) { try DurationSyntax.parse(text) }
        }

        @Test(arguments: ["9223372036854775808ns", "2562048h", "99999999999999999999s", "2562047h2562047h"])
        func test_durationBeyondInt64Nanoseconds_shouldBeRefusedWithoutTrapping(text: String) {
            #expect(throws: ConfigValueError(expected: DurationSyntax.overflowExpectation)) {
                try DurationSyntax.parse(text)
            }
        }

        static let formatted: [(Duration, String)] = [
            (.zero, "0s"), (.milliseconds(100), "100ms"), (.seconds(30), "30s"), (.seconds(300), "5m"),
            (.seconds(3600), "1h"), (.microseconds(250), "250us"), (.nanoseconds(7), "7ns"), (.seconds(90), "90s"),
        ]

        @Test(arguments: formatted)
        func test_format_shouldUseTheLargestExactUnitAndParseBack(duration: Duration, text: String) throws {
            #expect(DurationSyntax.format(duration) == text)
            #expect(try DurationSyntax.parse(text) == duration)
        }
    }

    @Suite struct ListenAddressParsing {
        static let validAddresses: [(String, String, UInt16)] = [
            ("127.0.0.1:6379", "127.0.0.1", 6379), ("0.0.0.0:0", "0.0.0.0", 0),
            ("localhost:65535", "localhost", 65535), ("[::1]:7101", "::1", 7101),
            ("[2001:db8::1]:80", "2001:db8::1", 80), ("node-2.cluster.internal:7102", "node-2.cluster.internal", 7102),
        ]

        @Test(arguments: validAddresses)
        func test_validAddress_shouldParseAndRenderBack(text: String, host: String, port: UInt16) throws {
            let address = try ListenAddress(parsing: text)
            #expect(address.host == host)
            #expect(address.port == port)
            #expect(address.description == text)
        }

        @Test(arguments: [
            "127.0.0.1", ":6379", "::1:6379", "[::1]6379", "[zz::1]:1", "[::1", "999.1.1.1:80", "127.0.0:80",
            "a b:80", "-host:80", "host-:80", "ex_ample.com:80", "", "[127.0.0.1]:80",
        ])
        func test_malformedAddress_shouldBeRefused(text: String) {
            #expect(throws: ConfigValueError(expected: ListenAddress.expectation)) { try ListenAddress(parsing: text) }
        }

        @Test(arguments: ["127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:+80", "127.0.0.1:99999999999999999999", "[::1]:x"])
        func test_badPort_shouldBeRefused(text: String) {
            #expect(throws: ConfigValueError(expected: ListenAddress.portExpectation)) { try ListenAddress(parsing: text) }
        }
    }

    @Suite struct PeerMemberParsing {
        @Test func test_member_shouldSplitIDAndAddress() throws {
            let member = try PeerMember(parsing: "n2@[::1]:7102")
            #expect(member.id == "n2")
            #expect(member.address == ListenAddress(host: "::1", port: 7102))
            #expect(member.description == "n2@[::1]:7102")
        }

        @Test(arguments: ["127.0.0.1:7101", "@127.0.0.1:7101", "n 1@127.0.0.1:7101", "n1@127.0.0.1", "n1@127.0.0.1:0"])
        func test_malformedMember_shouldBeRefused(text: String) {
            #expect(throws: ConfigValueError.self) { try PeerMember(parsing: text) }
        }
    }
}
