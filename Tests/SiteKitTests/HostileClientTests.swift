import Foundation
import XCTest

/// `sitegen serve` against clients that break the rules: every limit answers with its status and
/// closes, stalled clients are dropped, and the server goes on answering everyone else.
final class HostileClientTests: XCTestCase {
    var serve: ServeProcess!

    override func tearDownWithError() throws {
        serve?.stop()
    }

    private func start(_ arguments: [String] = [], fileLimit: Int? = nil) throws {
        serve = try ServeProcess(arguments: arguments, fileLimit: fileLimit)
    }

    private func connect() throws -> HTTP.Connection { try HTTP.Connection(serve.base) }

    /// The whole exchange: what the server answered to `request` before it closed the connection.
    private func exchange(_ request: [UInt8]) throws -> String {
        let connection = try connect()
        connection.send(bytes: request)
        return String(decoding: try connection.readToEnd(), as: UTF8.self)
    }

    /// The whole answer to a refused request: its status line, the reason again as the body.
    private func refusal(_ code: Int, _ reason: String, head: Bool = false) -> String {
        "HTTP/1.1 \(code) \(reason)\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(reason.utf8.count + 1)\r\n\r\n"
            + (head ? "" : reason + "\n")
    }

    /// `largest` is answered as usual with `status`; `oneByteMore` gets the refusal `code`.
    private func assertCap(largest: String, answered status: Int, oneByteMore: String, refused code: Int, _ reason: String) throws {
        let connection = try connect()
        try connection.send(largest)
        XCTAssertEqual(try connection.readResponse().status, status)
        XCTAssertEqual(try exchange(Array(oneByteMore.utf8)), refusal(code, reason))
    }

    func testRequestLineIsCappedAt8KiB() throws {
        try start()
        // "GET /" + path + " HTTP/1.1\r\n" is 8,192 bytes: the longest line accepted.
        try assertCap(largest: "GET /" + String(repeating: "a", count: 8176) + " HTTP/1.1\r\nHost: x\r\n\r\n", answered: 404,
                      oneByteMore: "GET /" + String(repeating: "a", count: 8177) + " HTTP/1.1\r\nHost: x\r\n\r\n", refused: 414, "URI Too Long")
    }

    func testHeadersAreCappedAt8KiB() throws {
        try start()
        // "X: " + value + "\r\n" is 8,192 bytes: the largest header block accepted.
        try assertCap(largest: "GET /assets/site.css HTTP/1.1\r\nX: " + String(repeating: "b", count: 8187) + "\r\n\r\n", answered: 200,
                      oneByteMore: "GET / HTTP/1.1\r\nX: " + String(repeating: "b", count: 8188) + "\r\n\r\n", refused: 431, "Request Header Fields Too Large")
    }

    func testTenMegabyteHeaderIsRefusedWhileOthersAreServed() throws {
        try start()
        let hostile = try connect()
        let sending = Thread { hostile.send(bytes: Array(("GET / HTTP/1.1\r\nX: " + String(repeating: "c", count: 10_000_000)).utf8)) }
        sending.start()
        XCTAssertEqual(try HTTP.get(serve.base + "assets/site.css").status, 200)
        XCTAssertEqual(String(decoding: try hostile.readToEnd(), as: UTF8.self), refusal(431, "Request Header Fields Too Large"))
    }

    func testBodiesAreRefusedOnGetAndHeadAndCappedOtherwise() throws {
        try start()
        XCTAssertEqual(try exchange(Array("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello".utf8)), refusal(413, "Payload Too Large"))
        XCTAssertEqual(try exchange(Array("HEAD / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n".utf8)), refusal(413, "Payload Too Large", head: true))
        XCTAssertEqual(try exchange(Array("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n".utf8)), refusal(413, "Payload Too Large"))
        XCTAssertEqual(try exchange(Array("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)), refusal(411, "Length Required"))
        let small = try connect()
        try small.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello")
        let answer = try small.readResponse()
        XCTAssertEqual(answer.status, 405)
        XCTAssertEqual(answer.headers["allow"], "GET, HEAD")
        XCTAssertEqual(answer.body, "Method not allowed\n")
    }

    func testMalformedRequestsGet400() throws {
        try start()
        for request in ["GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nno colon here\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
                        "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"] {
            XCTAssertEqual(try exchange(Array(request.utf8)), refusal(400, "Bad Request"), request)
        }
    }

    func testStalledHeadGets408AfterTheRequestTimeout() throws {
        try start(["--request-timeout", "0.5"])
        let connection = try connect()
        let started = Date()
        // One byte every 100 ms keeps the connection busy but never finishes the head.
        let dripping = Thread {
            for byte in "GET / HTTP/1.1\r\nHost: x\r\n".utf8 {
                guard connection.send(bytes: [byte]) else { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        dripping.start()
        XCTAssertEqual(String(decoding: try connection.readToEnd(), as: UTF8.self), refusal(408, "Request Timeout"))
        XCTAssertEqual(Date().timeIntervalSince(started), 0.5, accuracy: 0.3)
    }

    func testIdleConnectionIsClosedAfterTheIdleTimeout() throws {
        try start(["--idle-timeout", "0.5"])
        let silent = try connect()
        var started = Date()
        XCTAssertEqual(try silent.readToEnd(), [])
        XCTAssertEqual(Date().timeIntervalSince(started), 0.5, accuracy: 0.4)

        let kept = try connect()
        try kept.send("GET /assets/site.css HTTP/1.1\r\nHost: x\r\n\r\n")
        XCTAssertEqual(try kept.readResponse().status, 200)
        started = Date()
        XCTAssertEqual(try kept.readToEnd(), [])
        XCTAssertEqual(Date().timeIntervalSince(started), 0.5, accuracy: 0.4)
    }

    func testHeadAnswersWithTheHeadersOfGetAndNoBody() throws {
        try start()
        let connection = try connect()
        try connection.send("HEAD /sources/memo/index.html HTTP/1.1\r\nHost: x\r\n\r\nGET /sources/memo/index.html HTTP/1.1\r\nHost: x\r\n\r\n")
        let head = try connection.readHead()
        // The next bytes are the GET's status line: HEAD sent no body.
        let get = try connection.readResponse()
        XCTAssertEqual(head.0, 200)
        XCTAssertEqual(head.1, get.headers)
        XCTAssertEqual(get.headers["content-length"], String(get.body.utf8.count))
        XCTAssertEqual(get.body, try serve.served("sources/memo/index.html"))
    }

    func testKeepAliveResponseArrivesInOneRead() throws {
        try start()
        let connection = try connect()
        let script = try HTTP.get(serve.base + "__sitegen/live.js")
        let whole = "HTTP/1.1 200 OK\r\nContent-Type: text/javascript; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: \(script.body.utf8.count)\r\n\r\n\(script.body)"
        // Headers and body leave in one write with TCP_NODELAY: one read holds the whole response,
        // however many requests went before on the connection.
        for _ in 0..<50 {
            try connection.send("GET /__sitegen/live.js HTTP/1.1\r\nHost: x\r\n\r\n")
            XCTAssertEqual(String(decoding: try connection.read(), as: UTF8.self), whole)
        }
    }

    func testRunningOutOfFileDescriptorsBacksOffInsteadOfExiting() throws {
        // 20 descriptors: the server's own (event loops, listener, standard streams) leave fewer
        // than its 10 connections, so accepting fails with EMFILE and is tried again a second later.
        try start(fileLimit: 20)
        var held: [HTTP.Connection] = []
        for _ in 0..<12 { held.append(try connect()) }
        Thread.sleep(forTimeInterval: 0.5)
        // Every descriptor below the limit is taken.
        let open = Set(try FileManager.default.contentsOfDirectory(atPath: "/proc/\(serve.process.processIdentifier)/fd"))
        XCTAssertEqual(open.intersection((0..<20).map(String.init)).count, 20)
        XCTAssertTrue(serve.process.isRunning)
        held = []
        XCTAssertEqual(try HTTP.get(serve.base + "assets/site.css").status, 200)
        XCTAssertTrue(serve.process.isRunning)
    }

    func testRebuildsKeepTheirDescriptorsWhileClientsHoldConnections() throws {
        // 256 descriptors: 128 connections at most, the rest kept for rebuilds; without that limit
        // the 260 clients would take every descriptor.
        try start(fileLimit: 256)
        var held: [HTTP.Connection] = []
        for _ in 0..<260 { held.append(try connect()) }
        Thread.sleep(forTimeInterval: 0.5)
        let note = serve.folder.appendingPathComponent("content/annotations/memo/second-tier.md")
        try (String(contentsOf: note, encoding: .utf8) + " An added sentence.").write(to: note, atomically: true, encoding: .utf8)
        XCTAssertEqual(serve.readLine().map(ServeProcess.withoutTime), "\(note.path) changed: rebuilt 8 of 13 pages in T; 23 files written.")
        held = []
        XCTAssertEqual(try HTTP.get(serve.base + "sources/memo/index.html").body, try serve.served("sources/memo/index.html"))
    }

    func testTerminateAndInterruptStopWithinASecondWhileClientsHoldConnections() throws {
        for signal in [SIGTERM, SIGINT] {
            try start()
            let stalled = try connect()
            try stalled.send("GET / HTTP/1.1\r\nX: ")
            let events = try HTTP.EventStream(serve.base + "__sitegen/events")
            XCTAssertEqual(try events.next(), ": connected")
            let body = try connect()
            try body.send("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 60000\r\n\r\nabc")
            Thread.sleep(forTimeInterval: 0.2)
            let started = Date()
            kill(serve.process.processIdentifier, signal)
            serve.process.waitUntilExit()
            XCTAssertLessThan(Date().timeIntervalSince(started), 1, "signal \(signal)")
            XCTAssertEqual(serve.process.terminationStatus, 0)
            XCTAssertEqual(serve.readLine(), "Stopped.")
            serve.stop()
        }
    }

    func testTimeoutsMustBeSecondsAboveZero() throws {
        for (option, value) in [("--request-timeout", "0"), ("--idle-timeout", "nan"), ("--idle-timeout", "100000")] {
            let process = Process()
            process.executableURL = Bundle(for: Self.self).bundleURL.appendingPathComponent("sitegen")
            process.arguments = ["serve", option, value]
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 64)
            XCTAssertEqual(text.split(separator: "\n").first, "Error: \(option) takes a number of seconds above 0 and at most 86400.")
        }
    }
}
