// Feeds one input to fresh parsers in many chunkings and checks they agree (swift-nio's verifier idea).

import RESP
import Testing

enum ParserVerifier {
    /// Called with each command as it comes out, before the parser reads further: how a test
    /// plays the server (for example, authenticating the connection after an AUTH).
    typealias CommandHook = (inout RESPRequestParser, [[UInt8]]) -> Void

    /// Inputs longer than this are split at a sample of positions rather than at every one:
    /// every split reparses the whole input, so splitting everywhere is quadratic.
    static let exhaustiveSplitLimit = 2048

    /// The outcome of `input` fed whole, then checks that feeding it one byte at a time and in
    /// two chunks split at every position (sampled past `exhaustiveSplitLimit`) gives the same
    /// outcome; a disagreement is recorded as an issue naming the chunking.
    static func verify(
        _ input: [UInt8],
        parser makeParser: @autoclosure () -> RESPRequestParser = RESPRequestParser(isAuthenticated: true),
        onCommand: CommandHook = { _, _ in },
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ParseOutcome {
        let whole = outcome(feeding: [input[...]], to: makeParser(), onCommand: onCommand)

        let byteAtATime = outcome(feeding: input.indices.map { input[$0...$0] }, to: makeParser(), onCommand: onCommand)
        #expect(byteAtATime == whole, "one byte at a time differs from whole input \(printable(input.prefix(200)))",
                sourceLocation: sourceLocation)

        for split in splitPositions(count: input.count) {
            let twoChunks = outcome(feeding: [input[..<split], input[split...]], to: makeParser(), onCommand: onCommand)
            if twoChunks != whole {
                Issue.record("split at \(split) gives \(twoChunks), whole input gives \(whole)",
                             sourceLocation: sourceLocation)
                break
            }
        }
        return whole
    }

    /// Feeds `chunks` in order, draining the parser after each; stops feeding at the first error,
    /// and checks that an error stays (a later call throws it again).
    static func outcome(
        feeding chunks: [ArraySlice<UInt8>],
        to parser: RESPRequestParser,
        onCommand: CommandHook = { _, _ in }
    ) -> ParseOutcome {
        var parser = parser
        var commands: [[[UInt8]]] = []
        for chunk in chunks {
            parser.append(contentsOf: chunk)
            do {
                while let command = try parser.next() {
                    commands.append(command)
                    onCommand(&parser, command)
                }
            } catch {
                #expect(throws: error) { try parser.next() }
                return ParseOutcome(commands: commands, ending: .failed(error))
            }
        }
        return ParseOutcome(commands: commands, ending: .needsMoreBytes(buffered: parser.bufferedByteCount))
    }

    static func splitPositions(count: Int) -> [Int] {
        guard count > exhaustiveSplitLimit else { return Array(0...count) }
        let edges = Array(0...256) + Array((count - 256)...count)
        let middle = stride(from: 257, to: count - 256, by: 997)
        return edges + middle
    }
}
