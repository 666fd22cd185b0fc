import XCTest
@testable import SiteKit

/// The relations page keeps its pairs × sources table only while it stays readable.
final class RelationsPageTests: XCTestCase {
    /// `count` sources, each calling Iran and Russia partners in one annotation.
    private func build(sources count: Int) throws -> String {
        var files: [String: [UInt8]] = [:]
        for (relative, bytes) in Fixture.snapshot(Fixture.templates) { files["templates/" + relative] = bytes }
        var text = [
            "content/site.yml": Fixture.siteFile,
            "content/actors/iran.md": "---\nname: Iran\nkind: state\naliases: [Iran]\n---\nA state.\n",
            "content/actors/russia.md": "---\nname: Russia\nkind: state\naliases: [Russia]\n---\nA state.\n",
            "content/glossary/partner.md": "---\nterm: Partner\naliases: [partners]\nfamily: partnership\n---\nA term.\n",
        ]
        for n in 1...count {
            text["content/sources/s\(n).md"] = "---\ntitle: S\(n)\nauthor: null\npublisher: null\ndate: \"\(2000 + n)\"\nsummary: S.\n---\nIran and Russia are partners.\n"
            text["content/annotations/s\(n)/tie.md"] = "---\nquote: Iran and Russia are partners\nrelation:\n  between: [iran, russia]\n  category: partner\n---\nA tie.\n"
        }
        for (path, value) in text { files[path] = Array(value.utf8) }
        let outcome = SiteBuilder(options: SiteBuilder.Options(), fileSystem: MemoryFileSystem(bytes: files)).run()
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [])
        let page = String(decoding: try XCTUnwrap(outcome.files.first { $0.path == "relations/index.html" }).bytes, as: UTF8.self)
        let main = try XCTUnwrap(page.range(of: "<main id=\"main\">\n")), end = try XCTUnwrap(page.range(of: "<h2>Network</h2>"))
        return String(page[main.upperBound..<end.lowerBound])
    }

    func testTwelveSourcesKeepTheTable() throws {
        let cells = (1...12).map { "<td><a href=\"../sources/s\($0)/index.html#a-tie\">Partner</a> </td>" }.joined()
        let headers = (1...12).map { "<th scope=\"col\"><a href=\"../sources/s\($0)/index.html\">S\($0) (\(2000 + $0))</a></th>" }.joined()
        XCTAssertEqual(try build(sources: 12), """
        <h1>Relations</h1>
        <p>Each cell shows what a source calls the tie between two actors, linked to the passage and the editors’ note that rest on it. Read a row from left to right to see how the characterisation changed from 2001 to 2024.</p>
        <div class="table-wrap"><table class="matrix">
        <thead><tr><th scope="col">Pair</th>\(headers)</tr></thead>
        <tbody>
        <tr><th scope="row">Iran – Russia</th>\(cells)</tr>
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
}
