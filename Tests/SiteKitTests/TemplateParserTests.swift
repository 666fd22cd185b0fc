import XCTest
@testable import SiteKit

/// Mustache the template engine does not read is refused when templates load, at its tag.
final class TemplateParserTests: XCTestCase {
    func assertRefused(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            _ = try TemplateParser.parse(text)
            XCTFail("accepted \(text.debugDescription)", file: file, line: line)
        } catch {
            XCTAssertEqual("\(error.line):\(error.column): \(error.message)", expected, text.debugDescription, file: file, line: line)
        }
    }

    func testFeaturesItDoesNotReadAreRefused() {
        assertRefused("a\n {{=<% %>=}}\n", "2:2: changing the tag delimiters is not supported; write tags as {{…}}")
        assertRefused("{{<base}}{{/base}}", "1:1: template inheritance ({{<parent}}, {{$block}}) is not supported; use partials ({{> name}})")
        assertRefused("<h1>{{$title}}T{{/title}}</h1>", "1:5: template inheritance ({{<parent}}, {{$block}}) is not supported; use partials ({{> name}})")
        assertRefused("{{%CONTENT_TYPE: TEXT}}", "1:1: pragmas ({{%…}}) are not supported")
        assertRefused("x\n\n  {{> *name}}", "3:3: dynamic partial names ({{>*name}}) are not supported")
        assertRefused("{{#sorted(list)}}{{/sorted(list)}}", "1:1: unknown transform 'sorted'; the transforms are empty, count, first, last, reversed")
        assertRefused("{{#list}}{{#first()}}x{{/first()}}{{/list}}", "1:10: transform 'first()' is given no name, as in empty(list)")
    }

    func testMalformedTagsAreRefused() {
        assertRefused("x {{name", "1:3: tag is not closed with '}}'")
        assertRefused("{{a}} {{b {{c}}", "1:7: tag is not closed with '}}'")
        assertRefused("ab{{", "1:3: tag is not closed with '}}'")
        assertRefused("{{na me}}", "1:1: '{{na me}}' is not a tag: a name holds only letters, digits and . - _")
        assertRefused("{{ }}", "1:1: tag holds no name")
        assertRefused("<p>{{{bodyHTML}}</p>", "1:4: tag opened with '{{{' is not closed with '}}}'")
        assertRefused("{{! a comment", "1:1: comment is not closed with '}}'")
        assertRefused("{{#empty(list}}{{/empty(list}}", "1:1: 'empty(list' is neither a name nor a transform of one, as in empty(list)")
        assertRefused("{{>  }}", "1:1: partial tag names no template")
    }

    func testSectionsMustCloseInOrder() {
        assertRefused("{{#a}}\n{{#b}}x{{/a}}", "2:8: {{/a}} closes the section {{#b}} opened at 2:1")
        assertRefused("<p>\n  {{#a}}x\n", "2:3: section {{#a}} is never closed")
        assertRefused("x{{/a}}", "1:2: {{/a}} closes no open section")
        assertRefused("{{#empty(a)}}{{/a}}", "1:14: {{/a}} closes the section {{#empty(a)}} opened at 1:1")
    }

    /// Rendering recurses once per level; deeper nesting is refused at the first level too many.
    func testSectionsNestedTooDeepAreRefused() {
        let deep = String(repeating: "{{#a}}", count: 51) + String(repeating: "{{/a}}", count: 51)
        assertRefused("<h1>x</h1>\n" + deep, "2:301: sections are nested more than 50 deep")
        XCTAssertNoThrow(try TemplateParser.parse(String(repeating: "{{#a}}", count: 50) + String(repeating: "{{/a}}", count: 50)))
    }
}
