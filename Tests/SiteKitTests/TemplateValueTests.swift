import XCTest
@testable import SiteKit

/// A template reads text and number fields as swift-mustache reads a plain `String` or `Int`:
/// escaped or not, in sections, through transforms. `TemplateRenderer` must give the same text
/// as swift-mustache for each.
final class TemplateValueTests: XCTestCase {
    func render(_ text: String, _ model: some TemplateModel, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let (ours, reference) = try MustacheOracle.renderBothWays(["main": text], model)
        XCTAssertEqual(ours, reference, "TemplateRenderer against swift-mustache", file: file, line: line)
        return ours
    }

    let actor = ActorSummaryModel(name: "Iran & <Russia>", href: "a/b.html", mentions: 3, mentionLabel: "")

    func testTextIsEscapedUnlessTripleBraced() throws {
        XCTAssertEqual(try render("{{name}}|{{{name}}}|{{href}}", actor), "Iran &amp; &lt;Russia&gt;|Iran & <Russia>|a/b.html")
    }

    func testNumbersAreWrittenInDecimal() throws {
        XCTAssertEqual(try render("{{mentions}} {{{mentions}}}", actor), "3 3")
    }

    func testTransformsApplyToTheValue() throws {
        XCTAssertEqual(try render("{{reversed(name)}}|{{empty(mentionLabel)}}|{{#empty(name)}}empty{{/empty(name)}}|{{count(mentions)}}", actor),
                       "&gt;aissuR&lt; &amp; narI|true||")
    }

    /// Inside a section over a value, names are looked up further down the context, as with a plain string.
    func testASectionOverAValueSeesTheFieldsAroundIt() throws {
        XCTAssertEqual(try render("{{#name}}[{{.}} {{href}}]{{/name}}{{^name}}none{{/name}}|{{#mentionLabel}}<{{.}}>{{/mentionLabel}}", actor),
                       "[Iran &amp; &lt;Russia&gt; a/b.html]|<>")
    }
}
