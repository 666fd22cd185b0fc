import XCTest
@testable import SiteKit

/// A note is rendered once, with links written from `Paths.notePagesRoot`, and shown as is on
/// its source's page and on the page of each actor it names: both pages must sit at that root.
final class RenderedNoteTests: XCTestCase {
    func testANotesLinksLeadToTheSamePlaceFromItsSourcesPageAndFromAnActorsPage() {
        let files: [String: String] = [
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Russia and Iran are partners.\n"),
            "content/actors/iran.md": "---\nname: Iran\nkind: state\naliases: [Iran]\n---\nA state.\n",
            "content/annotations/s/a.md": "---\nquote: \"are partners\"\nkind: claim\nactors: [iran]\n---\nSays [](actor:iran) and [the text](source:s#p1).\n",
        ]
        let site = Fixture.build(files)
        XCTAssertEqual(site.errors, [])
        let note = "<p>Says <a href=\"../../actors/iran/index.html\">Iran</a> and <a href=\"../../sources/s/index.html#p1\">the text</a>.</p>"
        for path in ["sources/s/index.html", "actors/iran/index.html"] {
            let page = site.pages[path] ?? ""
            XCTAssertEqual(page.split(separator: "\n").filter { $0.hasPrefix("<p>Says") }, [Substring(note)], path)
        }
        XCTAssertEqual(Paths.root(of: Paths.source(SourceID("s"))), Paths.notePagesRoot)
        XCTAssertEqual(Paths.root(of: Paths.actor(ActorID("iran"))), Paths.notePagesRoot)
    }
}
