import XCTest
@testable import SiteKit

/// Inputs that must give one clear diagnostic and never a crash.
final class BadInputTests: XCTestCase {
    let site = Fixture.siteFile

    func diagnostics(_ files: [String: [UInt8]], templates: [String: String]? = nil) -> [String] {
        var all = files
        all["content/site.yml"] = all["content/site.yml"] ?? Array(site.utf8)
        let options: SiteBuilder.Options
        if let templates {
            for (name, text) in templates { all["templates/" + name] = Array(text.utf8) }
            options = SiteBuilder.Options()
        } else {
            options = SiteBuilder.Options(templates: Fixture.templates)
        }
        return SiteBuilder(options: options, fileSystem: Overlay(memory: MemoryFileSystem(bytes: all))).run().diagnostics.map(\.formatted)
    }

    func testEmptyFile() {
        XCTAssertEqual(diagnostics(["content/actors/iran.md": []]), ["content/actors/iran.md:1:1: error: file is empty"])
    }

    func testOversizedFileIsRefusedWithoutReadingIt() {
        let big = [UInt8](repeating: 0x61, count: 50 * 1024 * 1024)
        XCTAssertEqual(diagnostics(["content/sources/big.md": big]),
                       ["content/sources/big.md:1:1: error: file is 52428800 bytes; the limit is 8388608 bytes (8 MiB)"])
    }

    func testIdsDifferingOnlyByCaseCannotCoexist() {
        let actor = Array("---\nname: Iran\nkind: state\n---\nA state.\n".utf8)
        XCTAssertEqual(diagnostics(["content/actors/iran.md": actor, "content/actors/Iran.md": actor]), [
            "content/actors/Iran.md:1:1: error: file name 'Iran.md' is not a valid id: use lowercase letters a-z, digits and '-' only",
            "content/actors/iran.md:1:1: warning: actor 'iran' is never mentioned in a source nor referenced",
        ])
    }

    /// Plain YAML 1.1 booleans are read without the tag resolver; quoted ones are text.
    func testEventCircaTakesPlainBooleansOnly() {
        func event(_ id: String, _ circa: String) -> [UInt8] {
            Array("---\ndate: \"2000\"\ntitle: E\ncirca: \(circa)\n---\nAn event.\n".utf8)
        }
        XCTAssertEqual(diagnostics(["content/events/a.md": event("a", "Yes"), "content/events/b.md": event("b", "off"),
                                    "content/events/c.md": event("c", "\"true\""), "content/events/d.md": event("d", "maybe"),
                                    "content/events/e.md": event("e", "!!bool \"true\"")]), [
            "content/events/a.md:1:1: warning: event 'a' cites no passage",
            "content/events/b.md:1:1: warning: event 'b' cites no passage",
            "content/events/c.md:4:8: error: 'circa' must be true or false, found 'true'",
            "content/events/d.md:4:8: error: 'circa' must be true or false, found 'maybe'",
            "content/events/e.md:1:1: warning: event 'e' cites no passage",
        ])
    }

    func testMissingTemplatesFolder() {
        var options = SiteBuilder.Options(content: Fixture.path("valid-site/content"), templates: "no-templates")
        options.strict = false
        XCTAssertEqual(SiteBuilder(options: options).run().diagnostics.map(\.formatted),
                       ["no-templates:1:1: error: templates folder 'no-templates' does not exist"])
    }

    func templates(replacing name: String, with text: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: Fixture.templates) where file.hasSuffix(".mustache") {
            result[file] = try String(contentsOfFile: Fixture.templates + "/" + file, encoding: .utf8)
        }
        result[name + ".mustache"] = text
        return result
    }

    func testTemplateSyntaxErrorNamesFileAndLine() throws {
        XCTAssertEqual(diagnostics([:], templates: try templates(replacing: "actors", with: "<h1>Actors</h1>\n{{#groups}}\n<p>{{label}}</p>\n")),
                       ["templates/actors.mustache:2:1: error: template cannot be used: section {{#groups}} is never closed"])
    }

    func testTemplateSyntaxErrorOnTheFirstLineHasItsColumn() throws {
        XCTAssertEqual(diagnostics([:], templates: try templates(replacing: "actors", with: "<h1>{{#groups}}{{/label}}</h1>\n")),
                       ["templates/actors.mustache:1:16: error: template cannot be used: {{/label}} closes the section {{#groups}} opened at 1:5"])
    }

    func testUnknownPartialNamesFileAndLine() throws {
        XCTAssertEqual(diagnostics([:], templates: try templates(replacing: "index", with: "<h1>x</h1>\n  {{> sidebar}}\n")),
                       ["templates/index.mustache:2:3: error: unknown partial 'sidebar'"])
    }

    func testSymlinkOutOfContentIsRefused() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-link-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/actors"), withIntermediateDirectories: true)
        try site.write(to: root.appendingPathComponent("content/site.yml"), atomically: true, encoding: .utf8)
        try "secret".write(to: root.appendingPathComponent("secret.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/actors/leak.md").path,
                                                   withDestinationPath: root.appendingPathComponent("secret.md").path)
        let (_, found) = ContentLoader.load(from: root.appendingPathComponent("content").path, fileSystem: DiskFileSystem())
        XCTAssertEqual(found.map { $0.formatted.replacingOccurrences(of: root.path + "/", with: "") },
                       ["content/actors/leak.md:1:1: error: symbolic link points outside the content folder; refusing to read it"])
    }

    /// Every variable a template uses must exist in some page model, so a typo cannot ship as
    /// blank HTML. Names come from the templates; known names from the models by reflection.
    func testTemplatesUseOnlyVariablesThePageModelsHave() throws {
        let outcome = SiteBuilder(options: .init(content: Fixture.path("valid-site/content"), templates: Fixture.templates)).run()
        XCTAssertFalse(outcome.hasErrors)
        let known = PageModelFields.all
        var unknown: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: Fixture.templates).sorted() where file.hasSuffix(".mustache") {
            let text = try String(contentsOfFile: Fixture.templates + "/" + file, encoding: .utf8)
            let regex = try NSRegularExpression(pattern: #"\{\{\{?\s*[#^/&]?\s*([A-Za-z_][A-Za-z0-9_.()]*)\s*\}?\}\}"#)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                var name = String(text[Range(match.range(at: 1), in: text)!])
                if let open = name.firstIndex(of: "(") { name = String(name[name.index(after: open)...].dropLast()) }
                for part in name.split(separator: ".") where !known.contains(String(part)) {
                    unknown.append("\(file): \(part)")
                }
            }
        }
        XCTAssertEqual(unknown, [])
    }

    /// Templates find fields through each model's list; a field missing from it would render blank.
    func testEveryModelListsExactlyItsDeclaredFields() {
        for sample in PageModelFields.samples {
            let declared = Set(Mirror(reflecting: sample).children.compactMap(\.label))
            XCTAssertEqual(type(of: sample).fieldNames, declared, "\(type(of: sample))")
        }
        XCTAssertEqual(PageModelFields.samples.count, 45)
    }
}

/// The field names of every value handed to the templates, found by reflection on sample
/// values, so a test can check that templates use no name the models lack.
enum PageModelFields {
    static var all: Set<String> {
        var names = Set(CompiledTemplate.Transform.allCases.map(\.rawValue))
        for sample in samples { names.formUnion(type(of: sample).fieldNames) }
        return names
    }

    static var samples: [any TemplateModel] {
        let link = LinkModel(label: "", href: "")
        return [
            NavItem(label: "", href: "", current: false),
            LayoutModel(lang: "", siteTitle: "", title: "", description: "", root: "", nav: [], canonical: nil, meta: [], contentHTML: PageContent(template: "", model: RootModel(root: ""))),
            link,
            RootModel(root: ""),
            MetaTag(name: "", content: ""),
            SourceSummaryModel(title: "", titleSupplied: false, href: "", author: nil, publisher: nil, date: "", summary: "", annotationCount: 0, annotationLabel: ""),
            IndexModel(siteTitle: "", subtitle: "", introHTML: "", sources: [], counts: [], annotationsHref: ""),
            CorrectionModel(original: "", corrected: "", paragraphHref: nil, paragraph: nil),
            AnnotationListItem(number: 0, name: "", kind: "", kindLabel: "", paragraph: 0, quote: "", noteHTML: ""),
            SourcePageModel(title: "", titleSupplied: false, author: nil, publisher: nil, date: "", url: nil, summary: "", editorNoteHTML: nil,
                            corrections: [], hasCorrections: false, citation: "", pageURL: nil, bibHref: "", risHref: "", annotationsHref: "", bodyHTML: "", annotations: [], hasAnnotations: false),
            NoteModel(name: "", number: 0, kind: "", kindLabel: "", bodyHTML: ""),
            ActorGroupModel(label: "", actors: []),
            ActorSummaryModel(name: "", href: "", mentions: 0, mentionLabel: ""),
            ActorsIndexModel(groups: []),
            MentionModel(paragraph: 0, href: "", excerpt: ""),
            MentionGroupModel(source: "", sourceHref: "", year: "", mentions: []),
            ActorAnnotationModel(source: "", quote: "", href: "", kindLabel: "", noteHTML: ""),
            RelationRowModel(other: "", otherHref: "", category: "", categoryHref: "", source: "", year: "", passageHref: "", paragraph: 0),
            EventSummaryModel(title: "", href: "", date: ""),
            ActorPageModel(name: "", kindLabel: "", aliases: "", profileHTML: "", mentionGroups: [], mentionTotal: 0, annotations: [],
                           relations: [], events: [], backlinks: []),
            TimelineEventModel(id: "", title: "", date: "", datetime: "", circa: false, actors: [], terms: [], passages: [], bodyHTML: "",
                               actorIDs: "", termIDs: "", sourceIDs: ""),
            OverviewItemModel(id: "", label: "", date: "", era: false, span: false, circa: false),
            TimelinePassageModel(label: "", href: "", firstWords: "", source: ""),
            EraModel(label: "", dates: "", passages: []),
            TimelineYearModel(year: "", events: []),
            FilterOptionModel(id: "", label: ""),
            TimelineModel(start: "", end: "", svgHTML: "", years: [], count: 0, root: "", actorOptions: [], termOptions: [], sourceOptions: [], eras: [], overview: []),
            TermUseModel(source: "", paragraph: 0, href: "", excerpt: ""),
            TermPairModel(pair: "", source: "", year: "", href: ""),
            TermModel(id: "", term: "", aliases: "", definitionHTML: "", seeAlso: [], uses: [], useCount: 0, allUsesHref: nil, annotations: [], pairs: []),
            TermPageModel(term: "", definitionHTML: "", glossaryHref: "", useCount: 0, uses: []),
            TermFamilyModel(label: "", terms: []),
            GlossaryModel(families: []),
            NamedLinkModel(label: "", href: "", name: ""),
            MatrixGroupModel(label: "", href: "", repeats: nil, passages: []),
            MatrixCellModel(groups: []),
            MatrixRowModel(pair: "", pairHref: "", cells: []),
            TieModel(pair: "", pairHref: "", label: "", source: "", paragraph: 0, passageHref: ""),
            RelationsModel(matrixShown: false, sourceCount: 0, sources: [], rows: [], svgHTML: "", ties: []),
            PairPassageModel(category: "", categoryHref: "", quote: "", paragraph: 0, passageHref: "", annotationHref: "", noteHTML: ""),
            PairSourceModel(id: "", title: "", href: "", date: "", passages: []),
            PairPageModel(title: "", firstName: "", firstHref: "", secondName: "", secondHref: "", summary: "", relationsHref: "", sources: []),
            AnnotationIndexItem(href: "", source: "", sourceID: "", paragraph: 0, kind: "", kindLabel: "", quote: "", actors: [], terms: [],
                                actorIDs: "", termIDs: ""),
            AnnotationGroupModel(id: "", title: "", href: "", date: "", items: { [] }),
            AnnotationIndexModel(count: 0, groups: [], kindOptions: [], sourceOptions: [], actorOptions: [], termOptions: []),
        ]
    }
}
