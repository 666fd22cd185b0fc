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

    /// The output folder's files without the manifest, which `testTheManifestListsTheBuiltFiles` checks.
    private func site() -> [String: [UInt8]] {
        Fixture.snapshot(output).filter { $0.key != OutputOwnership.manifestName }
    }

    private func entries(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }

    private static func files(_ pairs: [String: String]) -> [OutputFile] {
        pairs.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, bytes: Array($0.value.utf8)) }
    }

    func testTheManifestListsTheBuiltFiles() throws {
        try SiteWriter.write(Self.files(["index.html": "home", "a/b/index.html": "page"]), to: output)
        XCTAssertEqual(String(decoding: Fixture.snapshot(output)[".sitegen-files"] ?? [], as: UTF8.self), """
        # Files written by sitegen build; the next build replaces or removes them, and nothing else here.
        a/b/index.html
        index.html

        """)
    }

    func testAFailedWriteKeepsTheOldOutputAndRemovesTheStagingFolder() throws {
        try SiteWriter.write(Self.files(["index.html": "old"]), to: output)

        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "index.html", bytes: Array("new".utf8)))
        staged.write(OutputFile(path: "../escape.html", bytes: Array("x".utf8)))
        staged.write(OutputFile(path: "later.html", bytes: Array("y".utf8)))
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual("\(error)", "refusing to write outside the output folder: ../escape.html")
        }
        XCTAssertEqual(try entries(folder), [".public.previous", "public"])
        XCTAssertEqual(site(), ["index.html": Array("old".utf8)])
    }

    func testPagesWrittenFromManyThreadsAllArrive() throws {
        let staged = try StagedOutput(output)
        let files = (0..<200).map { OutputFile(path: "p\($0 % 7)/\($0)/index.html", bytes: Array("\($0)".utf8)) }
        DispatchQueue.concurrentPerform(iterations: files.count) { staged.write(files[$0]) }
        try staged.commit()
        XCTAssertEqual(site(), Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }))
    }

    func testAPathThatIsBothAFileAndAFolderIsReported() throws {
        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "a", bytes: Array("file".utf8)))
        staged.write(OutputFile(path: "a/b/index.html", bytes: Array("page".utf8)))
        XCTAssertThrowsError(try staged.commit()) { error in
            XCTAssertEqual("\(error)", "cannot write both a and files inside a folder of that name")
        }
        XCTAssertEqual(try entries(folder), [".public.previous"])
    }

    func testUnchangedFilesKeepTheirInodeChangedOnesAreReplacedAndStaleOnesRemoved() throws {
        try SiteWriter.write(Self.files(["index.html": "same", "changed.html": "v1", "old/deep/index.html": "gone",
                                         ".hidden": "not built"]), to: output)
        let unchanged = try Self.inode(output + "/index.html"), replaced = try Self.inode(output + "/changed.html")

        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "index.html", bytes: Array("same".utf8)))
        staged.write(OutputFile(path: "changed.html", bytes: Array("v2".utf8)))
        staged.write(OutputFile(path: "new/deep/index.html", bytes: Array("new".utf8)))
        XCTAssertEqual(try staged.commit(), StagedOutput.Changes(written: [".sitegen-files", "changed.html", "new/deep/index.html"],
                                                                 removed: [".hidden", "old/deep/index.html"], unchanged: 1))

        XCTAssertEqual(site(), ["index.html": Array("same".utf8), "changed.html": Array("v2".utf8), "new/deep/index.html": Array("new".utf8)])
        XCTAssertEqual(try entries(output), [".sitegen-files", "changed.html", "index.html", "new"])
        XCTAssertEqual(try Self.inode(output + "/index.html"), unchanged)
        XCTAssertNotEqual(try Self.inode(output + "/changed.html"), replaced)
        // The site before is kept beside, for the next build to bring up to date.
        XCTAssertEqual(try entries(folder), [".public.previous", "public"])
        XCTAssertEqual(Fixture.snapshot(folder + "/.public.previous").filter { $0.key != ".sitegen-files" },
                       ["index.html": Array("same".utf8), "changed.html": Array("v1".utf8), "old/deep/index.html": Array("gone".utf8),
                        ".hidden": Array("not built".utf8)])
        XCTAssertEqual(try Self.inode(folder + "/.public.previous/index.html"), unchanged)
    }

    func testFilesLongerThanOnePieceAreComparedToTheLastByte() throws {
        let long = [UInt8](repeating: UInt8(ascii: "a"), count: 200_000)
        var changedAtTheEnd = long
        changedAtTheEnd[changedAtTheEnd.count - 1] = UInt8(ascii: "b")
        try SiteWriter.write([OutputFile(path: "same.html", bytes: long), OutputFile(path: "changed.html", bytes: long)], to: output)
        let staged = try StagedOutput(output)
        staged.write(OutputFile(path: "same.html", bytes: long))
        staged.write(OutputFile(path: "changed.html", bytes: changedAtTheEnd))
        XCTAssertEqual(try staged.commit(), StagedOutput.Changes(written: ["changed.html"], removed: [], unchanged: 2))
        XCTAssertEqual(site(), ["same.html": long, "changed.html": changedAtTheEnd])
    }

    /// A file made in pieces is compared a piece at a time, no piece made after one that differs,
    /// and made again only to be written when it differs or is new.
    func testAFileInPiecesIsComparedAndWrittenAPieceAtATime() throws {
        try SiteWriter.write(Self.files(["same.json": "[1,2,3]", "changed.json": "[1,2,3]", "shorter.json": "[1,2,3]"]), to: output)
        let unchanged = try Self.inode(output + "/same.json")
        final class Made: @unchecked Sendable { var pieces: [String] = [] }
        let made = Made()
        func pieces(_ texts: [String]) -> some Sequence<[UInt8]> { texts.lazy.map { made.pieces.append($0); return Array($0.utf8) } }

        let staged = try StagedOutput(output)
        staged.write("same.json", pieces: pieces(["[1,", "2,", "3]"]))
        staged.write("changed.json", pieces: pieces(["[1,", "5,", "3]"]))
        staged.write("shorter.json", pieces: pieces(["[1,", "2"]))
        staged.write("new/list.json", pieces: pieces(["[", "]"]))
        XCTAssertEqual(try staged.commit(), StagedOutput.Changes(written: [".sitegen-files", "changed.json", "new/list.json", "shorter.json"],
                                                                 removed: [], unchanged: 1))
        XCTAssertEqual(site(), ["same.json": Array("[1,2,3]".utf8), "changed.json": Array("[1,5,3]".utf8), "shorter.json": Array("[1,2".utf8),
                                "new/list.json": Array("[]".utf8)])
        XCTAssertEqual(try Self.inode(output + "/same.json"), unchanged)
        XCTAssertEqual(made.pieces, ["[1,", "2,", "3]", "[1,", "5,", "[1,", "5,", "3]", "[1,", "2", "[1,", "2", "[", "]"])
    }

    func testFilesAndFoldersTradePlaces() throws {
        try SiteWriter.write(Self.files(["a/index.html": "folder", "b": "file"]), to: output)
        try SiteWriter.write(Self.files(["a": "now a file", "b/index.html": "now in a folder"]), to: output)
        XCTAssertEqual(site(), ["a": Array("now a file".utf8), "b/index.html": Array("now in a folder".utf8)])
    }

    func testALinkToTheOutputFolderIsFollowed() throws {
        try FileManager.default.createDirectory(atPath: folder + "/site", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: output, withDestinationPath: folder + "/site")
        try SiteWriter.write(Self.files(["index.html": "page"]), to: output)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: output), folder + "/site")
        XCTAssertEqual(Fixture.snapshot(folder + "/site").keys.sorted(), [".sitegen-files", "index.html"])
        try SiteWriter.write(Self.files(["index.html": "page 2"]), to: output)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: output), folder + "/site")
        XCTAssertEqual(try entries(folder), [".site.previous", "public", "site"])
    }

    // MARK: - what is sitegen's to replace

    private func refusal(_ output: String, force: Bool = false, protecting: [(role: String, path: String)] = []) -> String {
        do {
            try SiteWriter.write(Self.files(["index.html": "new"]), to: output, protecting: protecting, force: force)
            return "written"
        } catch {
            XCTAssertTrue(error is OutputOwnership.Refusal, "\(error)")
            return "\(error)"
        }
    }

    func testAFolderWithFilesSitegenDidNotWriteIsRefusedUnlessForced() throws {
        try SiteWriter.write(Self.files(["index.html": "old"]), to: output)
        try FileManager.default.createDirectory(atPath: output + "/notes", withIntermediateDirectories: false)
        XCTAssertTrue(FileManager.default.createFile(atPath: output + "/notes/important.txt", contents: Data("mine".utf8)))
        XCTAssertEqual(refusal(output), "'\(output)' holds a file sitegen did not write (notes/important.txt); "
                       + "refusing to remove it: move it out, or pass --force")
        XCTAssertEqual(site(), ["index.html": Array("old".utf8), "notes/important.txt": Array("mine".utf8)])
        XCTAssertEqual(refusal(output, force: true), "written")
        XCTAssertEqual(site(), ["index.html": Array("new".utf8)])
    }

    func testAFolderSitegenNeverWroteIsRefusedUnlessEmptyOrForced() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
        for name in ["a.txt", "b.txt", "c.txt", "d.txt"] {
            XCTAssertTrue(FileManager.default.createFile(atPath: output + "/" + name, contents: Data(name.utf8)))
        }
        XCTAssertEqual(refusal(output), "'\(output)' is not empty and was not written by sitegen (it has no .sitegen-files); "
                       + "refusing to replace what it holds: empty it, choose another folder, or pass --force")
        XCTAssertEqual(site().count, 4)
        XCTAssertTrue(FileManager.default.createFile(atPath: output + "/.sitegen-files", contents: Data("# Files\na.txt\n".utf8)))
        XCTAssertEqual(refusal(output), "'\(output)' holds 3 files sitegen did not write (b.txt, c.txt, d.txt); "
                       + "refusing to remove them: move them out, or pass --force")
        try FileManager.default.removeItem(atPath: output)
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: false)
        XCTAssertEqual(refusal(output), "written")
    }

    func testAFileAtTheOutputPathIsRefusedEvenWhenForced() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: output, contents: Data("a file".utf8)))
        let expected = "'\(output)' is a file, not a folder; refusing to replace it with the site"
        XCTAssertEqual(refusal(output), expected)
        XCTAssertEqual(refusal(output, force: true), expected)
        XCTAssertEqual(FileManager.default.contents(atPath: output), Data("a file".utf8))
    }

    func testTheContentFolderItsParentAndAFolderInsideItAreRefusedEvenWhenForced() throws {
        let content = folder + "/site/content"
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: content + "/site.yml", contents: Data("title: T\n".utf8)))
        let inputs = [(role: "content", path: content), (role: "templates", path: folder + "/templates")]
        XCTAssertEqual(refusal(content, force: true, protecting: inputs), "'\(content)' is the content folder; write the site to another folder")
        XCTAssertEqual(refusal(folder + "/site", force: true, protecting: inputs),
                       "'\(folder)/site' holds the content folder '\(content)'; write the site to a folder of its own")
        XCTAssertEqual(refusal(content + "/public", force: true, protecting: inputs),
                       "'\(content)/public' lies inside the content folder '\(content)'; write the site to a folder outside it")
        XCTAssertEqual(refusal(folder + "/site/../site/content/", force: true, protecting: inputs),
                       "'\(folder)/site/../site/content/' is the content folder; write the site to another folder")
        XCTAssertEqual(Fixture.snapshot(folder + "/site"), ["content/site.yml": Array("title: T\n".utf8)])
    }

    // MARK: - crashes and concurrent builds

    /// Each file-system call of a commit fails in turn: the folder is then wholly old, and the
    /// next build, from whatever the failed one left, writes the new site whole. The output has
    /// been built twice before, so that the previous folder holds second names of its files,
    /// which must never be written through.
    func testACommitStoppedAtAnyStepLeavesTheOldSiteWhole() throws {
        let older = ["index.html": "older home", "same/index.html": "same", "gone/index.html": "gone", "changed.html": "v1"]
        let old = ["index.html": "old home", "same/index.html": "same", "gone/index.html": "gone", "changed.html": "v1", "a/b.html": "ab"]
        let new = ["index.html": "new home", "same/index.html": "same", "added/deep/index.html": "added", "changed.html": "v2", "a": "a file"]
        func contents(_ pairs: [String: String]) -> [String: [UInt8]] { pairs.mapValues { Array($0.utf8) } }
        for failing in 0..<40 {
            try? FileManager.default.removeItem(atPath: folder)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try SiteWriter.write(Self.files(older), to: output)
            try SiteWriter.write(Self.files(old), to: output)
            let counter = CallCounter(failing: failing)
            var calls = StagedOutput.Calls()
            calls.link = { counter.fails() ? -1 : link($0, $1) }
            calls.mkdir = { counter.fails() ? -1 : mkdir($0, 0o755) }
            calls.exchange = { [exchange = calls.exchange] in counter.fails() ? -1 : exchange($0, $1) }
            calls.rename = { counter.fails() ? -1 : rename($0, $1) }
            let staged = try StagedOutput(output, calls: calls)
            Self.files(new).forEach(staged.write)
            let committed = (try? staged.commit()) != nil
            XCTAssertEqual(site(), contents(committed ? new : old), "step \(failing)")
            if committed {
                XCTAssertEqual(failing, counter.calls, "the commit made \(counter.calls) calls")
                return
            }
            try SiteWriter.write(Self.files(new), to: output)
            XCTAssertEqual(site(), contents(new), "step \(failing), built again")
            XCTAssertEqual(Fixture.snapshot(folder + "/.public.previous").filter { $0.key != ".sitegen-files" }, contents(old), "step \(failing)")
        }
        XCTFail("the commit never got through")
    }

    /// A previous folder in any state, as a killed build or a person may leave it, is brought
    /// to the new site; a link in it is removed, never followed.
    func testAnyPreviousFolderIsBroughtToTheNewSite() throws {
        try SiteWriter.write(Self.files(["index.html": "old", "b/index.html": "b"]), to: output)
        let previous = folder + "/.public.previous"
        try? FileManager.default.removeItem(atPath: previous)
        try FileManager.default.createDirectory(atPath: previous + "/index.html/deep", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: previous + "/a", contents: Data("a file where a folder goes".utf8)))
        XCTAssertTrue(FileManager.default.createFile(atPath: previous + "/stale.html", contents: Data("stale".utf8)))
        try FileManager.default.createDirectory(atPath: folder + "/elsewhere", withIntermediateDirectories: false)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/elsewhere/b.html", contents: Data("outside".utf8)))
        try FileManager.default.createSymbolicLink(atPath: previous + "/b", withDestinationPath: folder + "/elsewhere")
        try SiteWriter.write(Self.files(["index.html": "new", "a/index.html": "a", "b/b.html": "b"]), to: output)
        XCTAssertEqual(site(), ["index.html": Array("new".utf8), "a/index.html": Array("a".utf8), "b/b.html": Array("b".utf8)])
        XCTAssertEqual(Fixture.snapshot(folder + "/elsewhere"), ["b.html": Array("outside".utf8)])
    }

    func testAPreviousFolderThatIsAFileIsReplaced() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/.public.previous", contents: Data("x".utf8)))
        try SiteWriter.write(Self.files(["index.html": "new"]), to: output)
        XCTAssertEqual(site(), ["index.html": Array("new".utf8)])
    }

    func testASecondBuildWaitsForTheFirst() throws {
        let first = try StagedOutput(output)
        first.write(OutputFile(path: "first.html", bytes: Array("1".utf8)))
        let secondDone = expectation(description: "second build committed")
        DispatchQueue.global().async { [output] in
            do { try SiteWriter.write(Self.files(["second.html": "2"]), to: output) } catch { XCTFail("\(error)") }
            secondDone.fulfill()
        }
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(try entries(folder), [".public.previous"])
        try first.commit()
        wait(for: [secondDone], timeout: 10)
        XCTAssertEqual(site(), ["second.html": Array("2".utf8)])
        XCTAssertEqual(Fixture.snapshot(folder + "/.public.previous").keys.sorted(), [".sitegen-files", "first.html"])
    }

    static func inode(_ path: String) throws -> UInt64 {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
    }
}

/// Counts a commit's file-system calls and makes the one numbered `failing` (from 0) fail.
private final class CallCounter: @unchecked Sendable {
    private let failing: Int
    private(set) var calls = 0
    private let lock = NSLock()
    init(failing: Int) { self.failing = failing }
    func fails() -> Bool {
        lock.withLock {
            defer { calls += 1 }
            if calls == failing { errno = EIO; return true }
            return false
        }
    }
}
