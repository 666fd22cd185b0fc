import XCTest
@testable import SiteKit

/// A note's reference number is a link, so it must never sit inside another link: a highlight
/// that ends inside a mention, a glossary link or a link of the text gets its number after it.
final class NoteReferenceTests: XCTestCase {
    func testReferenceOfAHighlightEndingInsideALinkFollowsThatLink() {
        let files: [String: String] = [
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Russia and Iran are strategic partners, says [the 2001 treaty](https://example.org/t).\n"),
            "content/actors/iran.md": "---\nname: Iran\nkind: state\naliases: [Iran]\n---\nA state.\n",
            "content/glossary/partner.md": "---\nterm: Strategic partnership\naliases: [strategic partners]\nfamily: partnership\n---\nA tie.\n",
            "content/annotations/s/a.md": "---\nquote: \"are strategic\"\nkind: claim\n---\nA note.\n",
            "content/annotations/s/b.md": "---\nquote: \"says the 2001\"\nkind: context\n---\nA note.\n",
            "content/annotations/s/c.md": "---\nquote: \"and Ir\"\nkind: term\n---\nA note.\n",
        ]
        let site = Fixture.build(files)
        XCTAssertEqual(site.errors, [])
        let page = site.pages["sources/s/index.html"] ?? ""
        XCTAssertEqual(page.split(separator: "\n").first { $0.hasPrefix("<p>Russia") }.map(String.init),
            "<p>Russia <mark id=\"a-c\" class=\"hl hl-term\" data-note=\"c\">and </mark>"
            + "<a id=\"p1-iran\" class=\"mention\" href=\"../../actors/iran/index.html\"><mark class=\"hl hl-term\" data-note=\"c\">Ir</mark>an</a>"
            + "<a class=\"note-ref\" href=\"#n-c\" aria-label=\"Note 1\">1</a> <mark id=\"a-a\" class=\"hl hl-claim\" data-note=\"a\">are </mark>"
            + "<a class=\"term\" href=\"../../glossary/index.html#partner\"><mark class=\"hl hl-claim\" data-note=\"a\">strategic</mark> partners</a>"
            + "<a class=\"note-ref\" href=\"#n-a\" aria-label=\"Note 2\">2</a>, <mark id=\"a-b\" class=\"hl hl-context\" data-note=\"b\">says </mark>"
            + "<a href=\"https://example.org/t\"><mark class=\"hl hl-context\" data-note=\"b\">the 2001</mark> treaty</a>"
            + "<a class=\"note-ref\" href=\"#n-b\" aria-label=\"Note 3\">3</a>.</p>")
    }
}
