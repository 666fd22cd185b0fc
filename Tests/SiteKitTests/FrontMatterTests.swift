import XCTest
@testable import SiteKit

final class FrontMatterTests: XCTestCase {
    let site = "title: T\nlanguage: en\ndescription: D\ntimeline:\n  start: \"1999-03-24\"\n  end: \"2022-02-24\"\n"

    func load(_ files: [String: String]) -> (Corpus?, [String]) {
        var all = ["content/site.yml": site]
        for (path, text) in files { all["content/" + path] = text }
        let (corpus, diagnostics) = ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(all))
        return (corpus, diagnostics.sorted().map(\.formatted))
    }

    func testValidActor() {
        let (corpus, diagnostics) = load(["actors/iran.md": "---\nname: Iran\nkind: state\naliases: [Iran, Tehran]\n---\nA state.\n"])
        XCTAssertEqual(diagnostics, [])
        let actor = corpus!.actors[0]
        XCTAssertEqual([actor.id.raw, actor.name, actor.kind.rawValue], ["iran", "Iran", "state"])
        XCTAssertEqual(actor.aliases.map(\.value), ["Iran", "Tehran"])
        XCTAssertEqual(actor.aliases[1].location, SourceLocation(file: "content/actors/iran.md", line: 4, column: 17))
        XCTAssertEqual(actor.body.markdown, "A state.\n")
        XCTAssertEqual(actor.body.firstLine, 6)
    }

    func testMalformedYAMLReportsPositionInFile() {
        let (_, diagnostics) = load(["actors/iran.md": "---\nname: Iran\nkind: [state\n---\nBody\n"])
        XCTAssertEqual(diagnostics, [
            "content/actors/iran.md:4:1: error: malformed YAML: did not find expected ',' or ']'\ncontent/actors/iran.md:3:7: note: while parsing a flow sequence",
        ])
    }

    func testMissingRequiredKey() {
        let (_, diagnostics) = load(["actors/iran.md": "---\nkind: state\n---\nBody\n"])
        XCTAssertEqual(diagnostics, ["content/actors/iran.md:1:1: error: missing required key 'name'"])
    }

    func testWrongType() {
        let (_, diagnostics) = load(["actors/iran.md": "---\nname: [Iran, Persia]\nkind: state\naliases: Iran\n---\nBody\n"])
        XCTAssertEqual(diagnostics, [
            "content/actors/iran.md:2:7: error: 'name' must be text, found a list",
            "content/actors/iran.md:4:10: error: 'aliases' must be a list, e.g. [a, b], found 'Iran'",
        ])
    }

    func testNoFrontMatter() {
        let (_, diagnostics) = load(["actors/iran.md": "Just a body.\n"])
        XCTAssertEqual(diagnostics, [
            "content/actors/iran.md:1:1: error: missing required key 'kind'",
            "content/actors/iran.md:1:1: error: missing required key 'name'",
        ])
    }

    func testUnclosedFrontMatter() {
        let (_, diagnostics) = load(["actors/iran.md": "---\nname: Iran\nkind: state\n"])
        XCTAssertEqual(diagnostics, [
            "content/actors/iran.md:1:1: error: front matter opened with '---' is never closed; add a line '---' after the last key",
        ])
    }

    func testUnknownKeyWarnsWithClosestKnownKey() {
        let (_, diagnostics) = load(["actors/iran.md": "---\nname: Iran\nkind: state\nalias: [Iran]\n---\nBody\n"])
        XCTAssertEqual(diagnostics, ["content/actors/iran.md:4:1: warning: unknown key 'alias' is ignored; did you mean 'aliases'?"])
    }

    func testSourceURLMustBeHTTP() {
        let (_, diagnostics) = load(["sources/s.md": "---\ntitle: T\nauthor: null\npublisher: null\ndate: \"2001\"\nurl: javascript:alert(1)\nsummary: S\n---\nText.\n"])
        XCTAssertEqual(diagnostics, ["content/sources/s.md:6:6: error: 'url' must be an http:// or https:// address, found 'javascript:alert(1)'"])
    }

    func testBOMAndCRLFWork() {
        let (corpus, diagnostics) = load(["actors/iran.md": "\u{FEFF}---\r\nname: Iran\r\nkind: state\r\n---\r\nBody\r\n"])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(corpus!.actors[0].name, "Iran")
        XCTAssertEqual(corpus!.actors[0].body.markdown, "Body\n")
    }

    func testInvalidIdIsAnError() {
        let (_, diagnostics) = load(["actors/Iran_1.md": "---\nname: Iran\nkind: state\n---\n"])
        XCTAssertEqual(diagnostics, ["content/actors/Iran_1.md:1:1: error: file name 'Iran_1.md' is not a valid id: use lowercase letters a-z, digits and '-' only"])
    }

    func testInvalidUTF8ReportsByteOffset() {
        var files = ["content/site.yml": Array(site.utf8)]
        files["content/actors/iran.md"] = Array("---\nname: Ir".utf8) + [0xFF] + Array("an\nkind: state\n---\n".utf8)
        let (_, diagnostics) = ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(bytes: files))
        XCTAssertEqual(diagnostics.map(\.formatted), ["content/actors/iran.md:2:9: error: invalid UTF-8 at byte offset 12; save the file as UTF-8"])
    }
}
