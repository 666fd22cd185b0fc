import XCTest
@testable import SiteKit

/// Each actor's and term's excerpts wait in the text store in pieces of their own; read back,
/// they are the excerpts cut from each source's text, in reading order, whatever the pieces.
final class ExcerptBookTests: XCTestCase {
    /// An alias longer than a piece: its one mention's excerpt is a piece by itself.
    let longAlias = String(repeating: "Z", count: ExcerptBook.pieceSize + 500)

    /// Sources a, b and c by id: each names the actor with the long alias, then has 20 paragraphs
    /// that each name the Entente twice.
    var bodies: [(id: String, markdown: String)] {
        ["a", "b", "c"].map { id in
            let paragraphs = (1...20).map { number in
                "Paragraph \(number) of \(id): the Entente met in Vienna and talked of borders, treaties and the balance "
                    + "of power for many long hours, as ministers do. Then the *Entente* parted\nfor the winter."
            }
            return (id, "The \(longAlias) spoke first.\n\n" + paragraphs.joined(separator: "\n\n") + "\n")
        }
    }

    var files: [String: String] {
        var files = [
            "content/site.yml": Fixture.siteFile,
            "content/actors/entente.md": "---\nname: Entente\nkind: organisation\naliases: [Entente]\n---\nA bloc.\n",
            "content/actors/long.md": "---\nname: Long\nkind: organisation\naliases: [\(longAlias)]\n---\nA long name.\n",
        ]
        for (id, markdown) in bodies { files["content/sources/\(id).md"] = Fixture.sourceFile(markdown) }
        return files
    }

    /// The excerpts of every occurrence of `alias`, cut from each source's own text.
    func expectedExcerpts(of alias: String) -> [String] {
        bodies.flatMap { id, markdown in
            let text = SourceText(Fixture.source(markdown, id: id))
            return text.occurrences(of: alias).map { paragraph, range in
                SourceText.excerpt(text.paragraphs[paragraph - 1], around: range).text(in: text.paragraphs[paragraph - 1].collapsed)
            }
        }
    }

    func check(keepingTextIn store: TextStore) throws {
        let corpus = try XCTUnwrap(ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(files), texts: store).0)
        let expectedEntente = expectedExcerpts(of: "Entente")
        let expectedLong = expectedExcerpts(of: longAlias)
        let site = Resolver.resolve(corpus).0

        XCTAssertEqual(expectedEntente.count, 120)
        XCTAssertGreaterThan(expectedEntente.joined().utf8.count, 2 * ExcerptBook.pieceSize)
        let entente = try XCTUnwrap(site.actorMentions[ActorID("entente")])
        XCTAssertEqual(site.excerpts(of: .actor(ActorID("entente")), entente.elements), expectedEntente)
        XCTAssertEqual(site.excerpts(of: .actor(ActorID("entente")), entente.prefix(3)), Array(expectedEntente.prefix(3)))

        // Narrower than the mention, the excerpt is the mention itself, cut at both ends.
        XCTAssertEqual(expectedLong, Array(repeating: "…" + longAlias + "…", count: 3))
        let long = try XCTUnwrap(site.actorMentions[ActorID("long")])
        XCTAssertEqual(site.excerpts(of: .actor(ActorID("long")), long.elements), expectedLong)
        XCTAssertEqual(site.excerpts(of: .actor(ActorID("long")), long.prefix(2)), Array(expectedLong.prefix(2)))
    }

    func testExcerptsInTheScratchFile() throws {
        try check(keepingTextIn: .scratch())
    }

    func testExcerptsInMemory() throws {
        try check(keepingTextIn: .inMemory())
    }
}
