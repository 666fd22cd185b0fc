import XCTest
@testable import SiteKit

/// A link that reads only "¶N" is named for assistive technology with its source's title; a link
/// with words of its own keeps them.
final class PassageLinkNameTests: XCTestCase {
    func testABareParagraphLinkIsNamedWithItsSource() {
        let files: [String: String] = [
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Iran & co. met.\n"),
            "content/actors/iran.md": "---\nname: Iran\nkind: state\naliases: [Iran]\n---\nMet in [¶1](source:s#p1), as [the opening](source:s#p1) says.\n",
        ]
        let site = Fixture.build(files)
        XCTAssertEqual(site.errors, [])
        XCTAssertEqual((site.pages["actors/iran/index.html"] ?? "").split(separator: "\n").first { $0.hasPrefix("<p>Met") }.map(String.init),
                       "<p>Met in <a href=\"../../sources/s/index.html#p1\" aria-label=\"¶1 of S\">¶1</a>, as "
                       + "<a href=\"../../sources/s/index.html#p1\">the opening</a> says.</p>")
    }
}
