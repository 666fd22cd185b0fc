import Foundation
import XCTest
@testable import SiteKit

/// `sitegen serve` end to end: the built binary on a free port, spoken to over real sockets.
final class ServeCommandTests: XCTestCase {
    var serve: ServeProcess!
    var base: String { serve.base }
    var folder: URL { serve.folder }
    var process: Process { serve.process }

    override func setUpWithError() throws {
        serve = try ServeProcess()
    }

    override func tearDownWithError() throws {
        serve.stop()
    }

    func testServesPagesWithLiveReloadAndTheFolderAsBuilt() throws {
        let page = try HTTP.get(base + "sources/memo/index.html")
        XCTAssertEqual(page.status, 200)
        XCTAssertEqual(page.headers["content-type"], "text/html; charset=utf-8")
        XCTAssertEqual(page.body, try served("sources/memo/index.html"))
        XCTAssertEqual(try HTTP.get(base + "assets/site.css").headers["content-type"], "text/css; charset=utf-8")
        XCTAssertEqual(try HTTP.get(base + "actors").headers["location"], "/actors/")
        let missing = try HTTP.get(base + "no/such/page/")
        XCTAssertEqual(missing.status, 404)
        XCTAssertEqual(missing.body, try served("404.html"))
    }

    func testTraversalIsRefused() throws {
        for path in ["../../etc/passwd", "%2e%2e/%2e%2e/etc/passwd", "actors/..%2f..%2f..%2fetc%2fpasswd", "/etc/passwd"] {
            XCTAssertEqual(try HTTP.get(base + path).status, 403, path)
        }
    }

    func testEditReloadsAndBrokenFileShowsTheOverlayPayload() throws {
        let before = try HTTP.get(base + "sources/memo/index.html").body
        let events = try HTTP.EventStream(base + "__sitegen/events")
        XCTAssertEqual(try events.next(), ": connected")

        let note = folder.appendingPathComponent("content/annotations/memo/second-tier.md")
        let original = try String(contentsOf: note, encoding: .utf8)
        try (original + " An added sentence.").write(to: note, atomically: true, encoding: .utf8)
        XCTAssertEqual(try events.next(), "event: reload\ndata: {}")
        XCTAssertEqual(readLine().map(withoutTime), "\(note.path) changed: rebuilt 8 of 13 pages in T; 23 files written.")
        let page = try HTTP.get(base + "sources/memo/index.html")
        XCTAssertEqual(page.body, try served("sources/memo/index.html"))
        XCTAssertNotEqual(page.body, before)

        try original.replacingOccurrences(of: "second-tier ally\"", with: "vassal\"").write(to: note, atomically: true, encoding: .utf8)
        let expected = DiagnosticJSON.encode([Diagnostic(.error, SourceLocation(file: note.path, line: 2, column: 8), "quote not found in source 'memo'",
            notes: [.init(SourceLocation(file: note.path, line: 2, column: 8), "closest passage is ¶1 (76% similar): \"…the memo calls Russia a s…\"")])])
        XCTAssertEqual(try events.next(), "event: failed\ndata: \(expected)")
        XCTAssertEqual(readLine().map(withoutTime), "\(note.path) changed: rebuilt: 1 error in T; still serving the last good build.")
        XCTAssertEqual(try HTTP.get(base + "sources/memo/index.html").body, page.body)
    }

    func testInterruptStopsCleanly() throws {
        process.interrupt()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        XCTAssertEqual(readLine(), "Stopped.")
    }

    private func served(_ path: String) throws -> String { try serve.served(path) }
    private func withoutTime(_ line: String) -> String { ServeProcess.withoutTime(line) }
    private func readLine() -> String? { serve.readLine() }
}
