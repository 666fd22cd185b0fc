import XCTest
@testable import SiteKit

/// The sources' trees wait in a scratch file from loading to rendering, and their reader text
/// from resolving to rendering, read back for pages, excerpts and the search index. What the
/// file cannot take stays in memory; text that cannot be read back fails the build.
final class TextStoreTests: XCTestCase {
    let files: [String: String] = [
        "content/site.yml": Fixture.siteFile,
        "content/sources/s.md": Fixture.sourceFile(
            "Long before the war, when the ministers of every court in Europe gathered to talk, the Entente met in *Vienna* and, "
                + "after weeks of quarrels over borders, agreed on nothing at all.\n\nThen the Entente —\nonce more — met again.\n"),
        "content/actors/entente.md": "---\nname: Entente\nkind: organisation\naliases: [Entente]\n---\nA bloc.\n",
        "content/annotations/s/again.md": "---\nquote: \"met again\"\nkind: claim\nactors: [entente]\n---\nThe [Entente](actor:entente) met *again*.\n",
    ]

    /// The site rendered with its text kept in `store`: each page's text by path, and the failures.
    func render(keepingTextIn store: TextStore) throws -> (pages: [String: String], failures: [String]) {
        let corpus = try XCTUnwrap(ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(files), texts: store).0)
        let site = Resolver.resolve(corpus).0
        let templates = try XCTUnwrap(Templates.parse(try Fixture.templateTexts(), folder: "templates").0)
        let rendered = SiteRenderer(site: site, templates: templates, digests: InputDigests(global: 0, files: corpus.fileDigests, corpus: corpus)).render()
        return (Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }), rendered.failures.map(\.formatted))
    }

    /// A file opened with `flags`, for a store to own.
    func scratchFile(_ flags: Int32) throws -> Int32 {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("text-store-\(UUID().uuidString)").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, flags)
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        return descriptor
    }

    func testExcerptsAndSearchTextAreReadBackFromTheScratchFile() throws {
        let (pages, failures) = try render(keepingTextIn: .scratch())
        XCTAssertEqual(failures, [])
        XCTAssertEqual(pages["actors/entente/index.html"]?.split(separator: "\n").filter { $0.hasPrefix("<li><a href=\"../../sources/s/") }.map(String.init), [
            "<li><a href=\"../../sources/s/index.html#p1-entente\" aria-label=\"¶1 of S\">¶1</a> …of every court in Europe gathered to talk, the Entente met in Vienna and, after weeks of quarrels over…</li>",
            "<li><a href=\"../../sources/s/index.html#p2-entente\" aria-label=\"¶2 of S\">¶2</a> Then the Entente — once more — met again.</li>",
        ])
        XCTAssertEqual(pages["search/f/0.js"], "window.sitegenSearch.fragment(0,["
            + "[\"s\",\"S, ¶1\",\"sources/s/index.html#p1\",\"Long before the war, when the ministers of every court in Europe "
            + "gathered to talk, the Entente met in Vienna and, after weeks of quarrels over borders, agreed on nothing at all.\"],"
            + "[\"s\",\"S, ¶2\",\"sources/s/index.html#p2\",\"Then the Entente — once more — met again.\"],"
            + "[\"n\",\"“met again” (S)\",\"sources/s/index.html#a-again\",\"The Entente met again.\"],"
            + "[\"a\",\"Entente\",\"actors/entente/index.html\",\"A bloc.\"]]);\n")
        XCTAssertEqual(pages["sources/s/index.html"]?.split(separator: "\n").filter { $0.hasPrefix("<p>The <a") }, [
            "<p>The <a href=\"../../actors/entente/index.html\">Entente</a> met <em>again</em>.</p>",
        ])
        XCTAssertEqual(try render(keepingTextIn: .inMemory()).pages, pages)
    }

    func testTextTheFileDoesNotTakeIsKeptInMemory() throws {
        let (pages, failures) = try render(keepingTextIn: TextStore(descriptor: try scratchFile(O_RDONLY)))
        XCTAssertEqual(failures, [])
        XCTAssertEqual(pages, try render(keepingTextIn: .inMemory()).pages)
    }

    func testTextThatCannotBeReadBackFailsTheBuild() throws {
        let (_, failures) = try render(keepingTextIn: TextStore(descriptor: try scratchFile(O_WRONLY)))
        XCTAssertEqual(failures, ["content/sources/s.md:1:1: error: cannot read this file's text back from the build's scratch file "
                                  + "(Bad file descriptor); nothing was written, build again"])
    }
}
