import XCTest
@testable import SiteKit

final class MultiPatternMatcherTests: XCTestCase {
    func matches(_ text: String, _ patterns: [String]) -> [String] {
        let matcher = MultiPatternMatcher(patterns: patterns.map { ($0, $0) })
        let folded = NormalizedText(text)
        return matcher.matches(in: folded.scalars).map { match in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: folded.scalars[match.range])
            return "\(match.payload)=\(String(view))@\(match.range.lowerBound)"
        }
    }

    func testLongestMatchWins() {
        XCTAssertEqual(matches("The Russian International Affairs Council and Russia.", ["Russia", "Russian International Affairs Council"]),
                       ["Russian International Affairs Council=Russian International Affairs Council@4", "Russia=Russia@46"])
    }

    func testWholeWordsAndPossessives() {
        XCTAssertEqual(matches("Russian views; Russia’s allies; Prussia.", ["Russia"]), ["Russia=Russia@15"])
    }

    func testFirstLetterIsCaseInsensitiveTheRestIsNot() {
        XCTAssertEqual(matches("Strategic allies and strategic allies, not STRATEGIC ALLIES.", ["strategic allies"]),
                       ["strategic allies=Strategic allies@0", "strategic allies=strategic allies@21"])
    }

    func testOverlappingTermsPreferTheLongerOne() {
        XCTAssertEqual(matches("a full strategic partnership and a strategic partnership", ["strategic partnership", "full strategic partnership"]),
                       ["full strategic partnership=full strategic partnership@2", "strategic partnership=strategic partnership@35"])
    }

    func testAcronymsWithDots() {
        XCTAssertEqual(matches("The U.S. and the US, but not us.", ["U.S.", "US"]), ["U.S.=U.S.@4", "US=US@17"])
    }

    /// A word starts at the text's start or after anything but a letter or digit, ASCII or not.
    func testMatchesStartAndEndAtWordEdgesOnly() {
        XCTAssertEqual(matches("Iran-Russia ties; éIran, 2Iran, Iran", ["Iran", "Russia"]),
                       ["Iran=Iran@0", "Russia=Russia@5", "Iran=Iran@32"])
    }

    /// A pattern that runs past the end of the text, or one whose prefix is another pattern.
    func testPatternsCutOffByTheTextsEnd() {
        XCTAssertEqual(matches("the Shanghai Cooperation", ["Shanghai Cooperation Organisation", "Shanghai"]),
                       ["Shanghai=Shanghai@4"])
    }

    /// Every place after a scalar that is not a letter or digit, spaces and punctuation included.
    func testWordStarts() {
        XCTAssertEqual(WordStarts(NormalizedText("Iran-Russia, éte 2x").scalars).offsets, [0, 5, 12, 13, 17])
    }
}
