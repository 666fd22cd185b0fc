import XCTest
@testable import SiteKit

/// The relations page keeps its pairs × sources table only while it stays readable; each cell
/// names a category once with every paragraph that uses it, and leads to the pair's page.
final class RelationsPageTests: XCTestCase {
    private let actorsAndTerms = [
        "content/site.yml": Fixture.siteFile,
        "content/actors/iran.md": "---\nname: Iran\nkind: state\naliases: [Iran]\n---\nA state.\n",
        "content/actors/russia.md": "---\nname: Russia\nkind: state\naliases: [Russia]\n---\nA state.\n",
        "content/glossary/partner.md": "---\nterm: Partner\naliases: [partners]\nfamily: partnership\n---\nA term.\n",
    ]

    /// `count` sources, each calling Iran and Russia partners in one annotation.
    private func build(sources count: Int) throws -> String {
        let page = String(decoding: try XCTUnwrap(try files(sources: count)["relations/index.html"]), as: UTF8.self)
        return try main(of: page, upTo: "<h2>Network</h2>")
    }

    private func files(sources count: Int) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (relative, bytes) in Fixture.snapshot(Fixture.templates) { files["templates/" + relative] = bytes }
        var text = actorsAndTerms
        for n in 1...count {
            text["content/sources/s\(n).md"] = "---\ntitle: S\(n)\nauthor: null\npublisher: null\ndate: \"\(2000 + n)\"\nsummary: S.\n---\nIran and Russia are partners.\n"
            text["content/annotations/s\(n)/tie.md"] = "---\nquote: Iran and Russia are partners\nrelation:\n  between: [iran, russia]\n  category: partner\n---\nA tie.\n"
        }
        for (path, value) in text { files[path] = Array(value.utf8) }
        let outcome = SiteBuilder(options: SiteBuilder.Options(), fileSystem: MemoryFileSystem(bytes: files)).run()
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [])
        return Dictionary(uniqueKeysWithValues: outcome.files.map { ($0.path, $0.bytes) })
    }

    /// A pair's sources are found from its own characterisations, then put in the sources' order.
    func testThePairsPreviewNamesItsSourcesOldestFirst() throws {
        let previews = String(decoding: try XCTUnwrap(try files(sources: 12)["relations/previews.js"]), as: UTF8.self)
        XCTAssertEqual(previews, "(window.sitegenPreviews = window.sitegenPreviews || {})[\"relations/\"] = {\n\"iran--russia\": [\"Iran and Russia\",\""
                       + (2001...2012).map { "Partner (\($0))" }.joined(separator: "; ") + ".\"]\n};\n")
    }

    private func main(of page: String, upTo end: String = "</main>") throws -> String {
        let start = try XCTUnwrap(page.range(of: "<main id=\"main\">\n")), end = try XCTUnwrap(page.range(of: end))
        return String(page[start.upperBound..<end.lowerBound])
    }

    private let intro = "<p>Each cell shows what a source calls the tie between two actors and the paragraphs that say so; a pair’s name, and each category, leads to the page that sets the sources’ passages and the editors’ notes side by side. Read a row from left to right to see how the characterisation changed from 2001 to 2024.</p>"

    func testTwelveSourcesKeepTheTable() throws {
        let cells = (1...12).map {
            "<td><p><a href=\"../relations/iran--russia/index.html#s-s\($0)\">Partner</a>: <a href=\"../sources/s\($0)/index.html#a-tie\" aria-label=\"¶1 of S\($0)\">¶1</a></p></td>"
        }.joined()
        let headers = (1...12).map { "<th scope=\"col\"><a href=\"../sources/s\($0)/index.html\">S\($0) (\(2000 + $0))</a></th>" }.joined()
        XCTAssertEqual(try build(sources: 12), """
        <h1>Relations</h1>
        \(intro)
        <div class="table-wrap"><table class="matrix">
        <thead><tr><th scope="col">Pair</th>\(headers)</tr></thead>
        <tbody>
        <tr><th scope="row"><a href="../relations/iran--russia/index.html">Iran – Russia</a></th>\(cells)</tr>
        </tbody>
        </table></div>

        """)
    }

    func testThirteenSourcesDropTheTableAndSayWhy() throws {
        XCTAssertEqual(try build(sources: 13), """
        <h1>Relations</h1>
        <p>With 13 sources, a table of pairs against sources would be too wide to read. The ties are drawn below and listed pair by pair, oldest source first.</p>

        """)
    }

    /// One source calls Russia and Iran partners twice and rivals once; an older one calls them
    /// partners. The pair, given as russia and iran, has one page, at `iran--russia`.
    private func pairSite() -> (errors: [String], pages: [String: String]) {
        var files = actorsAndTerms
        files["content/glossary/rival.md"] = "---\nterm: Rival\naliases: [rivals]\nfamily: rivalry\n---\nA term.\n"
        files["content/sources/new.md"] = "---\ntitle: New\nauthor: null\npublisher: null\ndate: \"2019-09-03\"\nsummary: S.\n---\n"
            + "Russia and Iran are partners.\n\nRussia and Iran are still partners.\n\nRussia and Iran are rivals in Syria.\n"
        files["content/sources/old.md"] = "---\ntitle: Old\nauthor: null\npublisher: null\ndate: \"2001\"\nsummary: S.\n---\nIran and Russia are partners.\n"
        let tie = { (quote: String, category: String, note: String) in
            "---\nquote: \(quote)\nkind: claim\nactors: [russia]\nrelation:\n  between: [russia, iran]\n  category: \(category)\n---\n\(note)\n"
        }
        files["content/annotations/new/first.md"] = tie("Russia and Iran are partners", "partner", "First, with [Iran](actor:iran).")
        files["content/annotations/new/second.md"] = tie("still partners", "partner", "Second.")
        files["content/annotations/new/third.md"] = tie("rivals in Syria", "rival", "Third.")
        files["content/annotations/old/tie.md"] = tie("Iran and Russia are partners", "partner", "Old & tied.")
        return Fixture.build(files)
    }

    func testACategoryUsedTwiceInASourceIsNamedOnceWithBothParagraphs() throws {
        let site = pairSite()
        XCTAssertEqual(site.errors, [])
        let page = try XCTUnwrap(site.pages["relations/index.html"])
        let row = page.split(separator: "\n").first { $0.hasPrefix("<tr><th scope=\"row\">") }.map(String.init)
        XCTAssertEqual(row, "<tr><th scope=\"row\"><a href=\"../relations/iran--russia/index.html\">Iran – Russia</a></th>"
            + "<td><p><a href=\"../relations/iran--russia/index.html#s-old\">Partner</a>: <a href=\"../sources/old/index.html#a-tie\" aria-label=\"¶1 of Old\">¶1</a></p></td>"
            + "<td><p><a href=\"../relations/iran--russia/index.html#s-new\">Partner</a> ×2: <a href=\"../sources/new/index.html#a-first\" aria-label=\"¶1 of New\">¶1</a>"
            + " <a href=\"../sources/new/index.html#a-second\" aria-label=\"¶2 of New\">¶2</a></p>"
            + "<p><a href=\"../relations/iran--russia/index.html#s-new\">Rival</a>: <a href=\"../sources/new/index.html#a-third\" aria-label=\"¶3 of New\">¶3</a></p></td></tr>")
        XCTAssertEqual(try main(of: page, upTo: "</main>").components(separatedBy: "<h2>All characterised ties</h2>\n").last, """
        <ul class="tie-list">
        <li><a href="../relations/iran--russia/index.html#s-old">Iran – Russia</a>: Partner (<a href="../sources/old/index.html#a-tie">Old, 2001, ¶1</a>)</li>
        <li><a href="../relations/iran--russia/index.html#s-new">Iran – Russia</a>: Partner (<a href="../sources/new/index.html#a-first">New, 2019, ¶1</a>)</li>
        <li><a href="../relations/iran--russia/index.html#s-new">Iran – Russia</a>: Partner (<a href="../sources/new/index.html#a-second">New, 2019, ¶2</a>)</li>
        <li><a href="../relations/iran--russia/index.html#s-new">Iran – Russia</a>: Rival (<a href="../sources/new/index.html#a-third">New, 2019, ¶3</a>)</li>
        </ul>


        """)
        let edge = page.components(separatedBy: "<a class=\"tie-link\"").dropFirst().first?.components(separatedBy: "</a>").first
        XCTAssertEqual(edge, " href=\"../relations/iran--russia/index.html\" aria-label=\"Iran – Russia: 4 characterisations\"><title>Iran – Russia: 4 characterisations</title>"
            + "<line class=\"tie-hit\" x1=\"320.0\" y1=\"100.0\" x2=\"320.0\" y2=\"540.0\"/><line class=\"tie\" x1=\"320.0\" y1=\"100.0\" x2=\"320.0\" y2=\"540.0\" stroke-width=\"4\"/>")
    }

    func testThePairPageQuotesEachSourceOldestFirst() throws {
        let site = pairSite()
        XCTAssertEqual(site.errors, [])
        XCTAssertNil(site.pages["relations/russia--iran/index.html"])
        XCTAssertEqual(try main(of: try XCTUnwrap(site.pages["relations/iran--russia/index.html"])), """
        <article class="pair">
        <p class="meta"><a href="../../relations/index.html">Relations</a></p>
        <h1>Iran and Russia</h1>
        <p class="lede">What each source calls the tie between <a href="../../actors/iran/index.html">Iran</a> and <a href="../../actors/russia/index.html">Russia</a>, with the passage that says so and the editors’ note on it. 4 characterisations in 2 sources, oldest source first.</p>
        <div class="pair-sources">
        <section class="pair-source" id="s-old" aria-labelledby="s-old-title">
        <h2 id="s-old-title"><a href="../../sources/old/index.html">Old</a> <span class="year">2001</span></h2>
        <div class="pair-passage">
        <p class="pair-category"><a href="../../glossary/index.html#partner">Partner</a></p>
        <blockquote><p><a href="../../sources/old/index.html#p1">Iran and Russia are partners</a></p></blockquote>
        <div class="pair-note"><p class="note-head"><a href="../../sources/old/index.html#a-tie">Editors’ note on ¶1</a></p>
        <p>Old &amp; tied.</p>
        </div>
        </div>
        </section>
        <section class="pair-source" id="s-new" aria-labelledby="s-new-title">
        <h2 id="s-new-title"><a href="../../sources/new/index.html">New</a> <span class="year">3 September 2019</span></h2>
        <div class="pair-passage">
        <p class="pair-category"><a href="../../glossary/index.html#partner">Partner</a></p>
        <blockquote><p><a href="../../sources/new/index.html#p1">Russia and Iran are partners</a></p></blockquote>
        <div class="pair-note"><p class="note-head"><a href="../../sources/new/index.html#a-first">Editors’ note on ¶1</a></p>
        <p>First, with <a href="../../actors/iran/index.html">Iran</a>.</p>
        </div>
        </div>
        <div class="pair-passage">
        <p class="pair-category"><a href="../../glossary/index.html#partner">Partner</a></p>
        <blockquote><p><a href="../../sources/new/index.html#p2">still partners</a></p></blockquote>
        <div class="pair-note"><p class="note-head"><a href="../../sources/new/index.html#a-second">Editors’ note on ¶2</a></p>
        <p>Second.</p>
        </div>
        </div>
        <div class="pair-passage">
        <p class="pair-category"><a href="../../glossary/index.html#rival">Rival</a></p>
        <blockquote><p><a href="../../sources/new/index.html#p3">rivals in Syria</a></p></blockquote>
        <div class="pair-note"><p class="note-head"><a href="../../sources/new/index.html#a-third">Editors’ note on ¶3</a></p>
        <p>Third.</p>
        </div>
        </div>
        </section>
        </div>
        </article>


        """)
    }

    func testTheAnnotationIndexListsEveryAnnotationWithWhatItsFiltersMatch() throws {
        let site = pairSite()
        XCTAssertEqual(site.errors, [])
        let page = try main(of: try XCTUnwrap(site.pages["annotations/index.html"]))
        let form = try XCTUnwrap(page.range(of: "</form>\n"))
        XCTAssertEqual(String(page[form.upperBound...]), """
        <section class="annotation-group" aria-labelledby="s-old">
        <h2 id="s-old"><a href="../sources/old/index.html">Old</a> <span class="year">2001</span></h2>
        <ol class="annotation-index">
        <li class="kind-claim" data-kind="claim" data-source="old" data-actors="russia iran" data-terms="partner">
        <p class="ai-head">¶1 <span class="kind">Claim to weigh</span></p>
        <p class="ai-quote"><a href="../sources/old/index.html#a-tie">“Iran and Russia are partners”</a></p>
        <dl class="ai-tags"><dt>Actors</dt><dd><a href="../actors/russia/index.html">Russia</a></dd><dd><a href="../actors/iran/index.html">Iran</a></dd><dt>Terms</dt><dd><a href="../glossary/index.html#partner">Partner</a></dd></dl>
        </li>
        </ol>
        </section>
        <section class="annotation-group" aria-labelledby="s-new">
        <h2 id="s-new"><a href="../sources/new/index.html">New</a> <span class="year">3 September 2019</span></h2>
        <ol class="annotation-index">
        <li class="kind-claim" data-kind="claim" data-source="new" data-actors="russia iran" data-terms="partner">
        <p class="ai-head">¶1 <span class="kind">Claim to weigh</span></p>
        <p class="ai-quote"><a href="../sources/new/index.html#a-first">“Russia and Iran are partners”</a></p>
        <dl class="ai-tags"><dt>Actors</dt><dd><a href="../actors/russia/index.html">Russia</a></dd><dd><a href="../actors/iran/index.html">Iran</a></dd><dt>Terms</dt><dd><a href="../glossary/index.html#partner">Partner</a></dd></dl>
        </li>
        <li class="kind-claim" data-kind="claim" data-source="new" data-actors="russia iran" data-terms="partner">
        <p class="ai-head">¶2 <span class="kind">Claim to weigh</span></p>
        <p class="ai-quote"><a href="../sources/new/index.html#a-second">“still partners”</a></p>
        <dl class="ai-tags"><dt>Actors</dt><dd><a href="../actors/russia/index.html">Russia</a></dd><dd><a href="../actors/iran/index.html">Iran</a></dd><dt>Terms</dt><dd><a href="../glossary/index.html#partner">Partner</a></dd></dl>
        </li>
        <li class="kind-claim" data-kind="claim" data-source="new" data-actors="russia iran" data-terms="rival">
        <p class="ai-head">¶3 <span class="kind">Claim to weigh</span></p>
        <p class="ai-quote"><a href="../sources/new/index.html#a-third">“rivals in Syria”</a></p>
        <dl class="ai-tags"><dt>Actors</dt><dd><a href="../actors/russia/index.html">Russia</a></dd><dd><a href="../actors/iran/index.html">Iran</a></dd><dt>Terms</dt><dd><a href="../glossary/index.html#rival">Rival</a></dd></dl>
        </li>
        </ol>
        </section>
        <script src="../assets/filters.js" defer></script>
        <script src="../assets/annotation-filters.js" defer></script>


        """)
    }
}
