import XCTest
@testable import SiteKit

/// Folding for matching: each folded scalar maps back to the original scalars it came from.
final class NormalizedTextTests: XCTestCase {
    func testFoldingCollapsesSpacesAndFoldsQuotesDashesAndEllipses() {
        let folded = NormalizedText("  “Allies”\u{A0}\u{A0}—\n\tno…  ")
        XCTAssertEqual(folded.string, "\"Allies\" - no...")
    }

    /// Every folded scalar, as the range of original scalars it stands for.
    func testEachFoldedScalarMapsBackToItsOriginals() {
        let folded = NormalizedText("  a  b…c ")
        let ranges = folded.scalars.indices.map { folded.originalRange($0..<($0 + 1)) }
        // "a" is original 2; the run of two spaces is 3..<5; "b" is 5; each of the three dots is
        // the one '…' at 6; "c" is 7. Spaces at either end are dropped.
        XCTAssertEqual(folded.string, "a b...c")
        XCTAssertEqual(ranges, [2..<3, 3..<5, 5..<6, 6..<7, 6..<7, 6..<7, 7..<8])
        XCTAssertEqual(folded.originalRange(2..<7), 5..<8)
    }

    func testEmptyAndAllSpaceTextsFoldToNothing() {
        XCTAssertEqual(NormalizedText("").scalars, [])
        XCTAssertEqual(NormalizedText(" \n\t ").scalars, [])
    }

    /// The scalars gathered for matching are the plain text a reader sees, block breaks included.
    func testPlainScalarsAreThePlainText() {
        let document = Cmark.parse("Iran *and* `Syria`\nand [Belarus](x).\n\n- one\n- two\n")
        for block in document.children {
            XCTAssertEqual(String(String.UnicodeScalarView(block.plainScalars)), block.plainText)
        }
        XCTAssertEqual(document.children.map(\.plainText), ["Iran and Syria and Belarus.\n", "one\n\ntwo\n\n\n"])
    }
}
