import Mustache
import XCTest
@testable import SiteKit

/// A template reads a `TemplateList` of models exactly as swift-mustache reads a plain array: each
/// case is rendered by `TemplateRenderer` from the models and by swift-mustache from arrays of
/// dictionaries, and each must give the expected text.
final class TemplateListTests: XCTestCase {
    let states = ActorGroupModel(label: "States", actors: [
        ActorSummaryModel(name: "Iran", href: "iran/", mentions: 3, mentionLabel: "3 mentions"),
        ActorSummaryModel(name: "Russia", href: "russia/", mentions: 1, mentionLabel: "1 mention"),
        ActorSummaryModel(name: "Serbia", href: "serbia/", mentions: 2, mentionLabel: "2 mentions"),
    ])
    let people = ActorGroupModel(label: "People", actors: [])

    func assertRendered(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let model = ActorsIndexModel(groups: [states, people])
        let plain: [String: Any] = ["groups": model.groups.map { group -> [String: Any] in
            ["label": group.label, "actors": group.actors.map { ["name": $0.name, "href": $0.href, "mentions": $0.mentions] as [String: Any] }]
        }]
        let renderer = TemplateRenderer(templates: ["t": try TemplateParser.parse(text)])
        XCTAssertEqual(String(decoding: renderer.render("t", model), as: UTF8.self), expected, "TemplateRenderer", file: file, line: line)
        let reference = MustacheLibrary(templates: ["t": try MustacheTemplate(string: text)])
        XCTAssertEqual(reference.render(plain, withTemplate: "t"), expected, "swift-mustache", file: file, line: line)
    }

    func testASectionRendersEachElementInOrder() throws {
        try assertRendered("{{#groups}}{{label}}:{{#actors}} {{name}} ({{mentions}}){{/actors}};{{/groups}}",
                           "States: Iran (3) Russia (1) Serbia (2);People:;")
    }

    /// Inside an inverted section over an empty list, names are looked up further down the context.
    func testAnInvertedSectionRendersOnlyForAnEmptyList() throws {
        try assertRendered("{{#groups}}{{^actors}}no {{label}}{{/actors}}{{/groups}}", "no People")
    }

    func testArrayTransformsApply() throws {
        try assertRendered("""
            {{#groups}}{{label}} {{count(actors)}} {{#first(actors)}}{{name}}{{/first(actors)}} \
            {{#last(actors)}}{{name}}{{/last(actors)}} {{#reversed(actors)}}{{name}},{{/reversed(actors)}} \
            {{#empty(actors)}}empty{{/empty(actors)}}{{^empty(actors)}}full{{/empty(actors)}}|{{/groups}}
            """, "States 3 Iran Serbia Serbia,Russia,Iran, full|People 0    empty|")
    }
}
