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
        // Long arguments and long pipelines are cut, so that a failure stays readable.
        let shown = commands.prefix(20).map { arguments in
            "[" + arguments.map { argument in
                argument.count > 64 ? printable(argument.prefix(64)) + "…(\(argument.count) bytes)" : printable(argument)
            }.joined(separator: " ") + "]"
        } + (commands.count > 20 ? ["…(\(commands.count) commands)"] : [])
        let end = switch ending {
        case .needsMoreBytes(let buffered): "needs more bytes (holding \(buffered))"
        case .failed(let error): "failed: \(error.message)"
        }
        return shown.joined(separator: ", ") + (shown.isEmpty ? "" : ", then ") + end
    }
}
