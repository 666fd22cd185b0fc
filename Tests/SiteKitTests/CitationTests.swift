import XCTest
@testable import SiteKit

final class CitationTests: XCTestCase {
    func source(title: String, supplied: Bool, author: String?, authors: [String] = [], publisher: String?, journal: Bool = false, date: String) -> Source {
        Source(id: SourceID("memo"), file: "content/sources/memo.md", title: title, titleSupplied: supplied, author: author, authors: authors,
               publisher: publisher, journal: journal, date: PartialDate(date)!, url: nil, summary: "", editorNote: nil, corrections: [],
               body: Body(markdown: "", firstLine: 1, file: "content/sources/memo.md"))
    }

    func testASuppliedTitleAndNoAuthorAreStatedNotInvented() {
        let citation = Citation(source: source(title: "Views & Votes", supplied: true, author: nil, publisher: nil, date: "2002"), pageURL: nil)
        XCTAssertEqual(citation.metaTags.map { "\($0.name)=\($0.content)" }, ["citation_title=[Views & Votes]", "citation_publication_date=2002"])
        XCTAssertEqual(citation.bibTeX, """
            @misc{memo,
              title = {[Views \\& Votes]},
              year = {2002},
              note = {Title supplied by the editors; the copy carries none. The copy names no author. The copy names no publisher.}
            }

            """)
        XCTAssertEqual(citation.ris, """
            TY  - GEN
            TI  - [Views & Votes]
            PY  - 2002
            N1  - Title supplied by the editors; the copy carries none.
            N1  - The copy names no author.
            N1  - The copy names no publisher.
            ER  - \n
            """)
    }

    func testEveryNamedAuthorAJournalAndAFullDate() {
        let citation = Citation(source: source(title: "Allies", supplied: false, author: "A. Speaker (talk); summary by B. Writer",
                                               authors: ["A. Speaker", "B. Writer"], publisher: "Quarterly", journal: true, date: "2001-05-08"),
                                pageURL: "https://example.org/sources/memo/")
        XCTAssertEqual(citation.metaTags.map { "\($0.name)=\($0.content)" }, [
            "citation_title=Allies", "citation_author=A. Speaker", "citation_author=B. Writer", "citation_publication_date=2001/05/08",
            "citation_journal_title=Quarterly", "citation_public_url=https://example.org/sources/memo/",
        ])
        XCTAssertEqual(citation.bibTeX, """
            @article{memo,
              title = {Allies},
              author = {A. Speaker and B. Writer},
              journal = {Quarterly},
              year = {2001},
              date = {2001-05-08},
              url = {https://example.org/sources/memo/},
              note = {Authorship as the editors record it: A. Speaker (talk); summary by B. Writer.}
            }

            """)
        XCTAssertEqual(citation.ris, """
            TY  - JOUR
            TI  - Allies
            AU  - A. Speaker
            AU  - B. Writer
            PY  - 2001
            DA  - 2001/05/08
            JO  - Quarterly
            UR  - https://example.org/sources/memo/
            N1  - Authorship as the editors record it: A. Speaker (talk); summary by B. Writer.
            ER  - \n
            """)
    }

    func testAnAuthorsEntryMustBeNamedInAuthor() {
        var files = Fixture.validContent()
        files["content/sources/memo.md"] = files["content/sources/memo.md"]!
            .replacingOccurrences(of: "author: null\n", with: "author: \"A. Speaker\"\nauthors: [\"A. Speaker\", \"B. Writer\"]\n")
        let outcome = SiteBuilder(options: .init(templates: Fixture.templates), fileSystem: Overlay(memory: MemoryFileSystem(files))).run()
        // The source is left out, so what refers to it is reported too; here only its own file counts.
        XCTAssertEqual(outcome.diagnostics.filter { $0.location.file == "content/sources/memo.md" }.map(\.formatted), [
            "content/sources/memo.md:4:25: error: 'B. Writer' is not part of 'author'; 'authors' lists the people 'author' names, as it spells them",
        ])
    }
}
