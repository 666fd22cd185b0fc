import XCTest
@testable import SiteKit

final class ScaffoldTests: XCTestCase {
    let fileSystem = MemoryFileSystem(Fixture.validContent())

    func testNewAnnotationChecksTheQuoteAndBuilds() throws {
        let file = try Scaffold.annotation(source: "memo", quote: "disagreed with \"strategic allies\"", name: nil, content: "content", fileSystem: fileSystem).get()
        XCTAssertEqual(file.path, "content/annotations/memo/disagreed-with-strategic-allies.md")
        XCTAssertEqual(String(decoding: file.bytes, as: UTF8.self), """
        ---
        quote: "disagreed with \\"strategic allies\\""
        kind: context
        actors: []
        terms: []
        events: []
        ---
        What should the reader know about this passage? Write the note here, in your own words.

        """)
        var files = fileSystem
        files.files[file.path] = file.bytes
        var options = SiteBuilder.Options(templates: Fixture.templates)
        options.strict = true
        XCTAssertEqual(SiteBuilder(options: options, fileSystem: Overlay(memory: files)).run().diagnostics, [])
    }

    func testNewAnnotationWithAQuoteThatDoesNotAnchor() {
        guard case .failure(let failure) = Scaffold.annotation(source: "memo", quote: "Russia is purely strategic", name: nil, content: "content", fileSystem: fileSystem) else {
            return XCTFail("expected a failure")
        }
        XCTAssertEqual(failure.diagnostics.map(\.formatted), ["<command line>:1:1: error: quote not found in source 'memo'"])
    }

    func testNewEntriesBuild() throws {
        var files = fileSystem
        for (kind, id) in [(Scaffold.Kind.actor, "nato"), (.event, "2004-nato-enlargement"), (.term, "coalition")] {
            let file = try Scaffold.entry(kind, id: id, content: "content", fileSystem: fileSystem).get()
            files.files[file.path] = file.bytes
        }
        XCTAssertEqual(String(decoding: files.files["content/events/2004-nato-enlargement.md"]!, as: UTF8.self),
                       "---\ndate: \"2004\"\ntitle: \"2004 Nato Enlargement\"\nactors: []\nterms: []\npassages: []\n---\nWhat happened, and what it did to the alliance question.\n")
        let outcome = SiteBuilder(options: .init(templates: Fixture.templates), fileSystem: Overlay(memory: files)).run()
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [
            "content/actors/nato.md:1:1: warning: actor 'nato' is never mentioned in a source nor referenced",
            "content/events/2004-nato-enlargement.md:1:1: warning: event '2004-nato-enlargement' cites no passage",
            "content/glossary/coalition.md:1:1: warning: term 'coalition' is used nowhere: no source uses an alias and nothing refers to it",
        ])
        XCTAssertEqual(outcome.summary?.events, 3)
    }

    func testExistingFileIsNotOverwritten() {
        guard case .failure(let failure) = Scaffold.entry(.actor, id: "russia", content: "content", fileSystem: fileSystem) else {
            return XCTFail("expected a failure")
        }
        XCTAssertEqual(failure.diagnostics.map(\.formatted), ["content/actors/russia.md:1:1: error: file exists already"])
    }
}

/// Content from memory, templates from the repository.
struct Overlay: ContentFileSystem {
    var memory: MemoryFileSystem
    func contents(of path: String) -> [UInt8]? { memory.contents(of: path) ?? DiskFileSystem().contents(of: path) }
    func isDirectory(_ path: String) -> Bool { memory.isDirectory(path) || DiskFileSystem().isDirectory(path) }
    func files(under path: String) -> FolderListing {
        memory.isDirectory(path) ? memory.files(under: path) : DiskFileSystem().files(under: path)
    }
}
