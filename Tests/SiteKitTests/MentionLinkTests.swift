import XCTest
@testable import SiteKit

/// Where an actor and a term are named by the same words, the first place links the actor
/// (actors sort before terms) and the next place the term, never both on one span; each
/// paragraph links each of them once.
final class MentionLinkTests: XCTestCase {
    func testAnActorAndATermOnOneSpan() {
        let files: [String: String] = [
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("The Entente met; the Entente met again, as the Entente does.\n\nThe Entente & co.\n"),
            "content/actors/entente.md": "---\nname: The \"Entente\"\nkind: organisation\naliases: [Entente]\n---\nA bloc.\n",
            "content/glossary/entente.md": "---\nterm: Entente\naliases: [Entente]\nfamily: alignment\n---\nA loose understanding between states & peoples.\n",
        ]
        let site = Fixture.build(files)
        XCTAssertEqual(site.errors, [])
        let page = site.pages["sources/s/index.html"] ?? ""
        let actor = { (id: String) in "<a id=\"\(id)\" class=\"mention\" href=\"../../actors/entente/index.html\">Entente</a>" }
        let term = "<a class=\"term\" href=\"../../glossary/index.html#entente\">Entente</a>"
        XCTAssertEqual(page.split(separator: "\n").filter { $0.hasPrefix("<p>The") }.map(String.init), [
            "<p>The \(actor("p1-entente")) met; the \(term) met again, as the Entente does.</p>",
            "<p>The \(actor("p2-entente")) &amp; co.</p>",
        ])
    }
}
