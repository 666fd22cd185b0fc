import Mustache
import XCTest
@testable import SiteKit

/// `TemplateRenderer` must write exactly what swift-mustache writes: every page of the real site
/// is rendered both ways, and each construct below gives the expected text both ways. What it
/// cannot render is left to swift-mustache.
final class TemplateRendererTests: XCTestCase {
    func testEveryPageOfTheSiteRendersAsSwiftMustacheRendersIt() throws {
        let corpus = try XCTUnwrap(ContentLoader.load(from: Fixture.repository.appendingPathComponent("content").path, fileSystem: DiskFileSystem()).0)
        let (site, _) = Resolver.resolve(corpus)
        let texts = try Fixture.templateTexts()
        let compiled = try XCTUnwrap(Templates.parse(texts, folder: "templates").0)
        let plain = try XCTUnwrap(Templates.parse(texts, folder: "templates", compiling: false).0)
        let digests = InputDigests(global: 0, files: corpus.fileDigests, corpus: corpus)
        let fast = SiteRenderer(site: site, templates: compiled, digests: digests).render()
        let reference = SiteRenderer(site: site, templates: plain, digests: digests).render()
        XCTAssertEqual(fast.files.count, reference.files.count)
        XCTAssertGreaterThan(fast.files.count, 80)
        for (page, expected) in zip(fast.files, reference.files) {
            XCTAssertEqual(page.path, expected.path)
            XCTAssertEqual(String(decoding: page.bytes, as: UTF8.self), String(decoding: expected.bytes, as: UTF8.self), page.path)
        }
    }

    func testEveryTemplateOfTheSiteIsCompiled() throws {
        let texts = try Fixture.templateTexts()
        let templates = try XCTUnwrap(Templates.parse(texts, folder: "templates").0)
        XCTAssertEqual(templates.renderer.templates.filter { $0.value != nil }.keys.sorted(), texts.keys.sorted())
    }

    let index = ActorsIndexModel(groups: [
        ActorGroupModel(label: "States", actors: [
            ActorSummaryModel(name: "Iran", href: "iran/", mentions: 3, mentionLabel: "3 mentions"),
            ActorSummaryModel(name: "Russia", href: "russia/", mentions: 1, mentionLabel: ""),
        ]),
        ActorGroupModel(label: "People & others", actors: []),
    ])

    /// Renders `main` (with partials) both ways; each must give `expected`. `compiles` says whether
    /// `TemplateRenderer` should take the template, `rendersItself` whether it should render the page.
    func assertRendered(_ texts: [String: String], _ expected: String, compiles: Bool = true, rendersItself: Bool? = nil,
                        pragma: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws {
        let parsed = try texts.mapValues { try MustacheTemplate(string: (pragma ? Templates.escapingPragma : "") + $0) }
        let templates = Templates(templates: parsed)
        XCTAssertEqual(templates.renderer.templates["main"]! != nil, compiles, "compiled", file: file, line: line)
        XCTAssertEqual(templates.renderer.render("main", index) != nil, rendersItself ?? compiles, "rendered by TemplateRenderer", file: file, line: line)
        XCTAssertEqual(templates.render("main", index), expected, "TemplateRenderer", file: file, line: line)
        XCTAssertEqual(Templates(templates: parsed, compiling: false).render("main", index), expected, "swift-mustache", file: file, line: line)
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
        try assertRendered(["main": "{{#first(groups)}}{{label}} {{count(actors)}} {{#last(actors)}}{{uppercased(name)}}{{/last(actors)}}{{/first(groups)}}|{{#groups}}{{label.x}}{{/groups}}|{{empty(bool)}}"],
                           "States 2 RUSSIA||")
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

    func testAnUnknownPartialRendersAsNothing() throws {
        try assertRendered(["main": "a{{> missing}}b"], "ab")
    }

    /// Inheritance and a list's position (`first()`) are swift-mustache's alone.
    func testTemplatesItCannotCompileAreRenderedBySwiftMustache() throws {
        try assertRendered(["main": "{{#groups}}{{#first()}}first {{/first()}}{{label}} {{/groups}}"], "first States People &amp; others ", compiles: false)
        try assertRendered(["main": "{{<base}}{{$title}}Actors{{/title}}{{/base}}", "base": "<h1>{{$title}}Untitled{{/title}}</h1>"],
                           "<h1>Actors</h1>", compiles: false)
    }

    /// A partial only swift-mustache renders takes the page that includes it there too.
    func testAPageIncludingAnUncompiledPartialIsRenderedBySwiftMustache() throws {
        try assertRendered(["main": "[{{> part}}]", "part": "{{#groups}}{{#last()}}{{label}}{{/last()}}{{/groups}}"], "[People &amp; others]", rendersItself: false)
    }

    /// Values it has no rule for (a list written as text; escaping before any content type is set,
    /// which is swift-mustache's own) send the page to swift-mustache.
    func testValuesItHasNoRuleForAreRenderedBySwiftMustache() throws {
        try assertRendered(["main": "{{#groups}}{{^actors}}{{actors}}{{/actors}}{{/groups}}"],
                           "TemplateList&lt;ActorSummaryModel&gt;(models: [])", rendersItself: false)
        try assertRendered(["main": "{{#groups}}{{label}}|{{/groups}}"], "States|People &amp; others|", rendersItself: false, pragma: false)
    }
}
