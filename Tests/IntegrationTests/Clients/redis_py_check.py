"""redis-py against a Cairn node: run by RedisPyProcessTests with the node's port and a protocol.

Usage: redis_py_check.py PORT PROTOCOL   (PROTOCOL is 2 or 3)
Prints one line per check group and "ok: N checks" at the end; exits 1 at the first mismatch.
"""
import sys

import redis

port, protocol = int(sys.argv[1]), int(sys.argv[2])
checks = 0


def expect(actual, expected, what):
    global checks
    checks += 1
    if actual != expected:
        print(f"FAILED {what}: expected {expected!r}, got {actual!r}", flush=True)
        sys.exit(1)


def expect_error(call, fragment, what):
    global checks
    checks += 1
    try:
        result = call()
    except redis.ResponseError as error:
        if fragment not in str(error):
            print(f"FAILED {what}: error {error!r} lacks {fragment!r}", flush=True)
            sys.exit(1)
        return
    print(f"FAILED {what}: expected an error containing {fragment!r}, got {result!r}", flush=True)
    sys.exit(1)


print(f"redis-py {redis.__version__} protocol {protocol}", flush=True)
prefix = f"py{protocol}:"
client = redis.Redis(host="127.0.0.1", port=port, protocol=protocol, socket_timeout=30)
keys_before = client.dbsize()

# The handshake: protocol 3 opens with HELLO 3, after which HELLO answers a map (a dict here).
hello = client.execute_command("HELLO")
if protocol == 3:
    expect(isinstance(hello, dict), True, "HELLO is a map in RESP3")
    expect(hello.get(b"proto"), 3, "HELLO proto")
else:
    expect(isinstance(hello, list), True, "HELLO is a flat array in RESP2")
    expect(hello[hello.index(b"proto") + 1], 2, "HELLO proto")
expect(client.ping(), True, "PING")
expect(client.echo(b"a\r\nb\x00"), b"a\r\nb\x00", "ECHO binary")

# Strings.
expect(client.set(prefix + "k", "v"), True, "SET")
expect(client.get(prefix + "k"), b"v", "GET")
expect(client.get(prefix + "missing"), None, "GET missing")
binary = bytes(range(256)) * 4
expect(client.set(prefix + "bin", binary), True, "SET binary")
expect(client.get(prefix + "bin"), binary, "GET binary")
expect(client.set(prefix + "k", "w", get=True), b"v", "SET GET")
expect(client.set(prefix + "k", "x", nx=True), None, "SET NX on an existing key")
expect(client.set(prefix + "new", "n", nx=True), True, "SET NX on a new key")
expect(client.set(prefix + "missing", "x", xx=True), None, "SET XX on a missing key")
expect(client.set(prefix + "ttl", "t", ex=1000), True, "SET EX")
expect(client.set(prefix + "ttl", "t", px=1000000, xx=True), True, "SET PX XX")
expect(client.mget([prefix + "k", prefix + "missing", prefix + "bin"]), [b"w", None, binary], "MGET")
big = b"x" * (1 << 20)
expect(client.set(prefix + "big", big), True, "SET 1 MiB")
expect(client.get(prefix + "big"), big, "GET 1 MiB")
print("strings ok", flush=True)

# Keys.
expect(client.exists(prefix + "k", prefix + "missing", prefix + "k"), 2, "EXISTS counts repeats")
expect(client.touch(prefix + "k", prefix + "missing"), 1, "TOUCH")
expect(client.delete(prefix + "k", prefix + "missing", prefix + "big"), 2, "DEL")
expect(client.unlink(prefix + "new"), 1, "UNLINK")
expect(client.exists(prefix + "k"), 0, "EXISTS after DEL")
print("keys ok", flush=True)

# Pipelines without MULTI: sent in one write, replies read in order.
pipe = client.pipeline(transaction=False)
pipe.set(prefix + "p1", "a").get(prefix + "p1").mget(prefix + "p1", prefix + "none").exists(prefix + "p1")
pipe.delete(prefix + "p1").get(prefix + "p1").echo("end")
expect(pipe.execute(), [True, b"a", [b"a", None], 1, 1, None, b"end"], "pipeline of mixed commands")
pipe = client.pipeline(transaction=False)
for index in range(2000):
    pipe.set(f"{prefix}many:{index}", index)
expect(pipe.execute(), [True] * 2000, "pipeline of 2000 SETs")
pipe = client.pipeline(transaction=False)
for index in range(2000):
    pipe.get(f"{prefix}many:{index}")
expect(pipe.execute(), [str(index).encode() for index in range(2000)], "pipeline of 2000 GETs")
pipe = client.pipeline(transaction=False)
pipe.set(prefix + "ok", "1").execute_command("GET").get(prefix + "ok")
results = pipe.execute(raise_on_error=False)
expect(results[0], True, "pipeline keeps going past an error (before)")
expect(isinstance(results[1], redis.ResponseError), True, "pipeline error in place")
expect(results[2], b"1", "pipeline keeps going past an error (after)")
expect(client.delete(*[f"{prefix}many:{index}" for index in range(2000)]), 2000, "DEL of 2000 keys across slots")
print("pipelines ok", flush=True)

# Transactions: pipeline(transaction=True) is MULTI/EXEC; keys share a hash tag (one slot).
tag = "{" + prefix + "tx}"
pipe = client.pipeline()
pipe.set(tag + "a", "1").incr(tag + "a").get(tag + "a").mget(tag + "a", tag + "b")
expect(pipe.execute(), [True, 2, b"2", [b"2", None]], "MULTI/EXEC pipeline")
pipe = client.pipeline()
pipe.set(tag + "s", "x").incr(tag + "s").set(tag + "b", "after")
results = pipe.execute(raise_on_error=False)
expect(isinstance(results[1], redis.ResponseError) and results[2], True, "an error inside EXEC is an element")


def increment(pipe):
    current = int(pipe.get(tag + "a"))
    pipe.multi()
    pipe.set(tag + "a", current + 1)


expect(client.transaction(increment, tag + "a"), [True], "WATCH/MULTI/EXEC helper")
expect(client.get(tag + "a"), b"3", "the watched increment landed")
with client.pipeline() as pipe:
    pipe.watch(tag + "a")
    client.set(tag + "a", "changed")
    pipe.multi()
    pipe.incr(tag + "a")
    try:
        pipe.execute()
        print("FAILED WATCH: EXEC ran although the watched key changed", flush=True)
        sys.exit(1)
    except redis.WatchError:
        checks += 1
expect(client.delete(tag + "a", tag + "b", tag + "s"), 3, "DEL of the transaction keys")
print("transactions ok", flush=True)

# Errors come back as ResponseError with Redis's text; the connection stays usable.
expect_error(lambda: client.execute_command("GET"), "wrong number of arguments for 'get' command", "arity error")
expect_error(lambda: client.execute_command("NOSUCHCOMMAND", "a"), "unknown command 'NOSUCHCOMMAND'", "unknown command")
expect_error(lambda: client.set(prefix + "k", "v", ex=-5), "invalid expire time in 'set' command", "bad expire")
expect(client.ping(), True, "PING after errors")

# Connection commands and decoded replies.
expect(client.client_setname("py-check"), True, "CLIENT SETNAME")
# redis-py decodes CLIENT GETNAME itself only under RESP2 (its RESP3 callbacks leave bytes).
expect(client.client_getname(), "py-check" if protocol == 2 else b"py-check", "CLIENT GETNAME")
expect(isinstance(client.client_id(), int), True, "CLIENT ID")
text = redis.Redis(host="127.0.0.1", port=port, protocol=protocol, decode_responses=True, socket_timeout=30)
expect(text.set(prefix + "text", "caf\u00e9"), True, "SET text")
expect(text.get(prefix + "text"), "caf\u00e9", "GET decoded")
expect(text.mget(prefix + "text", prefix + "missing"), ["caf\u00e9", None], "MGET decoded")
expect(text.delete(prefix + "text", prefix + "bin", prefix + "ttl", prefix + "ok"), 4, "DEL decoded")
expect(text.dbsize(), keys_before, "DBSIZE after cleaning up")
print(f"ok: {checks} checks", flush=True)
