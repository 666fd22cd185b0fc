import XCTest
@testable import SiteKit

final class StagedOutputTests: XCTestCase {
    /// A fresh folder for each test, removed after it; the output folder goes at `output`.
    private var folder = ""
    private var output: String { folder + "/public" }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-staged-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testAFailedWriteKeepsTheOldOutputAndRemovesTheStagingFolder() throws {
        try SiteWriter.write([OutputFile(path: "index.html", bytes: Array("old".utf8))], to: output)

        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "index.html", bytes: Array("new".utf8)))
        staged.write(OutputFile(path: "../escape.html", bytes: Array("x".utf8)))
        staged.write(OutputFile(path: "later.html", bytes: Array("y".utf8)))
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual("\(error)", "refusing to write outside the output folder: ../escape.html")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["public"])
        XCTAssertEqual(Fixture.snapshot(output), ["index.html": Array("old".utf8)])
    }

    func testPagesWrittenFromManyThreadsAllArrive() throws {
        let staged = try StagedOutput(output)
        let files = (0..<200).map { OutputFile(path: "p\($0 % 7)/\($0)/index.html", bytes: Array("\($0)".utf8)) }
        DispatchQueue.concurrentPerform(iterations: files.count) { staged.write(files[$0]) }
        try staged.commit()
        XCTAssertEqual(Fixture.snapshot(output), Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }))
    }

    func testAPathThatIsBothAFileAndAFolderIsReported() throws {
        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "a", bytes: Array("file".utf8)))
        staged.write(OutputFile(path: "a/b/index.html", bytes: Array("page".utf8)))
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual("\(error)", "cannot write both a and files inside a folder of that name")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
    }

    func testUnchangedFilesAreLeftAloneChangedOnesReplacedAndStaleOnesRemoved() throws {
        try SiteWriter.write([OutputFile(path: "index.html", bytes: Array("same".utf8)),
                              OutputFile(path: "changed.html", bytes: Array("v1".utf8)),
                              OutputFile(path: "old/deep/index.html", bytes: Array("gone".utf8)),
                              OutputFile(path: ".hidden", bytes: Array("not built".utf8))], to: output)
        try FileManager.default.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: false)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/elsewhere/index.html", contents: Data("outside".utf8)))
        try FileManager.default.createSymbolicLink(atPath: output + "/link", withDestinationPath: folder + "/elsewhere")
        let unchanged = try Self.inode(output + "/index.html"), replaced = try Self.inode(output + "/changed.html")

        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "index.html", bytes: Array("same".utf8)))
        staged.write(OutputFile(path: "changed.html", bytes: Array("v2".utf8)))
        staged.write(OutputFile(path: "new/deep/index.html", bytes: Array("new".utf8)))
        try staged.commit()

        XCTAssertEqual(Fixture.snapshot(output), ["index.html": Array("same".utf8), "changed.html": Array("v2".utf8),
                                                  "new/deep/index.html": Array("new".utf8)])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output).sorted(), ["changed.html", "index.html", "new"])
        XCTAssertEqual(try Self.inode(output + "/index.html"), unchanged)
        XCTAssertNotEqual(try Self.inode(output + "/changed.html"), replaced)
        // The link was removed, not followed.
        XCTAssertEqual(Fixture.snapshot(folder + "/elsewhere"), ["index.html": Array("outside".utf8)])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["elsewhere", "public"])
    }

    func testFilesLongerThanOnePieceAreComparedToTheLastByte() throws {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        var changedAtTheEnd = long
        changedAtTheEnd[changedAtTheEnd.count - 1] = UInt8(ascii: "b")
        try SiteWriter.write([OutputFile(path: "same.html", bytes: long), OutputFile(path: "changed.html", bytes: long)], to: output)
        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "same.html", bytes: long))
        staged.write(OutputFile(path: "changed.html", bytes: changedAtTheEnd))
        XCTAssertEqual(try staged.commit(), StagedOutput.Changes(written: ["changed.html"], removed: [], unchanged: 1))
        XCTAssertEqual(Fixture.snapshot(output), ["same.html": long, "changed.html": changedAtTheEnd])
    }

    func testFilesAndFoldersTradePlaces() throws {
        try SiteWriter.write([OutputFile(path: "a/index.html", bytes: Array("folder".utf8)),
                              OutputFile(path: "b", bytes: Array("file".utf8))], to: output)
        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "a", bytes: Array("now a file".utf8)))
        staged.write(OutputFile(path: "b/index.html", bytes: Array("now in a folder".utf8)))
        try staged.commit()
        XCTAssertEqual(Fixture.snapshot(output), ["a": Array("now a file".utf8), "b/index.html": Array("now in a folder".utf8)])
    }

    func testAFileAtTheOutputPathIsReplacedByTheSite() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: output, contents: Data("a file".utf8)))
        try SiteWriter.write([OutputFile(path: "index.html", bytes: Array("page".utf8))], to: output)
        XCTAssertEqual(Fixture.snapshot(output), ["index.html": Array("page".utf8)])
    }

    func testALinkToTheOutputFolderIsFollowed() throws {
        try FileManager.default.createDirectory(atPath: folder + "/site", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: folder + "/site")
        try SiteWriter.write([OutputFile(path: "index.html", bytes: Array("page".utf8))], to: output)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: output), folder + "/site")
        XCTAssertEqual(Fixture.snapshot(folder + "/site"), ["index.html": Array("page".utf8)])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["public", "site"])
    }

    func testACommitThatCannotBePutBackSaysSo() throws {
        try SiteWriter.write([OutputFile(path: "a.html", bytes: Array("old a".utf8)), OutputFile(path: "b.html", bytes: Array("old b".utf8)),
                              OutputFile(path: "stale.html", bytes: Array("stale".utf8))], to: output)
        // Placing b.html fails, and so does putting the old a.html back.
        var calls = Journal.Calls()
        calls.rename = { from, to in
            if to.hasSuffix("/b.html") && !from.contains("/old-") || to.hasSuffix("/a.html") && from.contains("/old-") {
                errno = EIO
                return -1
            }
            return rename(from, to)
        }
        let staged = try StagedOutput(output, calls: calls)
        staged.write(OutputFile(path: "a.html", bytes: Array("new a".utf8)))
        staged.write(OutputFile(path: "b.html", bytes: Array("new b".utf8)))
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertTrue(error is StagedOutput.PartlyUpdated)
            XCTAssertEqual("\(error)", "cannot move \(output)/b.html into place: Input/output error; "
                           + "putting the folder back failed too: cannot move \(output)/a.html back: Input/output error")
        }
        XCTAssertEqual(Fixture.snapshot(output), ["a.html": Array("new a".utf8), "b.html": Array("old b".utf8), "stale.html": Array("stale".utf8)])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["public"])
    }

    static func inode(_ path: String) throws -> UInt64 {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }
}
