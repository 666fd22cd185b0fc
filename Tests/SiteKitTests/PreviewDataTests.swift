import XCTest
@testable import SiteKit

/// Link previews: short texts cut at a word, and the per-folder scripts that hold them.
final class PreviewDataTests: XCTestCase {
    func testFirstSentenceDropsBoilerplateAndKeepsAbbreviations() {
        XCTAssertEqual(PreviewText.firstSentence(of: "Outside the sources: “cautious partnership” is a label. It is ours."),
                       "“Cautious partnership” is a label.")
        XCTAssertEqual(PreviewText.firstSentence(of: "The U.S. and Mr. Putin met in St. Petersburg. They talked."),
                       "The U.S. and Mr. Putin met in St. Petersburg.")
        XCTAssertEqual(PreviewText.firstSentence(of: "Is it an alliance? Nobody says so."), "Is it an alliance?")
        XCTAssertEqual(PreviewText.firstSentence(of: "A state of 2.5 million people. More."), "A state of 2.5 million people.")
    }

    func testLongTextsAreCutAtAWord() {
        XCTAssertEqual(PreviewText.cut("A cautious partnership, never an alliance", limit: 28), "A cautious partnership…")
        XCTAssertEqual(PreviewText.cut("Short enough", limit: 12), "Short enough")
        XCTAssertEqual(PreviewText.cut("Unbreakableword", limit: 6), "Unbre…")
        XCTAssertEqual(PreviewText.firstWords(of: "one two,  three four", count: 2), "one two…")
        XCTAssertEqual(PreviewText.firstWords(of: "one two", count: 2), "one two")
        XCTAssertEqual(PreviewText.firstWords(of: "  “Naïve”   partners —  at best ", count: 3), "“Naïve” partners…")
        XCTAssertEqual(PreviewText.firstWords(of: " Россия  и\u{A0}Иран ", count: 2), "Россия и\u{A0}Иран")
        XCTAssertEqual(PreviewText.firstWords(of: "", count: 2), "")
    }

    func testEachFolderHasItsPreviewsAsAScript() throws {
        let site = Fixture.build([
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Russia and the \"West\" were partners, in one sense.\n\nShort.\n"),
            "content/actors/russia.md": "---\nname: Russia\nkind: state\naliases: [Russia]\n---\nA state. [It](source:s#p2) matters.\n",
            "content/glossary/partner.md": "---\nterm: Partner\naliases: [partners]\nfamily: partnership\n---\nOutside the sources: a partner works with another. More.\n",
            "content/events/2001-talks.md": "---\ndate: 2001-05\ntitle: Talks\ncirca: true\n---\nRussia talked. Then it stopped.\n",
            "content/annotations/s/sense.md": "---\nquote: in one sense\nkind: claim\n---\nWhich \"sense\"?\n",
        ])
        XCTAssertEqual(site.errors, [])
        XCTAssertEqual(site.pages["actors/previews.js"], """
        (window.sitegenPreviews = window.sitegenPreviews || {})["actors/"] = {
        "russia": ["Russia · State","A state."]
        };

        """)
        XCTAssertEqual(site.pages["glossary/previews.js"], """
        (window.sitegenPreviews = window.sitegenPreviews || {})["glossary/"] = {
        "partner": ["Partner · Glossary","A partner works with another."]
        };

        """)
        XCTAssertEqual(site.pages["timeline/previews.js"], """
        (window.sitegenPreviews = window.sitegenPreviews || {})["timeline/"] = {
        "2001-talks": ["c. May 2001 · Talks","Russia talked."]
        };

        """)
        XCTAssertEqual(site.pages["sources/s/previews.js"], """
        (window.sitegenPreviews = window.sitegenPreviews || {})["sources/s/"] = {
        "": ["S · 2001","S."],
        "p1": ["S, ¶1","Russia and the “West” were partners, in one sense."],
        "p2": ["S, ¶2","Short."],
        "n-sense": ["Note 1 · Claim to weigh · ¶1","Which “sense”?"]
        };

        """)
    }

    /// A link written with empty text reads as its target's name in a preview, as on the page.
    func testAnEmptyLinkPreviewsAsItsTargetsName() throws {
        let site = Fixture.build([
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Russia and its partners.\n"),
            "content/actors/russia.md": "---\nname: Russia\nkind: state\naliases: [Russia]\n---\nA [](term:partner) of many. More.\n",
            "content/glossary/partner.md": "---\nterm: Partner\naliases: [partners]\nfamily: partnership\n---\nOne who works with another.\n",
        ])
        XCTAssertEqual(site.errors, [])
        XCTAssertEqual(site.pages["actors/previews.js"], """
        (window.sitegenPreviews = window.sitegenPreviews || {})["actors/"] = {
        "russia": ["Russia · State","A Partner of many."]
        };

        """)
    }
}
