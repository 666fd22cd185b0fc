import XCTest
@testable import SiteKit

final class StagedOutputTests: XCTestCase {
    func testAFailedWriteKeepsTheOldOutputAndRemovesTheStagingFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-staged-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try SiteWriter.write([OutputFile(path: "index.html", bytes: Array("old".utf8))], to: folder + "/public")

        let staged = try StagedOutput(folder + "/public")
        staged.write(OutputFile(path: "index.html", bytes: Array("new".utf8)))
        staged.write(OutputFile(path: "../escape.html", bytes: Array("x".utf8)))
        staged.write(OutputFile(path: "later.html", bytes: Array("y".utf8)))
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual("\(error)", "refusing to write outside the output folder: ../escape.html")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["public"])
        XCTAssertEqual(Fixture.snapshot(folder + "/public"), ["index.html": Array("old".utf8)])
    }

    func testPagesWrittenFromManyThreadsAllArrive() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-staged-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let staged = try StagedOutput(folder + "/public")
        let files = (0..<200).map { OutputFile(path: "p\($0 % 7)/\($0)/index.html", bytes: Array("\($0)".utf8)) }
        DispatchQueue.concurrentPerform(iterations: files.count) { staged.write(files[$0]) }
        try staged.commit()
        XCTAssertEqual(Fixture.snapshot(folder + "/public"), Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }))
    }

    func testAFileWhereAFolderMustGoIsReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-staged-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let staged = try StagedOutput(folder + "/public")
        staged.write(OutputFile(path: "a", bytes: Array("file".utf8)))
        staged.write(OutputFile(path: "a/b/index.html", bytes: Array("page".utf8)))
        let pid = ProcessInfo.processInfo.processIdentifier
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual("\(error)", "cannot create \(folder)/.public.new-\(pid)/a/b: Not a directory")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }
}
