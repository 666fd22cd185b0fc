import Foundation

/// `sitegen-bench serve`: the release `sitegen serve` on a copy of the real content, on a free
/// loopback port, under hostile and heavy clients. Every phase is bounded in clients and time;
/// each prints one line of figures.
func serveLoadBenchmark(binFolder: String) {
    raiseFileLimit()
    let scratch = FileManager.default.currentDirectoryPath + "/.build/bench/serve"
    try? FileManager.default.removeItem(atPath: scratch)
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    do { try FileManager.default.copyItem(atPath: "content", toPath: scratch + "/content") } catch {
        print("cannot copy the content: \(error)"); exit(1)
    }
    let server = Process()
    server.executableURL = URL(fileURLWithPath: binFolder + "/sitegen")
    server.arguments = ["serve", "--port", "0", "--content", scratch + "/content", "--templates", "templates", "--output", scratch + "/public"]
    let output = Pipe()
    server.standardOutput = output
    server.standardError = FileHandle.nullDevice
    do { try server.run() } catch { print("cannot start \(binFolder)/sitegen: \(error)"); exit(1) }
    defer { server.terminate(); server.waitUntilExit() }
    let first = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
    guard let port = first.firstMatch(of: #/127\.0\.0\.1:(\d+)/#).flatMap({ UInt16($0.1) }) else {
        print("serve did not start: \(first)"); return
    }
    // What the server prints after starting is not read again; drain it so it never blocks.
    Thread.detachNewThread { while !output.fileHandleForReading.availableData.isEmpty {} }
    let load = ServeLoad(port: port)
    load.keepAlive(requests: 5_000)
    load.longHeaders(clients: 20, headerBytes: 1 << 20)
    load.slowClients(count: 1_000)
    load.manyConnections(count: 2_000, threads: 8)
    load.editsUnderLoad(content: scratch + "/content", edits: 20, threads: 4)
}

struct ServeLoad {
    let port: UInt16
    let page = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"

    func keepAlive(requests: Int) {
        guard let client = LoopbackClient(port: port) else { return print("keep-alive: cannot connect") }
        var times: [Double] = []
        let started = Date()
        for _ in 0..<requests {
            let sent = Date()
            client.send(page)
            guard client.readResponse() == 200 else { return print("keep-alive: a request failed") }
            times.append(Date().timeIntervalSince(sent))
        }
        print(String(format: "keep-alive: %d GET / on one connection, %.0f requests/s, latency p50 %@ p99 %@",
                     requests, Double(requests) / Date().timeIntervalSince(started), ms(times, 0.5), ms(times, 0.99)))
    }

    func longHeaders(clients: Int, headerBytes: Int) {
        let line = Array(("GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: headerBytes) + "\r\n\r\n").utf8)
        let answers = Locked<[(Int?, Double)]>([])
        let started = Date()
        let attack = concurrently(clients) { _ in
            guard let client = LoopbackClient(port: port) else { return }
            client.send(line)
            answers.mutate { $0.append((client.readResponse(), Date().timeIntervalSince(started))) }
        }
        let normal = timedFreshGets(200)
        attack.wait()
        let refused = answers.value.filter { $0.0 == 431 }.count
        print(String(format: "long headers: %d clients each sending a %d KiB header: %d answered 431, the last after %.2f s; meanwhile 200 GETs p50 %@ p99 %@",
                     clients, headerBytes / 1024, refused, answers.value.map(\.1).max() ?? 0, ms(normal, 0.5), ms(normal, 0.99)))
    }

    func slowClients(count: Int) {
        let started = Date()
        let holders = (0..<count).compactMap { _ in LoopbackClient(port: port) }
        for holder in holders { holder.send("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n") }
        let normal = timedFreshGets(200)
        let timedOut = holders.filter { $0.readResponse() == 408 }.count
        print(String(format: "slow clients: %d connections holding an unfinished head: 200 GETs meanwhile p50 %@ p99 %@; %d answered 408, all within %.1f s",
                     holders.count, ms(normal, 0.5), ms(normal, 0.99), timedOut, Date().timeIntervalSince(started)))
    }

    func manyConnections(count: Int, threads: Int) {
        let clients = (0..<count).compactMap { _ in LoopbackClient(port: port) }
        let served = Locked(0)
        let started = Date()
        concurrently(threads) { thread in
            var ok = 0
            for index in stride(from: thread, to: clients.count, by: threads) {
                clients[index].send(page)
                if clients[index].readResponse() == 200 { ok += 1 }
            }
            served.mutate { $0 += ok }
        }.wait()
        let seconds = Date().timeIntervalSince(started)
        print(String(format: "many connections: %d open at once, one GET / on each from %d threads: %d answered 200 in %.2f s (%.0f requests/s)",
                     clients.count, threads, served.value, seconds, Double(served.value) / seconds))
    }

    func editsUnderLoad(content: String, edits: Int, threads: Int) {
        guard let events = LoopbackClient(port: port), events.send("GET /__sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
              events.wait(for: ": connected") else { return print("edits under load: no event stream") }
        let reloads = Locked<[Date]>([])
        Thread.detachNewThread { while events.wait(for: "event: reload") { reloads.mutate { $0.append(Date()) } } }
        let stop = Locked(false)
        let counts = Locked((ok: 0, other: 0, failed: 0))
        let started = Date()
        let loaders = concurrently(threads) { _ in
            var client = LoopbackClient(port: port)
            while !stop.value {
                client?.send(page)
                switch client?.readResponse() {
                case 200: counts.mutate { $0.ok += 1 }
                case nil: counts.mutate { $0.failed += 1 }; client = LoopbackClient(port: port)
                default: counts.mutate { $0.other += 1 }
                }
            }
        }
        let note = firstAnnotation(in: content)
        let original = (try? String(contentsOfFile: note, encoding: .utf8)) ?? ""
        var saves: [Date] = []
        for edit in 0..<edits {
            try? (original + " Edit \(edit).").write(toFile: note, atomically: true, encoding: .utf8)
            saves.append(Date())
            Thread.sleep(forTimeInterval: 1)
        }
        stop.mutate { $0 = true }
        loaders.wait()
        try? original.write(toFile: note, atomically: true, encoding: .utf8)
        let seconds = Date().timeIntervalSince(started)
        // Each save's reload is the first one after it (saves are a second apart, rebuilds far less).
        let delays = saves.compactMap { save in reloads.value.first { $0 > save }.map { $0.timeIntervalSince(save) } }
        print(String(format: "edits under load: %d saves a second apart while %d connections loop on GET /: %d answered 200 (%.0f/s), %d other, %d incomplete; %d reloads pushed, save to reload p50 %@ max %@",
                     edits, threads, counts.value.ok, Double(counts.value.ok) / seconds, counts.value.other, counts.value.failed,
                     delays.count, ms(delays, 0.5), ms(delays, 1)))
    }

    /// Latencies of `count` GETs, each on a new connection, one after the other.
    private func timedFreshGets(_ count: Int) -> [Double] {
        (0..<count).map { _ in
            let sent = Date()
            guard let client = LoopbackClient(port: port), client.send(page), client.readResponse() == 200 else { return .infinity }
            return Date().timeIntervalSince(sent)
        }
    }

    private func firstAnnotation(in content: String) -> String {
        let annotations = content + "/annotations"
        let folder = (try? FileManager.default.contentsOfDirectory(atPath: annotations).sorted().first) ?? ""
        return annotations + "/" + folder + "/" + ((try? FileManager.default.contentsOfDirectory(atPath: annotations + "/" + folder).sorted().first) ?? "")
    }
}

/// A value shared by the load's threads.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.withLock { stored } }
    func mutate(_ change: (inout Value) -> Void) { lock.withLock { change(&stored) } }
}

/// Runs `body` on `count` threads of their own at once; wait on the group for their end.
@discardableResult
func concurrently(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) -> DispatchGroup {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread.detachNewThread { body(index); group.leave() }
    }
    return group
}

/// A percentile in milliseconds; "failed" when a request in it failed.
func ms(_ times: [Double], _ quantile: Double) -> String {
    guard !times.isEmpty else { return "n/a" }
    let value = times.sorted()[min(times.count - 1, Int(Double(times.count) * quantile))]
    return value.isFinite ? String(format: "%.2f ms", value * 1000) : "failed"
}

/// As many open files as the hard limit allows: the benchmark holds thousands of sockets.
func raiseFileLimit() {
    var limit = rlimit()
    getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    limit.rlim_cur = limit.rlim_max
    setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
}
