import Foundation
import XCTest
@testable import SiteKit

/// `SimpleFrontMatter` reads what it accepts exactly as Yams does, and leaves the rest to Yams.
final class SimpleFrontMatterTests: XCTestCase {
    typealias Value = FrontMatterValue

    func plain(_ text: String, _ line: Int, _ column: Int, bool: Bool? = nil) -> Value {
        .scalar(.init(text: text, plain: true, bool: bool, position: .init(line: line, column: column)))
    }

    func quoted(_ text: String, _ line: Int, _ column: Int) -> Value {
        .scalar(.init(text: text, plain: false, bool: nil, position: .init(line: line, column: column)))
    }

    func pair(_ key: Value, _ value: Value) -> Value.Pair { .init(key: key, value: value) }

    func testReadsKeysOfEveryAcceptedForm() throws {
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
        XCTAssertEqual(SimpleFrontMatter.parse(yaml), expected)
        XCTAssertEqual(try Value.composing(yaml), expected)
    }

    func testLeavesEverythingElseToYams() throws {
        let others = [
            "", "  \n", "# a comment\nname: Iran", "name: Iran # a comment", "name: 'Iran'", "name: \"Ir\\tan\"",
            "name: \"Iran", "name: [Iran", "name: [Iran,]", "name: [[Iran]]", "name: {a: b}", "name: >\n  Iran",
            "name: |\n  Iran", "name: Iran\n  Persia", "name:\n  - Iran", "name:\n", "name:\n  a: b\n    c: d",
            "name:\n  a:\n    b: c", "name: Iran\nname: Persia", "rel:\n  a: b\n  a: c", "name: &x Iran", "name: *x",
            "name: !!str Iran", "name: Iran: Persia", "name:Iran", "? name\n: Iran", "- Iran", "name: -Iran",
            "name: \"a\" b", "na me: Iran", "name: Iran\tPersia", "\tname: Iran", "name: \"\u{85}\"", "name: \"\u{2028}\"",
            "name: 100%", "name: Iran, Persia", "name: \"a\"\"b\"", String(repeating: "k", count: 300) + ": v",
        ]
        for yaml in others {
            XCTAssertNil(SimpleFrontMatter.parse(yaml), yaml)
        }
    }

    /// Every front matter of the real content: what the simple reader accepts, Yams reads the same.
    func testContentFilesReadAsYamsReadsThem() throws {
        let content = Fixture.repository.appendingPathComponent("content").path
        let files = FileManager.default.enumerator(atPath: content)!.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }.sorted()
        XCTAssertGreaterThan(files.count, 100)
        for file in files {
            let text = try String(contentsOfFile: content + "/" + file, encoding: .utf8)
            let yaml = file.hasSuffix(".yml") ? text : try XCTUnwrap(try FrontMatterSplit.split(text, file: file).get().yaml, file)
            if let simple = SimpleFrontMatter.parse(yaml) {
                XCTAssertEqual(simple, try Value.composing(yaml), file)
            }
        }
    }
}
