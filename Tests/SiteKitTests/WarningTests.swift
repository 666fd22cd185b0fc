import XCTest
@testable import SiteKit

/// Warnings are reported but do not stop a build.
final class WarningTests: XCTestCase {
    func testUnusedTermUnmentionedActorEventWithoutPassageEmptyNote() {
        let files = [
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Iran is named here.\n"),
            "content/annotations/s/empty.md": "---\nquote: Iran is named\nactors: [iran]\n---\n",
            "content/actors/iran.md": "---\nname: Iran\nkind: state\naliases: [Iran]\n---\nA state.\n",
            "content/actors/chad.md": "---\nname: Chad\nkind: state\naliases: [Chad]\n---\nA state.\n",
            "content/events/2001-x.md": "---\ndate: \"2001\"\ntitle: X\n---\nBody.\n",
            "content/glossary/axis.md": "---\nterm: Axis\naliases: [axis]\nfamily: alignment\n---\nA term.\n",
        ]
        let (corpus, loadDiagnostics) = ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(files))
        XCTAssertEqual(loadDiagnostics, [])
        let (_, diagnostics) = Resolver.resolve(corpus!)
        XCTAssertEqual(diagnostics.sorted().map(\.formatted), [
            "content/actors/chad.md:1:1: warning: actor 'chad' is never mentioned in a source nor referenced",
            "content/annotations/s/empty.md:1:1: warning: annotation has no note; write what the reader should know below the front matter",
            "content/events/2001-x.md:1:1: warning: event '2001-x' cites no passage",
            "content/glossary/axis.md:1:1: warning: term 'axis' is used nowhere: no source uses an alias and nothing refers to it",
        ])
    }
}
