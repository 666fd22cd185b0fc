import XCTest
@testable import SiteKit

/// The template engine writes exactly what swift-mustache writes for the Mustache it reads:
/// every page of the real site is rendered both ways, and each construct below gives the
/// expected text both ways.
final class TemplateRendererTests: XCTestCase {
    func testEveryPageOfTheSiteRendersAsSwiftMustacheRendersIt() throws {
        let corpus = try XCTUnwrap(ContentLoader.load(from: Fixture.repository.appendingPathComponent("content").path, fileSystem: DiskFileSystem()).0)
        let (site, _) = Resolver.resolve(corpus)
        let texts = try Fixture.templateTexts()
        let templates = try XCTUnwrap(Templates.parse(texts, folder: "templates").0)
        let digests = InputDigests(global: 0, files: corpus.fileDigests, corpus: corpus)
        let pages = SiteRenderer(site: site, templates: templates, digests: digests).render()
        let reference = SiteRenderer(site: site, templates: try MustacheOracle.templates(texts), digests: digests).render()
        XCTAssertEqual(pages.files.count, reference.files.count)
        XCTAssertGreaterThan(pages.files.count, 80)
        for (page, expected) in zip(pages.files, reference.files) {
            XCTAssertEqual(page.path, expected.path)
            XCTAssertEqual(String(decoding: page.bytes, as: UTF8.self), String(decoding: expected.bytes, as: UTF8.self), page.path)
        }
    }

    let index = ActorsIndexModel(groups: [
        ActorGroupModel(label: "States", actors: [
            ActorSummaryModel(name: "Iran", href: "iran/", mentions: 3, mentionLabel: "3 mentions"),
            ActorSummaryModel(name: "Russia", href: "russia/", mentions: 1, mentionLabel: ""),
        ]),
        ActorGroupModel(label: "People & others", actors: []),
    ])

    /// Renders `main` (with partials) both ways; each must give `expected`.
    func assertRendered(_ texts: [String: String], _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let (ours, reference) = try MustacheOracle.renderBothWays(texts, index)
        XCTAssertEqual(ours, expected, "TemplateRenderer", file: file, line: line)
        XCTAssertEqual(reference, expected, "swift-mustache", file: file, line: line)
    }

    /// A name is looked for from the innermost value outwards; `.name` only in the innermost.
    func testNamesClimbTheContextUnlessAnchored() throws {
        try assertRendered(["main": "{{#groups}}{{#actors}}{{label}}/{{name}}[{{.label}}] {{/actors}}{{/groups}}"],
                           "States/Iran[] States/Russia[] ")
    }

    /// A nil or absent field counts as missing at its level; an empty text is still a value.
    func testMissingAndEmptyValuesInSections() throws {
        try assertRendered(["main": "{{#groups}}{{#actors}}{{#mentionLabel}}<{{.}}>{{/mentionLabel}}{{^mentionLabel}}-{{/mentionLabel}}{{/actors}}{{/groups}}|{{#nothing}}x{{/nothing}}{{^nothing}}none{{/nothing}}"],
                           "<3 mentions><>|none")
    }

    func testDottedNamesAndTransforms() throws {
        try assertRendered(["main": "{{#first(groups)}}{{label}} {{count(actors)}} {{#last(actors)}}{{reversed(name)}}{{/last(actors)}}{{/first(groups)}}|{{#groups}}{{label.x}}{{/groups}}|{{empty(bool)}}|{{#reversed(groups)}}{{label}},{{/reversed(groups)}}"],
                           "States 2 aissuR|||People &amp; others,States,")
    }

    /// Values are escaped for HTML unless written with three braces or `&`.
    func testEscaping() throws {
        try assertRendered(["main": "{{#groups}}{{label}}|{{{label}}}|{{& label}};{{/groups}}"],
                           "States|States|States;People &amp; others|People & others|People & others;")
    }

    /// A section, partial or comment tag alone on its line takes the line with it; other tags
    /// and text keep theirs. Spaces after the last line break are dropped, as swift-mustache does.
    func testStandaloneTagsTakeTheirLine() throws {
        try assertRendered(["main": "<ul>\n  {{#groups}}\n  <li>{{label}}</li>\n  {{/groups}}\n {{! note }}\n\t{{^groups}}\r\n-\n{{/groups}} \nend {{! x }}\n  {{#groups}}x{{/groups}}\n  "],
                           "<ul>\n  <li>States</li>\n  <li>People &amp; others</li>\nend \n  xx\n")
    }

    /// A standalone partial indented by two spaces indents what follows a newline, as swift-mustache
    /// does: a newline written by a section's body is followed by indentation only inside that body.
    func testIndentedPartialsIndentAsSwiftMustacheDoes() throws {
        try assertRendered([
            "main": "<ul>\n  {{> item}}\n</ul>\n{{> inline}}|",
            "item": "{{#groups}}<li>{{label}}\n{{#actors}}<b>{{name}}</b>\n{{/actors}}</li>\n{{/groups}}",
            "inline": "{{#groups}}{{label}}\n{{/groups}}",
        ], "<ul>\n  <li>States\n  <b>Iran</b>\n<b>Russia</b>\n  </li>\n<li>People &amp; others\n  </li>\n</ul>\nStates\nPeople &amp; others\n|")
    }

    /// A list or a model written as a value writes nothing (swift-mustache writes a description
    /// of the Swift value).
    func testAListOrModelWrittenAsAValueWritesNothing() throws {
        let (ours, _) = try MustacheOracle.renderBothWays(["main": "[{{groups}}]{{#groups}}[{{{actors}}}]{{/groups}}{{#first(groups)}}[{{.}}]{{/first(groups)}}"], index)
        XCTAssertEqual(ours, "[][][][]")
    }

    /// A page's content is rendered by its own template with its own model, in place with three
    /// braces, escaped with two, and as one piece inside an indented partial.
    func testAPageContentIsRenderedByItsTemplate() throws {
        let page = LayoutModel(lang: "en", siteTitle: "T", title: "", description: "", root: "../", nav: [], canonical: nil, meta: [],
                               contentHTML: PageContent(template: "part", model: RootModel(root: "x & y")))
        let texts = ["main": "<main>{{{contentHTML}}}</main>|{{contentHTML}}|{{root}}|\n  {{> wrap}}\n", "wrap": "[{{{contentHTML}}}]\n", "part": "<b>{{root}}</b>\n<i>{{lang}}</i>"]
        let (ours, reference) = try MustacheOracle.renderBothWays(texts, page)
        XCTAssertEqual(ours, "<main><b>x &amp; y</b>\n<i></i></main>|&lt;b&gt;x &amp;amp; y&lt;/b&gt;\n&lt;i&gt;&lt;/i&gt;|../|\n  [<b>x &amp; y</b>\n<i></i>]\n")
        XCTAssertEqual(reference, ours)
    }
}
