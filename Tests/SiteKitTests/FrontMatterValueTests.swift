import XCTest
@testable import SiteKit

/// Front matter as Yams composes it: each value with its kind, whether a scalar was written plain,
/// and the line and column where it starts.
final class FrontMatterValueTests: XCTestCase {
    typealias Value = FrontMatterValue

    func plain(_ text: String, _ line: Int, _ column: Int, bool: Bool? = nil) -> Value {
        .scalar(.init(text: text, plain: true, bool: bool, position: .init(line: line, column: column)))
    }

    func quoted(_ text: String, _ line: Int, _ column: Int) -> Value {
        .scalar(.init(text: text, plain: false, bool: nil, position: .init(line: line, column: column)))
    }

    func pair(_ key: Value, _ value: Value) -> Value.Pair { .init(key: key, value: value) }

    func testValuesKeepTheirKindStyleAndPosition() throws {
        let yaml = """
        name: "Ayatollah “Ali” \\"Khamenei\\" \\\\ 🇮🇷"
        kind: person

        aliases: [Khamenei, "the Leader", "ü", x y ]
        date:  2001-04 
        relation:
          between: [russia,iran]
          category: strategic-partnership
        empty: []
        flag: oN
        said: "no"
        """
        let expected: Value = .mapping([
            pair(plain("name", 1, 1), quoted("Ayatollah “Ali” \"Khamenei\" \\ 🇮🇷", 1, 7)),
            pair(plain("kind", 2, 1), plain("person", 2, 7)),
            pair(plain("aliases", 4, 1), .sequence([plain("Khamenei", 4, 11), quoted("the Leader", 4, 21), quoted("ü", 4, 35),
                                                    plain("x y", 4, 40)], at: .init(line: 4, column: 10))),
            pair(plain("date", 5, 1), plain("2001-04", 5, 8)),
            pair(plain("relation", 6, 1), .mapping([
                pair(plain("between", 7, 3), .sequence([plain("russia", 7, 13), plain("iran", 7, 20)], at: .init(line: 7, column: 12))),
                pair(plain("category", 8, 3), plain("strategic-partnership", 8, 13)),
            ], at: .init(line: 7, column: 3))),
            pair(plain("empty", 9, 1), .sequence([], at: .init(line: 9, column: 8))),
            pair(plain("flag", 10, 1), plain("oN", 10, 7, bool: true)),
            pair(plain("said", 11, 1), quoted("no", 11, 7)),
        ], at: .init(line: 1, column: 1))
        XCTAssertEqual(try Value.composing(yaml), expected)
    }
}
