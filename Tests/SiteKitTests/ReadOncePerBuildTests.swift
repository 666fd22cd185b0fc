import XCTest
@testable import SiteKit

/// Each content file is read once per build and a source parsed once: its page is made from the
/// tree its notes, mentions and paragraph numbers were worked out on. A file that changes after
/// it was read changes nothing in that build; the next build shows the change.
final class ReadOncePerBuildTests: XCTestCase {
    /// Counts the reads of every file, and gives one file's bytes as they were for its first
    /// `reads` reads and `later` after that.
    final class ChangingFileSystem: ContentFileSystem, @unchecked Sendable {
        let memory: Overlay
        let path: String
        let reads: Int
        let later: [UInt8]?
        private(set) var counts: [String: Int] = [:]
        private let lock = NSLock()

        init(_ files: [String: String], changing path: String, after reads: Int, to later: String?) {
            memory = Overlay(memory: MemoryFileSystem(files))
            self.path = path
            self.reads = reads
            self.later = later.map { Array($0.utf8) }
        }

        func contents(of path: String) -> [UInt8]? {
            let read = lock.withLock {
                counts[path, default: 0] += 1
                return counts[path]!
            }
            return path == self.path && read > reads ? later : memory.contents(of: path)
        }

        func isDirectory(_ path: String) -> Bool { memory.isDirectory(path) }
        func files(under path: String) -> FolderListing { memory.files(under: path) }
    }

    let memo = "content/sources/memo.md"
    let files = [
        "content/site.yml": Fixture.siteFile,
        "content/sources/memo.md": "---\ntitle: A Memo\nauthor: null\npublisher: null\ndate: \"2002\"\nsummary: S.\n---\nAllies again.\n",
        "content/annotations/memo/allies.md": "---\nquote: Allies again\n---\nA note.\n",
    ]
    let edited = "---\ntitle: A Memo\nauthor: null\npublisher: null\ndate: \"2002\"\nsummary: S.\n---\nAllies, again and again.\n"

    /// The reader text of the memo's page, as a build on `fileSystem` writes it.
    func memoText(_ fileSystem: ContentFileSystem) throws -> [String] {
        let outcome = SiteBuilder(options: .init(templates: Fixture.templates), fileSystem: fileSystem).run()
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [])
        let page = try XCTUnwrap(outcome.files.first { $0.path == "sources/memo/index.html" })
        let lines = String(decoding: page.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let start = try XCTUnwrap(lines.firstIndex { $0.hasSuffix("<div class=\"ptext\">") })
        return lines[start...].prefix(2).map(String.init)
    }

    func testEachContentFileIsReadOncePerBuild() throws {
        let fileSystem = ChangingFileSystem(files, changing: memo, after: 1, to: nil)
        _ = try memoText(fileSystem)
        XCTAssertEqual(fileSystem.counts.filter { $0.key.hasPrefix("content/") }, ["content/site.yml": 1, "content/sources/memo.md": 1, "content/annotations/memo/allies.md": 1])
    }

    /// Changed, or removed, after it was read, the source is built as it was read; the next build shows the change.
    func testAChangeAfterTheReadIsNotMixedIn() throws {
        let unchanged = try memoText(ChangingFileSystem(files, changing: memo, after: .max, to: nil))
        XCTAssertEqual(unchanged, [
            "<div class=\"para\" id=\"p1\"><a class=\"pnum\" href=\"#p1\" aria-label=\"Paragraph 1, permalink\">1</a><div class=\"ptext\">",
            "<p><mark id=\"a-allies\" class=\"hl hl-context\" data-note=\"allies\">Allies again</mark><a class=\"note-ref\" href=\"#n-allies\" aria-label=\"Note 1\">1</a>.</p>",
        ])
        for later in [edited, nil] {
            XCTAssertEqual(try memoText(ChangingFileSystem(files, changing: memo, after: 1, to: later)), unchanged)
        }
        let outcome = SiteBuilder(options: .init(templates: Fixture.templates),
                                  fileSystem: ChangingFileSystem(files, changing: memo, after: 0, to: edited)).run()
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [
            "content/annotations/memo/allies.md:2:8: error: quote not found in source 'memo'\n"
                + "content/annotations/memo/allies.md:2:8: note: closest passage is ¶1 (91% similar): \"Allies, again and again.\"",
        ])
    }

    /// `sitegen new annotation` checks its quote against the text it read, as a build would.
    func testANewAnnotationIsCheckedAgainstTheTextAsRead() {
        let fileSystem = ChangingFileSystem(files, changing: memo, after: 1, to: edited)
        guard case .success = Scaffold.annotation(source: "memo", quote: "Allies again", name: "again", content: "content", fileSystem: fileSystem) else {
            return XCTFail("expected the quote to anchor in the text as read")
        }
        XCTAssertEqual(fileSystem.counts[memo], 1)
    }
}
