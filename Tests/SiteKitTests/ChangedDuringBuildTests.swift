import XCTest
@testable import SiteKit

/// A source's text is not kept from loading on: it is read again from its file to be resolved
/// and again to be rendered. A file that changed in between fails the build with a diagnostic,
/// and the output folder stays as it was.
final class ChangedDuringBuildTests: XCTestCase {
    /// Gives one file's bytes as they were for its first `reads` reads, and `later` after that.
    final class ChangingFileSystem: ContentFileSystem, @unchecked Sendable {
        let memory: Overlay
        let path: String
        let reads: Int
        let later: [UInt8]?
        private var count = 0
        private let lock = NSLock()

        init(_ files: [String: String], changing path: String, after reads: Int, to later: String?) {
            memory = Overlay(memory: MemoryFileSystem(files))
            self.path = path
            self.reads = reads
            self.later = later.map { Array($0.utf8) }
        }

        func contents(of path: String) -> [UInt8]? {
            guard path == self.path else { return memory.contents(of: path) }
            let read = lock.withLock {
                count += 1
                return count
            }
            return read > reads ? later : memory.contents(of: path)
        }

        func isDirectory(_ path: String) -> Bool { memory.isDirectory(path) }
        func files(under path: String) -> FolderListing { memory.files(under: path) }
    }

    let memo = "content/sources/memo.md"
    let files = [
        "content/site.yml": Fixture.siteFile,
        "content/sources/memo.md": "---\ntitle: A Memo\nauthor: null\npublisher: null\ndate: \"2002\"\nsummary: S.\n---\nAllies again.\n",
    ]
    let edited = "---\ntitle: A Memo\nauthor: null\npublisher: null\ndate: \"2002\"\nsummary: S.\n---\nAllies, again and again.\n"

    let failure = "content/sources/memo.md:1:1: error: file changed while the site was being built; nothing was written, build again"

    /// The diagnostics of a build in which the source changes after `reads` reads, and whether it gave pages.
    func outcome(changingAfter reads: Int, to later: String?) -> (diagnostics: [String], hasPages: Bool) {
        let fileSystem = ChangingFileSystem(files, changing: memo, after: reads, to: later)
        let outcome = SiteBuilder(options: .init(templates: Fixture.templates), fileSystem: fileSystem).run()
        return (outcome.diagnostics.map(\.formatted), !outcome.files.isEmpty)
    }

    /// After one read the change is met while resolving; after two, while rendering.
    func testAChangeAfterLoadingFailsTheBuild() {
        for (reads, later) in [(1, edited), (2, edited), (2, nil)] as [(Int, String?)] {
            let result = outcome(changingAfter: reads, to: later)
            XCTAssertEqual(result.diagnostics, [failure], "changed after \(reads) reads to \(later ?? "nothing")")
            XCTAssertFalse(result.hasPages, "changed after \(reads) reads to \(later ?? "nothing")")
        }
    }

    /// Loaded, resolved and rendered from three reads of the same bytes, the site builds as usual.
    func testAFileReadThreeTimesUnchangedBuilds() {
        let result = outcome(changingAfter: 3, to: edited)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertTrue(result.hasPages)
    }

    /// `sitegen new annotation` checks its quote against the text read again, as a build would.
    func testANewAnnotationIsRefusedWhenTheSourceChangedAfterLoading() {
        let fileSystem = ChangingFileSystem(files, changing: memo, after: 1, to: edited)
        guard case .failure(let failure) = Scaffold.annotation(source: "memo", quote: "Allies again", name: nil, content: "content", fileSystem: fileSystem) else {
            return XCTFail("expected a failure")
        }
        XCTAssertEqual(failure.diagnostics.map(\.formatted), [self.failure])
    }

    func testTheOutputFolderIsLeftAsItWas() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-changed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/public"
        try SiteWriter.write([OutputFile(path: "index.html", bytes: Array("old".utf8))], to: output)
        let before = Fixture.snapshot(output)

        let fileSystem = ChangingFileSystem(files, changing: memo, after: 2, to: edited)
        let outcome = SiteBuilder(options: .init(templates: Fixture.templates, output: output), fileSystem: fileSystem).build()

        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [failure])
        XCTAssertNil(outcome.changes)
        XCTAssertEqual(Fixture.snapshot(output), before)
    }
}
