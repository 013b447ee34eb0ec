// What a parser made of some input: the commands in order, then how it stopped.

import RESP

struct ParseOutcome: Equatable, CustomStringConvertible {
    enum Ending: Equatable {
        /// Every command was returned and the parser waits, holding this many bytes.
        case needsMoreBytes(buffered: Int)
        case failed(RESPProtocolError)
    }

    var commands: [[[UInt8]]]
    var ending: Ending

    var description: String {
        let shown = commands.map { "[" + $0.map { printable($0) }.joined(separator: " ") + "]" }
        let end = switch ending {
        case .needsMoreBytes(let buffered): "needs more bytes (holding \(buffered))"
        case .failed(let error): "failed: \(error.message)"
        }
        return shown.joined(separator: ", ") + (shown.isEmpty ? "" : ", then ") + end
    }
}
