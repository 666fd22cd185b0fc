import XCTest
@testable import SiteKit

/// An excerpt is cut at word boundaries around an occurrence, its spaces collapsed, and marked
/// with "…" where it was cut; it is kept as a range of the paragraph's collapsed text.
final class ExcerptTests: XCTestCase {
    // Two spaces after "Moscow’s", a line break, and three spaces kept inside a code span.
    let text = SourceText(Fixture.source("""
    Moscow’s  partners — Iran,
    Syria and *Belarus* — call the tie `an   alliance`; Washington does not.
    """))

    var paragraph: SourceText.Paragraph { text.paragraphs[0] }

    func excerpt(_ word: String, at start: Int, width: Int) -> String {
        let range = start..<(start + word.unicodeScalars.count)
        XCTAssertEqual(String(String.UnicodeScalarView(paragraph.plain[range])), word)
        return SourceText.excerpt(paragraph, around: range, width: width).text(in: paragraph.collapsed)
    }

    func testTheParagraphTextHasItsSpacesCollapsed() {
        XCTAssertEqual(paragraph.collapsed, "Moscow’s partners — Iran, Syria and Belarus — call the tie an alliance; Washington does not.")
    }

    func testAnExcerptWideEnoughIsTheWholeParagraph() {
        XCTAssertEqual(excerpt("Belarus", at: 37, width: 120),
                       "Moscow’s partners — Iran, Syria and Belarus — call the tie an alliance; Washington does not.")
    }

    func testAnExcerptIsCutAtWordsAndMarkedAtBothEnds() {
        XCTAssertEqual(excerpt("Belarus", at: 37, width: 20), "…and Belarus —…")
    }

    /// The cut falls inside the run of two spaces; the space left at its start is dropped.
    func testACutInsideARunOfSpacesDropsIt() {
        XCTAssertEqual(excerpt("partners", at: 10, width: 12), "…partners —…")
    }

    func testAnExcerptAtTheStartIsMarkedOnlyAtTheEnd() {
        XCTAssertEqual(excerpt("Moscow’s", at: 0, width: 20), "Moscow’s…")
    }
}
