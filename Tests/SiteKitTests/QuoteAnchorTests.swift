import XCTest
@testable import SiteKit

final class QuoteAnchorTests: XCTestCase {
    // As the 2002 memo's copy was: hard-wrapped, curly quotes, a dash lost and restored.
    let memo = SourceText(Fixture.source("""
    Igor Ivanov, Russia’s foreign minister, noted that cooperation “has
    made Russia and the United States allies again—for the first time since World War II.”

    The first school believes the *United States’* interest in ties with
    Russia is purely tactical.

    Russia is an ally. Later, Russia is an ally again.
    """))

    func anchored(_ quote: String, prefix: String? = nil, suffix: String? = nil) -> Anchor? {
        try? QuoteAnchor.anchor(quote: Fixture.quote(quote), prefix: prefix, suffix: suffix, in: memo).get()
    }

    func failure(_ quote: String, prefix: String? = nil, suffix: String? = nil) -> String? {
        guard case .failure(let d) = QuoteAnchor.anchor(quote: Fixture.quote(quote), prefix: prefix, suffix: suffix, in: memo) else { return nil }
        return d.formatted
    }

    func text(_ anchor: Anchor?) -> String? {
        guard let anchor, let paragraph = memo.paragraph(anchor.paragraph) else { return nil }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: paragraph.plain[anchor.range])
        return String(view)
    }

    func testQuoteAcrossHardLineBreakWithStraightQuotesAndHyphen() {
        let anchor = anchored("cooperation \"has made Russia and the United States allies again-for the first")
        XCTAssertEqual(anchor?.paragraph, 1)
        XCTAssertEqual(text(anchor), "cooperation “has made Russia and the United States allies again—for the first")
    }

    func testQuoteAcrossEmphasis() {
        let anchor = anchored("believes the United States' interest")
        XCTAssertEqual(anchor?.paragraph, 2)
        XCTAssertEqual(text(anchor), "believes the United States’ interest")
    }

    func testPrefixAndSuffixPickOneOfSeveralMatches() {
        XCTAssertEqual(text(anchored("Russia is an ally", suffix: "again")), "Russia is an ally")
        XCTAssertEqual(anchored("Russia is an ally", suffix: "again")?.range, 26..<43)
        XCTAssertEqual(anchored("Russia is an ally", prefix: "Later,")?.range, 26..<43)
        XCTAssertEqual(anchored("Russia is an ally", suffix: ". Later")?.range, 0..<17)
    }

    func testAmbiguousQuoteListsEachMatch() {
        XCTAssertEqual(failure("Russia is an ally"), """
        content/annotations/memo/note.md:2:8: error: quote matches 2 passages in source 'memo'; add 'prefix' or 'suffix' to pick one
        content/annotations/memo/note.md:2:8: note: ¶3: "Russia is an ally. Later, Russia is an ally again."
        content/annotations/memo/note.md:2:8: note: ¶3: "Russia is an ally. Later, Russia is an ally again."
        """)
    }

    func testNotFoundNamesTheClosestPassage() {
        XCTAssertEqual(failure("Russia is purely strategic"), """
        content/annotations/memo/note.md:2:8: error: quote not found in source 'memo'
        content/annotations/memo/note.md:2:8: note: closest passage is ¶2 (80% similar): "…ties with Russia is purely tactical."
        """)
    }

    func testNothingSimilarGivesNoGuess() {
        XCTAssertEqual(failure("zzzz qqqq xxxx"), "content/annotations/memo/note.md:2:8: error: quote not found in source 'memo'")
    }

    func testPrefixThatNeverOccurs() {
        XCTAssertEqual(failure("Russia is an ally", prefix: "Moscow"),
                       "content/annotations/memo/note.md:2:8: error: quote occurs 2 times in source 'memo' but never with the given prefix/suffix")
    }

    func testOverlappingHighlightsStayWellFormed() throws {
        let document = SourceDocument(Fixture.source("Alpha *beta gamma* delta epsilon."))
        let paragraph = document.tree().children[document.paragraph(1)!.blockIndex]
        let wraps = [
            InlineWrap(range: 0..<10, trailer: "[1]") { piece in ("<mark data-a=\"\(piece)\">", "</mark>") },
            InlineWrap(range: 8..<22, trailer: "[2]") { piece in ("<mark data-b=\"\(piece)\">", "</mark>") },
        ]
        let html = Cmark.renderHTML(MarkdownNode(.document, children: [paragraph.wrapping(wraps)]))
        XCTAssertEqual(html, "<p><mark data-a=\"0\">Alpha </mark><em><mark data-a=\"1\">be<mark data-b=\"0\">ta</mark></mark>[1]<mark data-b=\"1\"> gamma</mark></em><mark data-b=\"2\"> delta</mark>[2] epsilon.</p>\n")
    }

    /// Offsets count scalars, in text that is not all ASCII as in text that is.
    func testHighlightsCutTextAfterScalarsOfSeveralBytes() throws {
        let document = SourceDocument(Fixture.source("Éric’s café et thé. *Plain* text."))
        let paragraph = document.tree().children[document.paragraph(1)!.blockIndex]
        let wraps = [(2..<9), (10..<13), (20..<23), (26..<28)].map { range in InlineWrap(range: range) { _ in ("<mark>", "</mark>") } }
        let html = Cmark.renderHTML(MarkdownNode(.document, children: [paragraph.wrapping(wraps)]))
        XCTAssertEqual(html, "<p>Ér<mark>ic’s ca</mark>f<mark>é e</mark>t thé. <em><mark>Pla</mark>in</em> <mark>te</mark>xt.</p>\n")
    }
}

/// The exact search under every quote: all start offsets, overlapping ones included.
final class SubstringSearchTests: XCTestCase {
    func offsets(_ needle: String, _ haystack: String) -> [Int] {
        SubstringSearch.occurrences(of: Array(needle.unicodeScalars), in: Array(haystack.unicodeScalars))
    }

    func testEveryStartOffsetIsFound() {
        XCTAssertEqual(offsets("aab", "aaab aab"), [1, 5])
        XCTAssertEqual(offsets("aa", "aaaa"), [0, 1, 2])
        XCTAssertEqual(offsets("abab", "ababab"), [0, 2])
        XCTAssertEqual(offsets("ally", "an ally, allied, ally"), [3, 17])
        XCTAssertEqual(offsets("ü", "über Müller"), [0, 6])
    }

    func testNoOffsetsWhenTheNeedleIsEmptyLongerOrAbsent() {
        XCTAssertEqual(offsets("", "text"), [])
        XCTAssertEqual(offsets("longer", "long"), [])
        XCTAssertEqual(offsets("xyz", "xy xz yz"), [])
    }
}
