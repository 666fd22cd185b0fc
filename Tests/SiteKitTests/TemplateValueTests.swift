import Mustache
import XCTest
@testable import SiteKit

/// Text and number fields reach Mustache as `TemplateValue`s; a template reads them exactly as
/// it would read a plain `String` or `Int`: escaped or not, in sections, through transforms.
/// `TemplateRenderer` must give the same text as swift-mustache for each.
final class TemplateValueTests: XCTestCase {
    func render(_ text: String, _ model: some TemplateModel, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let template = try MustacheTemplate(string: Templates.escapingPragma + text)
        let compiled = Templates(templates: ["t": template]).render("t", model)
        XCTAssertEqual(compiled, Templates(templates: ["t": template], compiling: false).render("t", model),
                       "TemplateRenderer against swift-mustache", file: file, line: line)
        return compiled
    }

    let actor = ActorSummaryModel(name: "Iran & <Russia>", href: "a/b.html", mentions: 3, mentionLabel: "")

    func testTextIsEscapedUnlessTripleBraced() throws {
        XCTAssertEqual(try render("{{name}}|{{{name}}}|{{href}}", actor), "Iran &amp; &lt;Russia&gt;|Iran & <Russia>|a/b.html")
    }

    func testNumbersAreWrittenInDecimal() throws {
        XCTAssertEqual(try render("{{mentions}} {{{mentions}}}", actor), "3 3")
    }

    func testTransformsApplyToTheValue() throws {
        XCTAssertEqual(try render("{{uppercased(name)}}|{{plusone(mentions)}}|{{#odd(mentions)}}odd{{/odd(mentions)}}", actor),
                       "IRAN &amp; &lt;RUSSIA&gt;|4|odd")
    }

    /// Inside a section over a value, names are looked up further down the context, as with a plain string.
    func testASectionOverAValueSeesTheFieldsAroundIt() throws {
        XCTAssertEqual(try render("{{#name}}[{{.}} {{href}}]{{/name}}{{^name}}none{{/name}}|{{#mentionLabel}}<{{.}}>{{/mentionLabel}}", actor),
                       "[Iran &amp; &lt;Russia&gt; a/b.html]|<>")
    }
}
