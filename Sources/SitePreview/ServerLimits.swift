import Glibc

/// What the preview server accepts from a client before it answers with an error and closes the
/// connection. The defaults follow nginx: 8 KiB for the request line and for the header block,
/// no body on GET or HEAD, and a client that stalls is dropped.
public struct ServerLimits: Sendable {
    /// Longest request line, its line end included (longer: 414).
    public var requestLine = 8 * 1024
    /// Largest header block, every header line and its line end together (larger: 431).
    public var headers = 8 * 1024
    /// Largest body a request may declare with `Content-Length` (larger, or any body on GET or
    /// HEAD: 413; a body without a length: 411).
    public var body = 64 * 1024
    /// Time from a request's first byte to its last (exceeded while the head arrives: 408).
    public var requestTimeout: Duration = .seconds(10)
    /// Time a connection may wait for a request to begin: after it opens or after a response.
    public var idleTimeout: Duration = .seconds(60)
    /// After an error answer, how long the rest of what the client sends is read and dropped, so
    /// that the answer reaches it before the connection closes.
    public var linger: Duration = .seconds(2)
    /// Connections open at once; more wait in the listen queue. Half of the process's open-file
    /// limit, at most 256 below it, is kept for rebuilds, which would otherwise fail to read the
    /// content while clients hold every descriptor.
    public var connections = Self.connectionsWithinFileLimit()

    public init() {}

    static func connectionsWithinFileLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1 << 16 }
        let files = Int(min(limit.rlim_cur, 1 << 20))
        return max(1, files - min(256, files / 2))
    }
}
