import XCTest
@testable import SiteKit

/// The search index is written in parts, runs of sources of about a given size of text.
final class SearchIndexTests: XCTestCase {
    func site() throws -> ResolvedSite {
        func source(_ title: String, _ year: String, _ body: String) -> String {
            "---\ntitle: \(title)\nauthor: null\npublisher: null\ndate: \"\(year)\"\nsummary: S.\n---\n\(body)"
        }
        let files: [String: String] = [
            "content/site.yml": Fixture.siteFile,
            "content/sources/a.md": source("A", "2001", "One.\n"),
            "content/sources/b.md": source("B", "2002", "Two two.\n"),
            "content/sources/c.md": source("C", "2003", "Three three three.\n"),
        ]
        let (corpus, diagnostics) = ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(files))
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        return Resolver.resolve(try XCTUnwrap(corpus)).0
    }

    func testSourcesAreCutIntoPartsOfAboutTheGivenSize() throws {
        let site = try site()
        // 4, 8 and 18 bytes of text: the first part closes once it holds 10 or more.
        XCTAssertEqual(SearchIndex.parts(of: site, size: 10), [0..<2, 2..<3])
        XCTAssertEqual(SearchIndex.parts(of: site, size: 100), [0..<3])
        XCTAssertEqual(SearchIndex.parts(of: site, size: 1), [0..<1, 1..<2, 2..<3])
    }

    func testEachPartFillsItsOwnSlotAndTheManifestListsThem() throws {
        let site = try site()
        let parts = SearchIndex.parts(of: site, size: 10)
        func text(_ file: OutputFile) -> String { file.path + "\n" + String(decoding: file.bytes, as: UTF8.self) }
        XCTAssertEqual(text(SearchIndex.manifest(parts: parts.count)), """
            search/index.js
            window.sitegenSearchParts = ["index-1.js","index-2.js"];

            """)
        XCTAssertEqual(text(SearchIndex.part(0, of: parts, site: site)), """
            search/index-1.js
            (window.sitegenSearchIndex = window.sitegenSearchIndex || [])[0] = [\
            {"k":"Source","t":"A, ¶1","u":"sources/a/index.html#p1","x":"One."},\
            {"k":"Source","t":"B, ¶1","u":"sources/b/index.html#p1","x":"Two two."}];

            """)
        XCTAssertEqual(text(SearchIndex.part(1, of: parts, site: site)), """
            search/index-2.js
            (window.sitegenSearchIndex = window.sitegenSearchIndex || [])[1] = [\
            {"k":"Source","t":"C, ¶1","u":"sources/c/index.html#p1","x":"Three three three."}];

            """)
    }
}
