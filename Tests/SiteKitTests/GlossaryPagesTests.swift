import XCTest
@testable import SiteKit

/// The glossary lists the first uses of each term; a term used more often gets a page with all.
final class GlossaryPagesTests: XCTestCase {
    func pages(uses: Int) -> [String: String] {
        let text = (1...uses).map { "Paragraph \($0) names a strategic partner." }.joined(separator: "\n\n")
        let files: [String: String] = [
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("\(text)\n"),
            "content/glossary/partner.md": "---\nterm: Strategic partnership\naliases: [strategic partner]\nfamily: partnership\n---\nA tie.\n",
        ]
        let outcome = SiteBuilder(options: .init(templates: Fixture.templates), fileSystem: Overlay(memory: MemoryFileSystem(files))).run()
        XCTAssertEqual(outcome.diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        return Dictionary(uniqueKeysWithValues: outcome.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    func use(_ n: Int, root: String) -> String {
        "<li><a href=\"\(root)sources/s/index.html#p\(n)\">S, ¶\(n)</a> Paragraph \(n) names a strategic partner.</li>"
    }

    func usesSection(_ page: String) -> String? {
        guard let start = page.range(of: "<h4>Used in</h4>\n"), let end = page.range(of: "</article>", range: start.upperBound..<page.endIndex) else { return nil }
        return String(page[start.upperBound..<end.lowerBound])
    }

    func testTwentyUsesAreAllListedOnTheGlossary() {
        let pages = pages(uses: 20)
        XCTAssertEqual(usesSection(pages["glossary/index.html"] ?? ""),
                       "<ul class=\"mentions\">" + (1...20).map { use($0, root: "../") }.joined() + "</ul>\n")
        XCTAssertNil(pages["glossary/partner/index.html"])
    }

    func testATermUsedMoreOftenGetsAPageWithEveryUse() {
        let pages = pages(uses: 21)
        XCTAssertEqual(usesSection(pages["glossary/index.html"] ?? ""),
                       "<ul class=\"mentions\">" + (1...20).map { use($0, root: "../") }.joined() + "</ul>\n"
                        + "<p class=\"more\"><a href=\"../glossary/partner/index.html\">All 21 uses of “Strategic partnership”</a></p>\n")
        let termPage = pages["glossary/partner/index.html"] ?? ""
        let main = termPage.range(of: "<main id=\"main\">\n").flatMap { start in
            termPage.range(of: "</main>", range: start.upperBound..<termPage.endIndex).map { String(termPage[start.upperBound..<$0.lowerBound]) }
        }
        XCTAssertEqual(main, """
            <article class="term-uses">
            <p class="meta"><a href="../../glossary/index.html#partner">Glossary</a></p>
            <h1>Strategic partnership</h1>
            <p>A tie.</p>

            <h2>All 21 uses</h2>
            <ul class="mentions">
            \((1...21).map { use($0, root: "../../") }.joined(separator: "\n"))
            </ul>
            </article>


            """)
        XCTAssertEqual(termPage.split(separator: "\n").first { $0.hasPrefix("<title>") }, "<title>Strategic partnership · T</title>")
    }
}
