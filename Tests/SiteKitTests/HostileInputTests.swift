import XCTest
@testable import SiteKit

/// Input written to exhaust the build, and mistakes that must not pass in silence: each gives
/// exact diagnostics, in bounded time and memory, and never a crash.
final class HostileInputTests: XCTestCase {
    private func diagnostics(_ files: [String: String], strict: Bool = false, fileSystem: ((MemoryFileSystem) -> ContentFileSystem)? = nil) -> [String] {
        var all = files
        all["content/site.yml"] = all["content/site.yml"] ?? Fixture.siteFile
        var options = SiteBuilder.Options(templates: Fixture.templates)
        options.strict = strict
        let memory = MemoryFileSystem(all)
        return SiteBuilder(options: options, fileSystem: fileSystem?(memory) ?? Overlay(memory: memory)).run().diagnostics.map(\.formatted)
    }

    /// Nine anchors of nine items, each made of the one before: 387 million values once expanded.
    private static let aliasBomb = """
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]

        """

    func testAnAliasBombInFrontMatterIsRefusedAtTheKeyThatGoesOverTheLimit() {
        XCTAssertEqual(diagnostics(["content/actors/iran.md": "---\nname: Iran\nkind: state\n" + Self.aliasBomb + "---\nA state.\n"]), [
            "content/actors/iran.md:8:1: error: front matter holds more than 10000 values once its YAML aliases (*name) are expanded; "
                + "write the values out instead of repeating aliases",
        ])
    }

    func testAnAliasBombInSiteYmlIsRefusedEvenIfNeverUsed() {
        XCTAssertEqual(diagnostics(["content/site.yml": Fixture.siteFile + Self.aliasBomb]), [
            "content/site.yml:11:1: error: front matter holds more than 10000 values once its YAML aliases (*name) are expanded; "
                + "write the values out instead of repeating aliases",
        ])
    }

    func testABaseURLMustBeAnAbsoluteHTTPURLWithAHostAndNoEmptySegment() {
        for (url, problem) in [
            ("//evil.example/", "must be an absolute http:// or https:// URL, found '//evil.example/'"),
            ("javascript:alert(1)//", "must be an absolute http:// or https:// URL, found 'javascript:alert(1)//'"),
            ("https://example.org//reader/", "must not have an empty path segment ('//'), found 'https://example.org//reader/'"),
            ("https:///reader/", "must name a host, found 'https:///reader/'"),
            ("https://example.org/reader/?x=1", "must have no user, query or fragment, found 'https://example.org/reader/?x=1'"),
        ] {
            XCTAssertEqual(diagnostics(["content/site.yml": Fixture.siteFile + "base_url: \"\(url)\"\n"]),
                           ["content/site.yml:7:11: error: 'base_url' \(problem)"])
        }
        XCTAssertNil(BaseURL.problem("https://example.org/reader/"))
        XCTAssertNil(BaseURL.problem("HTTP://example.org"))
    }

    func testATimelineThatEndsBeforeItStartsIsAnErrorOnSiteYml() {
        let site = "title: T\nlanguage: en\ndescription: D\ntimeline:\n  start: \"2022\"\n  end: \"1999\"\n"
        XCTAssertEqual(diagnostics(["content/site.yml": site, "content/events/e.md": "---\ndate: \"2000\"\ntitle: E\n---\nAn event.\n"]),
                       ["content/site.yml:6:8: error: 'end' (1999) is before 'start' (2022)"])
    }

    /// One mistake in a source's front matter: its annotations, the events and links citing it are
    /// not reported again as naming an unknown source.
    func testAFileThatFailsToLoadIsNotReportedAgainByWhatRefersToIt() {
        let annotation = "---\nquote: \"Russia\"\nactors: [iran]\nterms: [ally]\n---\nSee [the memo](source:memo#p1) and [](event:e).\n"
        XCTAssertEqual(diagnostics([
            "content/sources/memo.md": "---\ntitle: S\nauthor: null\npublisher: null\ndate: \"2001-13\"\nsummary: S.\n---\nRussia.\n",
            "content/annotations/memo/a.md": annotation,
            "content/actors/iran.md": "---\nname: Iran\nkind: country\n---\nA state.\n",
            "content/glossary/ally.md": "---\nterm: ally\nfamily: alliances\n---\nA definition.\n",
            "content/events/e.md": "---\ndate: \"2001\"\ntitle: E\npassages: [memo#p1]\n---\nAn event; see [the memo](source:memo).\n",
            "content/events/broken.md": "---\ndate: never\ntitle: B\n---\nAn event.\n",
            "content/actors/russia.md": "---\nname: Russia\nkind: state\n---\nSee [](event:broken) and [](actor:iran).\n",
        ]), [
            "content/actors/iran.md:3:7: error: unknown actor kind 'country'; use one of state, organisation, group, person",
            "content/actors/russia.md:1:1: warning: actor 'russia' is never mentioned in a source nor referenced",
            "content/events/broken.md:2:7: error: 'date' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found 'never'",
            "content/glossary/ally.md:3:9: error: unknown family 'alliances'; use one of alliance, partnership, alignment, rivalry, role, other",
            "content/sources/memo.md:5:7: error: 'date' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found '2001-13'",
        ])
    }

    func testFoldersOutsideTheContentLayoutAreNamedNotSkipped() {
        let actor = "---\nname: Iran\nkind: state\n---\nA state.\n"
        let files = ["content/actors/iran.md/profile.md": actor, "content/notes/todo.md": "To do.\n",
                     "content/notes/deeper/more.md": "More.\n", "content/annotations/memo.md/a.md": "---\nquote: x\n---\nA note.\n",
                     "content/actors/readme.txt": "About actors.\n"]
        XCTAssertEqual(diagnostics(files), [
            "content/actors/iran.md:1:1: warning: is a folder named like a content file; nothing in it is read",
            "content/actors/readme.txt:1:1: warning: only '.md' files are read here; this file is ignored",
            "content/annotations/memo.md:1:1: warning: is a folder named like a content file; nothing in it is read",
            "content/notes:1:1: warning: is not a content folder; nothing in it is read",
        ])
        XCTAssertEqual(diagnostics(files, strict: true).count, 4)
        XCTAssertEqual(diagnostics(files, strict: true).first, "content/actors/iran.md:1:1: error: is a folder named like a content file; nothing in it is read")
    }

    func testUnreadableFilesAndFoldersAreErrorsWithTheReason() {
        XCTAssertEqual(diagnostics(["content/actors/iran.md": "---\nname: Iran\nkind: state\n---\nA state.\n"], fileSystem: Unreadable.init), [
            "content/actors/iran.md:1:1: error: cannot read file: Permission denied",
            "content/annotations/memo:1:1: error: cannot read folder: Permission denied; nothing in it is part of the site",
        ])
        let folder = FileManager.default.temporaryDirectory.path
        XCTAssertEqual(DiskFileSystem().whyUnreadable(folder + "/no-such-file-\(UUID().uuidString)"), "No such file or directory")
        XCTAssertEqual(DiskFileSystem().whyUnreadable(folder), "it is a folder")
    }

    // MARK: - templates

    private func templateDiagnostics(_ replacements: [String: String]) throws -> [String] {
        var texts = try Fixture.templateTexts()
        for (name, text) in replacements { texts[name] = text }
        return Templates.parse(texts, folder: "templates").1.map(\.formatted)
    }

    func testPartialsThatIncludeEachOtherAreReportedWithTheCycle() throws {
        XCTAssertEqual(try templateDiagnostics(["note": "<p>{{body}}</p>\n  {{> note}}\n", "aside": "{{#x}}{{> margin}}{{/x}}",
                                                "margin": "{{> aside}}", "search": "<h1>Search</h1>\n{{> margin}}\n"]), [
            "templates/aside.mustache:1:7: error: partials include each other without end: aside → margin → aside",
            "templates/note.mustache:2:3: error: partials include each other without end: note → note",
        ])
    }

    func testSectionsNestedTooDeepAndDelimiterChangesAreRefused() throws {
        let deep = String(repeating: "{{#a}}", count: 10_000) + String(repeating: "{{/a}}", count: 10_000)
        XCTAssertEqual(try templateDiagnostics(["index": "<h1>x</h1>\n" + deep, "actors": "{{=<% %>=}}\n<%x%>\n"]), [
            "templates/actors.mustache:1:1: error: template cannot be used: changing the tag delimiters is not supported; write tags as {{…}}",
            "templates/index.mustache:2:301: error: template cannot be used: sections are nested more than 50 deep",
        ])
    }
}

/// Content on which one file and one folder cannot be read; the real templates.
private struct Unreadable: ContentFileSystem {
    var files: Overlay
    init(_ memory: MemoryFileSystem) { files = Overlay(memory: memory) }
    func contents(of path: String) -> [UInt8]? { path.hasSuffix("/iran.md") ? nil : files.contents(of: path) }
    func whyUnreadable(_ path: String) -> String { "Permission denied" }
    func isDirectory(_ path: String) -> Bool { files.isDirectory(path) }
    func files(under path: String) -> FolderListing {
        var listing = files.files(under: path)
        if path == "content" { listing.unreadable["annotations/memo"] = "Permission denied" }
        return listing
    }
}
