/// Server-sent events to every open page: `reload` after a good build, `failed` with the
/// diagnostics (JSON) after a bad one. One-way pushes are all live reload needs, and an
/// EventSource reconnects by itself after the server restarts.
actor LiveReloadHub {
    private var clients: [Int: AsyncStream<[UInt8]>.Continuation] = [:]
    private var nextID = 0
    /// What a page that connects now must learn at once: a failed build's overlay.
    private var pendingFailure: [UInt8]?

    func subscribe() -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream()
        let id = nextID
        nextID += 1
        clients[id] = continuation
        continuation.yield(Array(": connected\n\n".utf8))
        if let pendingFailure { continuation.yield(pendingFailure) }
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    private func remove(_ id: Int) { clients[id] = nil }

    var clientCount: Int { clients.count }

    func buildSucceeded() {
        pendingFailure = nil
        send(Self.event("reload", data: "{}"))
    }

    func buildFailed(diagnosticsJSON: String) {
        let event = Self.event("failed", data: diagnosticsJSON)
        pendingFailure = event
        send(event)
    }

    func finish() {
        for client in clients.values { client.finish() }
        clients = [:]
    }

    private func send(_ bytes: [UInt8]) {
        for client in clients.values { client.yield(bytes) }
    }

    /// One event; `data` lines may not contain newlines, so JSON is sent on one line.
    static func event(_ name: String, data: String) -> [UInt8] {
        let oneLine = data.split(separator: "\n").joined(separator: " ")
        return Array("event: \(name)\ndata: \(oneLine)\n\n".utf8)
    }
}
