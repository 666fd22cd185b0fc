import XCTest
@testable import SiteKit

/// The search index: words as the tokeniser cuts and folds them, their Snowball stems, the
/// positions phrases are matched by, and how the index is cut into shards and fragments.
final class SearchTests: XCTestCase {
    func testWordsAreFoldedAndHyphenatedWordsAlsoJoined() {
        let tokens = SearchTokenizer.tokens("Russia’s S-400, Erdoğan's ÉLAN; pro-Western  -- ally'  x–y 2019", from: 3)
        XCTAssertEqual(tokens.tokens, [
            .init("russia's", 3), .init("s", 4), .init("400", 5), .init("s400", 4), .init("erdogan's", 6), .init("elan", 7),
            .init("pro", 8), .init("western", 9), .init("prowestern", 8), .init("ally", 10), .init("x", 11), .init("y", 12),
            .init("2019", 13),
        ])
        XCTAssertEqual(tokens.next, 14)
        XCTAssertEqual(SearchTokenizer.words("Ankara–Moscow e\u{301}te\u{301} a--b c-\u{301}d ’quoted’ don’t"),
                       ["ankara", "moscow", "ete", "a", "b", "c", "d", "quoted", "don't"])
        XCTAssertEqual(SearchTokenizer.words(""), [])
    }

    /// A lower-case word is cut the same whatever follows it: a space, punctuation, a connector,
    /// a capital, a character beyond ASCII, the end of the text or a byte that is not UTF-8.
    func testAWordIsCutTheSameWhateverFollowsIt() {
        XCTAssertEqual(SearchTokenizer.words("ally ally, ally' ally’s allyX ally-x ally\u{301} ally—x ally"),
                       ["ally", "ally", "ally", "ally's", "allyx", "ally", "x", "allyx", "ally", "ally", "x", "ally"])
        struct Words: TokenSink {
            var words: [String] = []
            mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, position: Int) { words.append(SearchTokenizer.fold(bytes, ascii: ascii)) }
        }
        var words = Words()
        _ = SearchTokenizer.scan([UInt8]("ally".utf8) + [0xFF] + [UInt8]("ally".utf8) + [0xE2, 0x80], from: 0, into: &words)
        XCTAssertEqual(words.words, ["ally", "ally"])
    }

    func testStemsJoinTheFormsOfAWord() {
        let stemmer = Stemmer()
        XCTAssertEqual(["ally", "allies", "allied", "alliance", "alliances", "partnership", "partnerships", "russia's", "kortunov", "s400"].map(stemmer.stem),
                       ["alli", "alli", "alli", "allianc", "allianc", "partnership", "partnership", "russia", "kortunov", "s400"])
    }

    func site(_ files: [String: String]) throws -> ResolvedSite {
        let (corpus, diagnostics) = ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(files))
        XCTAssertEqual(diagnostics.map(\.formatted), [])
        return Resolver.resolve(try XCTUnwrap(corpus)).0
    }

    /// Two paragraphs, a note whose link has empty text, an actor with an alias.
    func smallSite() throws -> ResolvedSite {
        try site([
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Russia has no allies.\n\nThe allies of Russia met; allied aims.\n"),
            "content/actors/russia.md": "---\nname: Russia\nkind: state\naliases: [Russian Federation]\n---\nA state.\n",
            "content/annotations/s/no-allies.md": "---\nquote: \"no allies\"\nkind: claim\nactors: [russia]\n---\nSee [](actor:russia).\n",
        ])
    }

    func testPassagesAreParagraphsNotesAndEntriesWithLinksAsRendered() throws {
        let site = try smallSite()
        let passages = SearchPassages(site: site, links: CrossLinks(site: site))
        XCTAssertEqual(passages.starts, [0, 3, 4])
        XCTAssertEqual(passages.passages(in: 1..<4), [
            .init(kind: .source, title: "S, ¶2", link: "sources/s/index.html#p2", names: "", text: ArraySlice("The allies of Russia met; allied aims.".utf8)),
            .init(kind: .note, title: "“no allies” (S)", link: "sources/s/index.html#a-no-allies", names: "no allies", text: ArraySlice("See Russia.".utf8)),
            .init(kind: .actor, title: "Russia", link: "actors/russia/index.html", names: "Russia · Russian Federation", text: ArraySlice("A state.".utf8)),
        ])
    }

    /// Each stem's postings: (passage, score, count of positions, positions…), best first. A
    /// paragraph's words follow its names' at a gap of eight, so that no phrase spans both.
    func testPostingsHoldScoresAndPhrasePositions() throws {
        let site = try smallSite()
        let index = SearchIndex(SearchPassages(site: site, links: CrossLinks(site: site)))
        func postings(_ stem: String) -> [UInt32] { index.stems.firstIndex(of: stem).map { index.postings[$0] } ?? [] }
        XCTAssertEqual(index.words.filter { index.stems[Int(index.stemOfWord[index.words.firstIndex(of: $0)!])] == "alli" }, ["allies", "allied"])
        // The note names "no allies" (0, 1). "S" names ¶1 (0); its text starts at 9: russia 9,
        // has 10, no 11, allies 12. ¶2 has no names; its text starts at 8: the 8, allies 9, …, allied 13.
        XCTAssertEqual(postings("alli"), [2, 60, 1, 1, 1, 45, 2, 9, 13, 0, 40, 1, 12])
        XCTAssertEqual(postings("no"), [2, 117, 1, 0, 0, 77, 1, 11])
        // In every passage, so worth little; the actor names it, the note's text says "See Russia." (10, 11).
        XCTAssertEqual(postings("russia"), [3, 18, 1, 0, 2, 16, 1, 11, 0, 12, 1, 9, 1, 9, 1, 11])
        XCTAssertEqual(index.passageCounts[index.stems.firstIndex(of: "russia")!], 4)
    }

    /// A word is one word however it is written: with diacritics or capitals, and longer than the
    /// 16 bytes most words fit in.
    func testAWordHasOneNumberHoweverItIsWritten() throws {
        let site = try site([
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile("Élan elan ÉLAN. Internationalisation internationalisation.\n"),
        ])
        let index = SearchIndex(SearchPassages(site: site, links: CrossLinks(site: site)))
        XCTAssertEqual(index.words, ["s", "elan", "internationalisation"])
        XCTAssertEqual(index.stemOfWord.map { index.stems[Int($0)] }, ["s", "elan", "internationalis"])
        XCTAssertEqual(index.postings[1], [0, 45, 3, 9, 10, 11])
        XCTAssertEqual(index.postings[2], [0, 40, 2, 12, 13])
    }

    /// A stem in more passages than twice `headLength` is cut back as the passages are read; the
    /// postings keep the thousand that score highest before rounding all the same, and the count
    /// of every passage the stem is in.
    func testAStemInManyPassagesKeepsItsBestThousand() throws {
        // ¶2… say "Ally" and 0 to 4 more words: the shorter a paragraph, the higher it scores.
        let paragraphs = ["Opening."] + (0..<2500).map { (["Ally"] + Array(repeating: "word", count: $0 % 5)).joined(separator: " ") + "." }
        let site = try site([
            "content/site.yml": Fixture.siteFile,
            "content/sources/s.md": Fixture.sourceFile(paragraphs.joined(separator: "\n\n") + "\n"),
        ])
        let index = SearchIndex(SearchPassages(site: site, links: CrossLinks(site: site)))
        let stem = try XCTUnwrap(index.stems.firstIndex(of: "alli"))
        XCTAssertEqual(index.passageCounts[stem], 2500)
        // In every passage but one, so each score rounds to the least, 1, and they are listed by
        // passage: ¶2, ¶3, ¶7, ¶8, … (passages 1, 2, 6, 7, …), each with "ally" at position 8.
        let kept: [[UInt32]] = (0..<500).flatMap { [[1 + 5 * $0, 1, 1, 8], [2 + 5 * $0, 1, 1, 8]] }
        XCTAssertEqual(index.postings[stem], Array(kept.joined()))
    }

    func testShardsHoldWordsByTheirFirstThreeCharactersAndFragmentsEightPassages() throws {
        XCTAssertEqual(["allies", "allied", "alliance", "al", "kortunov", "kortunof", "s400"].map { SearchFiles.shard(of: $0, count: 65) },
                       [17, 17, 17, 60, 41, 41, 49])
        XCTAssertEqual([0, 96, 200, 100_000].map { SearchFiles.shardCount(passages: $0) }, [16, 16, 33, 1024])
        XCTAssertEqual([0, 20_000, 100_000].map { SearchFiles.perFragment(passages: $0) }, [8, 9, 32])
        let site = try smallSite()
        let files = SearchFiles(site: site)
        XCTAssertEqual(files.files.map(\.path), ["search/index.js"] + (0..<16).map { "search/w/\($0).js" } + ["search/f/0.js"])
        XCTAssertEqual(String(decoding: files.manifest().bytes, as: UTF8.self), "window.sitegenSearch.manifest({\"shards\":16,\"key\":3,\"perFragment\":8});\n")
        XCTAssertEqual(SearchFiles.shard(of: "allies", count: 16), 0)
        XCTAssertEqual(String(decoding: files.shard(0).bytes, as: UTF8.self),
                       "window.sitegenSearch.shard(0,{\"allies\":\"alli\",\"the\":0,\"allied\":\"alli\"},"
                       + "{\"alli\":[3,2,60,1,1,1,45,2,9,13,0,40,1,12],\"the\":[1,1,107,1,8]});\n")
        XCTAssertEqual(String(decoding: files.fragment(0).bytes, as: UTF8.self),
                       "window.sitegenSearch.fragment(0,[[\"s\",\"S, ¶1\",\"sources/s/index.html#p1\",\"Russia has no allies.\"],"
                       + "[\"s\",\"S, ¶2\",\"sources/s/index.html#p2\",\"The allies of Russia met; allied aims.\"],"
                       + "[\"n\",\"“no allies” (S)\",\"sources/s/index.html#a-no-allies\",\"See Russia.\"],"
                       + "[\"a\",\"Russia\",\"actors/russia/index.html\",\"A state.\"]]);\n")
    }
}
