// Differential tests of the blocking pops against redis-server 7.0: answered at once, refused,
// inside MULTI, timed out, and woken by another client in arrival order (RESP2 and RESP3).
import Foundation
import TestSupport
import Testing

private let immediateCases: [DifferentialCase] = [
    .commands("data already there", [["RPUSH", "{l}a", "1", "2", "3"], ["BLPOP", "{l}none", "{l}a", "0"], ["BRPOP", "{l}a", "0"],
                                     ["BRPOPLPUSH", "{l}a", "{l}b", "0"], ["LRANGE", "{l}b", "0", "-1"],
                                     ["BLMOVE", "{l}b", "{l}a", "LEFT", "RIGHT", "0"], ["LRANGE", "{l}a", "0", "-1"], ["EXISTS", "{l}b"],
                                     ["RPUSH", "{l}b", "x", "y", "z"], ["BLMPOP", "0", "2", "{l}none", "{l}b", "RIGHT", "COUNT", "2"],
                                     ["BLMPOP", "0", "1", "{l}b", "LEFT", "COUNT", "10"], ["EXISTS", "{l}b"],
                                     ["RPUSH", "{l}c", "same"], ["BRPOPLPUSH", "{l}c", "{l}c", "0"], ["BLMOVE", "{l}c", "{l}c", "RIGHT", "LEFT", "0"]]),
    .commands("sorted sets", [["ZADD", "{z}a", "1", "one", "2", "two", "-inf", "low"], ["BZPOPMIN", "{z}none", "{z}a", "0"],
                              ["BZPOPMAX", "{z}a", "0"], ["BZPOPMIN", "{z}a", "{z}none", "1"], ["EXISTS", "{z}a"],
                              ["ZADD", "{z}b", "1.5", "m\u{0}x"], ["BZPOPMAX", "{z}b", "0.5"],
                              ["ZADD", "{z}c", "1", "a", "2", "b", "3", "c"], ["BZMPOP", "0", "2", "{z}none", "{z}c", "MAX", "COUNT", "2"],
                              ["BZMPOP", "0", "1", "{z}c", "MIN", "COUNT", "5"], ["BZMPOP", "0.01", "1", "{z}c", "MIN"], ["EXISTS", "{z}c"],
                              ["BZMPOP", "0", "0", "{z}c", "MIN"], ["BZMPOP", "0", "1", "{z}c", "MIDDLE"], ["BZMPOP", "x", "1", "{z}c", "MIN"],
                              ["BZMPOP", "0", "1", "{z}c", "MIN", "COUNT", "0"], ["BZMPOP", "0", "1"], ["BZMPOP", "-1", "1", "{z}c", "MAX"],
                              ["SET", "{z}s", "x"], ["BZMPOP", "0", "1", "{z}s", "MIN"]]),
    .commands("binary keys and values", [["RPUSH", "k\u{0}", "v\u{0}1", ""], ["BLPOP", "k\u{0}", "0"], ["BLPOP", "k\u{0}", "0"], ["EXISTS", "k\u{0}"]]),
    .commands("timeouts parsed as Redis does", [["BLPOP", "q", "abc"], ["BLPOP", "q", "-1"], ["BLPOP", "q", "-0.5"], ["BLPOP", "q", "nan"],
                                               ["BLPOP", "q", "inf"], ["BLPOP", "q", "-inf"], ["BLPOP", "q", "1e20"], ["BLPOP", "q", " 1"],
                                               ["BLPOP", "q", "1 "], ["BLPOP", "q", ""], ["BLPOP", "q", "9223372036854775807"],
                                               ["BRPOP", "q", "x"], ["BZPOPMIN", "q", "x"], ["BZPOPMAX", "q", "-2"],
                                               ["BRPOPLPUSH", "q", "q", "x"], ["BLMOVE", "q", "q", "LEFT", "LEFT", "x"],
                                               ["BLMPOP", "x", "1", "q", "LEFT"], ["BLMPOP", "-1", "1", "q", "LEFT"]]),
    .commands("syntax and arity", [["BLPOP", "q"], ["BLPOP"], ["BRPOP", "q"], ["BZPOPMIN", "q"], ["BRPOPLPUSH", "q", "0"],
                                   ["BLMOVE", "q", "q", "LEFT", "0"], ["BLMOVE", "q", "q", "UP", "LEFT", "0"], ["BLMOVE", "q", "q", "LEFT", "DOWN", "x"],
                                   ["BLMPOP", "0", "1"], ["BLMPOP", "0", "0", "q", "LEFT"], ["BLMPOP", "0", "-1", "q", "LEFT"],
                                   ["BLMPOP", "0", "x", "q", "LEFT"], ["BLMPOP", "0", "1", "q", "MIDDLE"], ["BLMPOP", "0", "1", "q", "LEFT", "COUNT", "0"],
                                   ["BLMPOP", "0", "1", "q", "LEFT", "COUNT"], ["BLMPOP", "0", "1", "q", "LEFT", "COUNT", "1", "COUNT", "1"],
                                   ["BLMPOP", "0", "5", "q", "LEFT"], ["BLMPOP", "x", "0", "q", "LEFT"], ["BLMPOP", "0", "99999999999", "q", "LEFT"]]),
    .commands("wrong types", [["SET", "{w}s", "x"], ["BLPOP", "{w}s", "0"], ["BLPOP", "{w}none", "{w}s", "0"], ["BRPOP", "{w}s", "0"],
                              ["BZPOPMIN", "{w}s", "0"], ["BRPOPLPUSH", "{w}s", "{w}d", "0"], ["RPUSH", "{w}l", "v"],
                              ["BLMOVE", "{w}l", "{w}s", "LEFT", "LEFT", "0"], ["LLEN", "{w}l"], ["BLMPOP", "0", "1", "{w}s", "LEFT"],
                              ["ZADD", "{w}z", "1", "m"], ["BLPOP", "{w}z", "0"], ["BZPOPMAX", "{w}l", "0"]]),
    .commands("inside MULTI nothing waits", [["MULTI"], ["BLPOP", "{m}a", "0"], ["BRPOP", "{m}a", "{m}b", "0"],
                                             ["BLMOVE", "{m}a", "{m}b", "LEFT", "LEFT", "0"], ["BRPOPLPUSH", "{m}a", "{m}b", "0"],
                                             ["BZPOPMIN", "{m}a", "0"], ["BZPOPMAX", "{m}a", "0"], ["BLMPOP", "0", "1", "{m}a", "LEFT"],
                                             ["BZMPOP", "0", "1", "{m}a", "MIN"], ["BLPOP", "{m}a", "abc"], ["RPUSH", "{m}a", "v"], ["BLPOP", "{m}a", "0"], ["EXEC"]]),
    .commands("timeouts answer null", [["BLPOP", "t", "0.01"], ["BRPOP", "t", "0.02"], ["BRPOPLPUSH", "t", "t", "0.01"],
                                       ["BLMOVE", "t", "t", "LEFT", "LEFT", "0.001"], ["BZPOPMIN", "t", "0.01"], ["BZPOPMAX", "t", "0.0001"],
                                       ["BLMPOP", "0.01", "1", "t", "LEFT"], ["EXISTS", "t"]]),
    .commands("pipelined after a timeout", [["BLPOP", "t", "0.05"], ["PING"], ["RPUSH", "t", "v"], ["BLPOP", "t", "0.05"]]),
]

@Suite("Blocking pops against redis-server 7.0")
struct DifferentialBlockingTests {
    @Test("answered at once, refused, in MULTI and timed out: byte for byte, RESP2 and RESP3")
    func immediate() async throws {
        try await compare(immediateCases, resp3: true, flushBetweenCases: true)
    }

    @Test("woken by other clients: arrival order, chains, type changes, disconnections")
    func wakeUps() async throws {
        try await compare(wakeUpScenarios + wakeUpScenarios.map(\.inRESP3))
    }
}

private let wakeUpScenarios: [ClientScenario] = [
    ClientScenario(name: "arrival order", steps: [
        .send(1, [["BLPOP", "q", "0"]]), .awaitBlocked(1), .send(2, [["BLPOP", "q", "0"]]), .awaitBlocked(2),
        .send(3, [["BRPOP", "q", "0"]]), .awaitBlocked(3), .command(4, ["RPUSH", "q", "a", "b", "c", "d"]),
        .read(1), .read(2), .read(3), .command(4, ["LRANGE", "q", "0", "-1"]), .awaitBlocked(0),
    ]),
    ClientScenario(name: "more waiters than items", steps: [
        .send(1, [["BLPOP", "q", "0"]]), .awaitBlocked(1), .send(2, [["BLPOP", "q", "0"]]), .awaitBlocked(2),
        .command(3, ["LPUSH", "q", "x"]), .read(1), .awaitBlocked(1), .command(3, ["LPUSH", "q", "y", "z"]), .read(2),
        .command(3, ["LRANGE", "q", "0", "-1"]),
    ]),
    ClientScenario(name: "waiting on several keys", steps: [
        .send(1, [["BLPOP", "{k}a", "{k}b", "0"]]), .awaitBlocked(1), .command(2, ["RPUSH", "{k}b", "from-b"]), .read(1),
        .send(1, [["BRPOP", "{k}a", "{k}b", "0"]]), .awaitBlocked(1), .command(2, ["RPUSH", "{k}a", "from-a"]), .read(1),
    ]),
    ClientScenario(name: "BLMOVE feeds the next waiter", steps: [
        .send(1, [["BLMOVE", "{t}src", "{t}dst", "RIGHT", "LEFT", "0"]]), .awaitBlocked(1),
        .send(2, [["BLPOP", "{t}dst", "0"]]), .awaitBlocked(2), .command(3, ["LPUSH", "{t}src", "x"]),
        .read(1), .read(2), .command(3, ["EXISTS", "{t}src", "{t}dst"]),
    ]),
    ClientScenario(name: "BRPOPLPUSH onto its own source", steps: [
        .send(1, [["BRPOPLPUSH", "q", "q", "0"]]), .awaitBlocked(1), .command(2, ["RPUSH", "q", "a", "b"]), .read(1),
        .command(2, ["LRANGE", "q", "0", "-1"]),
    ]),
    ClientScenario(name: "BLMPOP takes a count from the key that got data", steps: [
        .send(1, [["BLMPOP", "0", "2", "{p}a", "{p}b", "RIGHT", "COUNT", "2"]]), .awaitBlocked(1),
        .command(2, ["RPUSH", "{p}b", "1", "2", "3"]), .read(1), .command(2, ["LRANGE", "{p}b", "0", "-1"]),
    ]),
    ClientScenario(name: "sorted sets", steps: [
        .send(1, [["BZPOPMIN", "{z}a", "{z}b", "0"]]), .awaitBlocked(1), .send(2, [["BZPOPMAX", "{z}b", "0"]]), .awaitBlocked(2),
        .command(3, ["ZADD", "{z}b", "2", "two", "1", "one", "3", "three"]), .read(1), .read(2),
        .command(3, ["ZRANGE", "{z}b", "0", "-1", "WITHSCORES"]),
    ]),
    ClientScenario(name: "BZMPOP takes a count from the sorted set that got data", steps: [
        .send(1, [["BZMPOP", "0", "2", "{y}a", "{y}b", "MAX", "COUNT", "2"]]), .awaitBlocked(1),
        .command(2, ["ZADD", "{y}b", "1", "one", "2", "two", "3", "three"]), .read(1), .command(2, ["ZRANGE", "{y}b", "0", "-1", "WITHSCORES"]),
    ]),
    ClientScenario(name: "BLMOVE woken with a destination of another type", steps: [
        .send(1, [["BLMOVE", "{t}s", "{t}d", "LEFT", "LEFT", "0"]]), .awaitBlocked(1), .command(2, ["SET", "{t}d", "string"]),
        .command(2, ["RPUSH", "{t}s", "v"]), .read(1), .command(2, ["LRANGE", "{t}s", "0", "-1"]), .awaitBlocked(0),
    ]),
    ClientScenario(name: "RENAME and COPY give a waited-on key data", steps: [
        .send(1, [["BLPOP", "{r}q", "0"]]), .awaitBlocked(1), .command(2, ["RPUSH", "{r}tmp", "a", "b"]),
        .command(2, ["RENAME", "{r}tmp", "{r}q"]), .read(1), .send(1, [["BRPOP", "{r}z", "0"]]), .awaitBlocked(1),
        .command(2, ["COPY", "{r}q", "{r}z"]), .read(1), .command(2, ["LRANGE", "{r}q", "0", "-1"]),
    ]),
    ClientScenario(name: "a push and delete in one block leave the waiter waiting", steps: [
        .send(1, [["BLPOP", "q", "0.5"]]), .awaitBlocked(1), .command(2, ["MULTI"]), .command(2, ["RPUSH", "q", "a"]),
        .command(2, ["DEL", "q"]), .command(2, ["EXEC"]), .read(1),
    ]),
    ClientScenario(name: "CLIENT UNBLOCK as a timeout and as an error", steps: [
        .send(1, [["BLPOP", "q", "0"]]), .awaitBlocked(1), .unblock(2, target: 1, []), .read(1), .awaitBlocked(0),
        .send(1, [["BZPOPMIN", "q", "0"]]), .awaitBlocked(1), .unblock(2, target: 1, ["error"]), .read(1),
        .unblock(2, target: 1, ["TIMEOUT"]), .unblock(2, target: 1, ["sideways"]), .unblock(2, target: 2, []),
        .command(2, ["CLIENT", "UNBLOCK", "x"]), .command(2, ["CLIENT", "UNBLOCK", "1", "TIMEOUT", "x"]),
        .command(2, ["CLIENT", "UNBLOCK"]), .command(2, ["RPUSH", "q", "v"]), .command(1, ["LLEN", "q"]),
    ]),
    ClientScenario(name: "another type does not wake a list waiter", steps: [
        .send(1, [["BLPOP", "q", "0"]]), .awaitBlocked(1), .command(2, ["SET", "q", "string"]), .command(2, ["DEL", "q"]),
        .command(2, ["ZADD", "q", "1", "m"]), .command(2, ["DEL", "q"]), .awaitBlocked(1), .command(2, ["RPUSH", "q", "v"]), .read(1),
    ]),
    ClientScenario(name: "a transaction wakes waiters once it is done", steps: [
        .send(1, [["BLPOP", "q", "0"]]), .awaitBlocked(1), .command(2, ["MULTI"]), .command(2, ["RPUSH", "q", "a"]),
        .command(2, ["RPUSH", "q", "b"]), .command(2, ["LPOP", "q"]), .command(2, ["EXEC"]), .read(1),
        .command(2, ["LRANGE", "q", "0", "-1"]),
    ]),
    ClientScenario(name: "a closed client takes nothing", steps: [
        .send(1, [["BLPOP", "q", "0"]]), .awaitBlocked(1), .close(1), .awaitBlocked(0), .command(2, ["RPUSH", "q", "v"]),
        .command(2, ["LRANGE", "q", "0", "-1"]),
    ]),
    ClientScenario(name: "commands pipelined behind a blocked pop wait for it", steps: [
        .send(1, [["BLPOP", "q", "0"], ["PING"], ["LLEN", "q"]]), .awaitBlocked(1), .command(2, ["RPUSH", "q", "a", "b"]),
        .read(1), .read(1), .read(1),
    ]),
    ClientScenario(name: "a timeout while others wait", steps: [
        .send(1, [["BLPOP", "q", "0.05"]]), .send(2, [["BLPOP", "q", "0"]]), .read(1), .awaitBlocked(1),
        .command(3, ["RPUSH", "q", "v"]), .read(2),
    ]),
]

private extension ClientScenario {
    /// The same scenario with every client in RESP3.
    var inRESP3: ClientScenario {
        let clients = Set(steps.compactMap { step -> Int? in
            switch step {
            case .send(let n, _), .command(let n, _), .read(let n), .hello3(let n), .close(let n), .unblock(let n, _, _): n
            case .awaitBlocked: nil
            }
        })
        return ClientScenario(name: name + " (RESP3)", steps: clients.sorted().map(ScenarioStep.hello3) + steps)
    }
}
