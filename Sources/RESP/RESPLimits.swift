// The request limits Redis 7.0 enforces while parsing, with its names and values.

public enum RESPLimits {
    /// Redis's `PROTO_INLINE_MAX_SIZE`: the longest run of bytes that may precede the end of an
    /// inline line or of a `*`/`$` header line.
    public static let inlineMaxSize = 64 * 1024

    /// Redis 7.0 refuses a multibulk count above `INT_MAX` (6.x refused above 1024 * 1024).
    public static let maxMultibulkLength = Int(Int32.max)

    /// `proto-max-bulk-len`'s default, 512 MB.
    public static let defaultMaxBulkLength = 512 * 1024 * 1024

    /// Before a client has authenticated, Redis accepts at most 10 arguments a command…
    public static let unauthenticatedMultibulkLength = 10

    /// …and bulk arguments of at most 16 KiB (the CVE-2021-32675 fix, kept in 7.0).
    public static let unauthenticatedBulkLength = 16384

    /// Redis's `PROTO_MBULK_BIG_ARG`: from this size on, a bulk argument is read into a buffer of
    /// its own so that it can be handed over without a copy.
    public static let bigArgumentLength = 32 * 1024
}
