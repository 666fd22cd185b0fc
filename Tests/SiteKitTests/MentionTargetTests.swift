import XCTest
@testable import SiteKit

/// An actor page's mention links land on the mention itself: the actor's first link in the
/// paragraph carries the id, or, where a term's link holds all its mentions there, a span of its own.
final class MentionTargetTests: XCTestCase {
    func testEachActorsFirstMentionInAParagraphHasTheIdItsPageLinksTo() {
        let files: [String: String] = [
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Russia and Iran, Iran and Russia.\n\nIran partners abound, says Iran.\n\nIran partners abound.\n"),
            "content/actors/iran.md": "---\nname: Iran\nkind: state\naliases: [Iran]\n---\nA state.\n",
            "content/actors/russia.md": "---\nname: Russia\nkind: state\naliases: [Russia]\n---\nA state.\n",
            "content/glossary/partner.md": "---\nterm: Iran partnership\naliases: [Iran partners]\nfamily: partnership\n---\nA tie.\n",
        ]
        let site = Fixture.build(files)
        XCTAssertEqual(site.errors, [])
        let lines = (site.pages["sources/s/index.html"] ?? "").split(separator: "\n").filter { $0.hasPrefix("<p><a") }.map(String.init)
        XCTAssertEqual(lines, [
            "<p><a id=\"p1-russia\" class=\"mention\" href=\"../../actors/russia/index.html\">Russia</a> and "
            + "<a id=\"p1-iran\" class=\"mention\" href=\"../../actors/iran/index.html\">Iran</a>, Iran and Russia.</p>",
            "<p><a class=\"term\" href=\"../../glossary/index.html#partner\">Iran partners</a> abound, says "
            + "<a id=\"p2-iran\" class=\"mention\" href=\"../../actors/iran/index.html\">Iran</a>.</p>",
            "<p><a class=\"term\" href=\"../../glossary/index.html#partner\"><span id=\"p3-iran\">Iran</span> partners</a> abound.</p>",
        ])
        let mentions = (site.pages["actors/iran/index.html"] ?? "").split(separator: "\n").filter { $0.hasPrefix("<li><a href=\"../../sources/s/") }.map(String.init)
        XCTAssertEqual(mentions, [
            "<li><a href=\"../../sources/s/index.html#p1-iran\" aria-label=\"¶1 of S\">¶1</a> Russia and Iran, Iran and Russia.</li>",
            "<li><a href=\"../../sources/s/index.html#p1-iran\" aria-label=\"¶1 of S\">¶1</a> Russia and Iran, Iran and Russia.</li>",
            "<li><a href=\"../../sources/s/index.html#p2-iran\" aria-label=\"¶2 of S\">¶2</a> Iran partners abound, says Iran.</li>",
            "<li><a href=\"../../sources/s/index.html#p2-iran\" aria-label=\"¶2 of S\">¶2</a> Iran partners abound, says Iran.</li>",
            "<li><a href=\"../../sources/s/index.html#p3-iran\" aria-label=\"¶3 of S\">¶3</a> Iran partners abound.</li>",
        ])
    }
}
