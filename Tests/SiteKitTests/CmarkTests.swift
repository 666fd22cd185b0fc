import XCTest
@testable import SiteKit

final class CmarkTests: XCTestCase {
    func render(_ markdown: String) -> String { Cmark.renderHTML(Cmark.parse(markdown)) }

    func testRepresentativeMarkdown() {
        XCTAssertEqual(render("# Title\n\nSome *emphasis*, **strong** and `code`.\n\n- one\n- two\n\n> quoted\n"), """
        <h1>Title</h1>
        <p>Some <em>emphasis</em>, <strong>strong</strong> and <code>code</code>.</p>
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>
        <blockquote>
        <p>quoted</p>
        </blockquote>

        """)
    }

    func testSmartPunctuation() {
        XCTAssertEqual(render("\"Allies\" -- 'partners' --- rivals... it's"),
                       "<p>“Allies” – ‘partners’ — rivals… it’s</p>\n")
    }

    func testRawHTMLIsOmitted() {
        XCTAssertEqual(render("<script>alert(1)</script>\n\nText <b onclick=\"x\">bold</b>"),
                       "<!-- raw HTML omitted -->\n<p>Text <!-- raw HTML omitted -->bold<!-- raw HTML omitted --></p>\n")
    }

    func testJavascriptLinkIsDropped() {
        XCTAssertEqual(render("[click](javascript:alert(1)) and [ok](https://example.org)"),
                       "<p><a href=\"\">click</a> and <a href=\"https://example.org\">ok</a></p>\n")
    }

    /// Schemes in any case, after spaces or a tab, are unsafe; other URLs, whatever their first
    /// character, are not (the first character alone settles most of them).
    func testUnsafeURLs() {
        let urls = ["javascript:x", " JavaScript:x", "\tDATA:image/png", "File:///etc", "vbscript:x", "\u{2003}javascript:x",
                    "https://example.org", "actor:a1", "jv", "data", "", "#p3", "\u{FF4A}avascript:x", "\njavascript:x"]
        XCTAssertEqual(urls.map(Cmark.isUnsafe), [true, true, true, true, true, true,
                                                  false, false, false, false, false, false, false, false])
    }

    func testCustomNodesAreEmittedVerbatim() {
        let node = MarkdownNode(.document, children: [
            MarkdownNode(.customBlock(enter: "<div class=\"x\">", exit: "</div>"), children: [
                MarkdownNode(.paragraph, children: [
                    MarkdownNode(.customInline(enter: "<mark>", exit: "</mark>"), children: [MarkdownNode(.text("a < b"))]),
                ]),
            ]),
        ])
        XCTAssertEqual(Cmark.renderHTML(node), "<div class=\"x\">\n<p><mark>a &lt; b</mark></p>\n</div>\n")
    }

    func testDataImagesAreDropped() {
        XCTAssertEqual(render("![x](data:image/png;base64,AAAA) [f](file:///etc/passwd)"), "<p><img src=\"\" alt=\"x\" /> <a href=\"\">f</a></p>\n")
    }

    func testExtremeNestingIsCutOffVisibly() {
        let html = render(String(repeating: "> ", count: 5_000) + "deep\n")
        XCTAssertEqual(html.components(separatedBy: "<blockquote>").count - 1, 256)
        XCTAssertTrue(html.hasSuffix("<p>[content nested more than 256 levels deep is omitted]</p>\n" + String(repeating: "</blockquote>\n", count: 256)))
    }

    func testSourcePositionsOfInlines() {
        let document = Cmark.parse("line one\nsee [x](actor:russia)")
        let link = document.children[0].children[3]
        XCTAssertEqual(link.kind, .link(url: "actor:russia", title: ""))
        XCTAssertEqual([link.line, link.column], [2, 5])
    }

    func testPlainLengthCountsScalarsNotBytesNorCharacters() {
        XCTAssertEqual(["", "abc", "é", "e\u{301}", "😀", "«Союз»"].map(MarkdownNode.scalarCount), [0, 3, 1, 2, 1, 6])
        // Longer than the eight bytes counted at a time, with scalars of 2, 3 and 4 bytes across
        // the words' edges, and a tail of fewer than eight bytes.
        XCTAssertEqual(["Россия и НАТО — не союзники 😀", "An alliance of convenience, not of values.", String(repeating: "é", count: 9) + "a"]
            .map(MarkdownNode.scalarCount), [29, 42, 10])
        // 15 scalars of text, and a line break closing each of the paragraph and the document.
        XCTAssertEqual(Cmark.parse("Caf\u{E9} e\u{301} 😀 *and* `x`").plainLength, 17)
    }
}
