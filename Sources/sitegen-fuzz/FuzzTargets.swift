// The fuzz targets read SiteKit's internals, which a release build exposes only when built for
// testing, as `scripts/fuzz` builds it; other release builds leave them out.
#if DEBUG || SITEGEN_FUZZING
@testable import SiteKit

/// Entry points that take arbitrary bytes, for the libFuzzer build (`scripts/fuzz`) and for the
/// test that replays the kept corpus (`FuzzCorpusTests`). Each runs one parser on the bytes and
/// returns the properties that must hold for every input and did not: none, unless there is a bug.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// A content file: UTF-8 decoding, the `---` front matter split and the typed YAML reading.
    case frontMatter = "front-matter"
    /// A quote anchored in a source text: the input is the text, a NUL byte, then the quote.
    case quoteAnchor = "quote-anchor"
    /// A Markdown body with cross-reference links (`actor:…`, `source:…#p3`) checked and rewritten.
    case crossReference = "cross-reference"
    /// A Mustache template, then a NUL byte and a partial named `part`, either of which may include
    /// the other or itself: loading refuses it with a diagnostic, or it renders.
    case template = "template"

    /// The broken properties, each as a sentence; empty when all hold.
    func run(_ bytes: [UInt8]) -> [String] {
        var broken = Properties()
        switch self {
        case .frontMatter: Self.frontMatter(bytes, &broken)
        case .quoteAnchor: Self.quoteAnchor(bytes, &broken)
        case .crossReference: Self.crossReference(bytes, &broken)
        case .template: Self.template(bytes, &broken)
        }
        return broken.messages
    }

    private static func frontMatter(_ bytes: [UInt8], _ broken: inout Properties) {
        let file = "content/annotations/memo/fuzz.md"
        guard case .success(let text) = TextDecoding.decode(bytes, file: file) else { return }
        if case .success(let split) = FrontMatterSplit.split(text, file: file) {
            // The body is the file from the line it is said to start on, so its positions are the file's.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            broken.check(split.bodyFirstLine >= 1 && split.bodyFirstLine <= lines.count + 1, "body line \(split.bodyFirstLine) of \(lines.count)")
            broken.check(lines.dropFirst(split.bodyFirstLine - 1).joined(separator: "\n") == split.body, "body does not start on line \(split.bodyFirstLine)")
        }
        let fileSystem = MemoryFileSystem(bytes: [
            "content/site.yml": Array("title: T\nsubtitle: S\nlanguage: en\ndescription: D\ntimeline:\n  start: \"1999\"\n  end: \"2022\"\n".utf8),
            file: bytes,
        ])
        broken.checkPositions(ContentLoader.load(from: "content", fileSystem: fileSystem).1)
    }

    private static func quoteAnchor(_ bytes: [UInt8], _ broken: inout Properties) {
        guard let nul = bytes.firstIndex(of: 0) else { return }
        let text = String(decoding: bytes[..<nul], as: UTF8.self)
        let quote = String(decoding: bytes[(nul + 1)...], as: UTF8.self)
        let document = SourceText(source(body: text))
        let at = SourceLocation(file: "quote", line: 1, column: 1)
        guard case .success(let anchor) = QuoteAnchor.anchor(quote: Located(quote, at: at), prefix: nil, suffix: nil, in: document) else { return }
        // What was found, folded as quotes are, holds the quote folded, and no smaller range does.
        // (Not always equal: a quote may end inside a character that folds to several, as `…` to
        // `...`, and a highlight can only cover whole characters.)
        guard let paragraph = document.paragraph(anchor.paragraph) else { return broken.check(false, "anchor in missing ¶\(anchor.paragraph)") }
        broken.check(anchor.range.lowerBound >= 0 && anchor.range.upperBound <= paragraph.plain.count, "range \(anchor.range) outside ¶")
        let needle = NormalizedText.query(quote)
        func holdsQuote(_ range: Range<Int>) -> Bool {
            var found = String.UnicodeScalarView()
            found.append(contentsOf: paragraph.plain[range])
            return !SubstringSearch.occurrences(of: needle, in: NormalizedText(String(found)).scalars).isEmpty
        }
        broken.check(holdsQuote(anchor.range), "anchored text does not hold the quote")
        let range = anchor.range
        broken.check(range.count <= 1 || (!holdsQuote(range.dropFirst()) && !holdsQuote(range.dropLast())), "anchored range \(range) is wider than the quote")
    }

    private static func crossReference(_ bytes: [UInt8], _ broken: inout Properties) {
        let markdown = String(decoding: bytes, as: UTF8.self)
        let memo = SourceDocument(source(body: "First paragraph.\n\nSecond paragraph."))
        let links = CrossLinks(actors: [:], terms: [:], events: [:], documents: [memo.source.id: memo])
        let node = Cmark.parse(markdown)
        var log = DiagnosticLog()
        for target in links.check(node, body: Body(markdown: markdown, firstLine: 1, file: "fuzz.md"), log: &log) {
            let path = links.path(of: target)
            broken.check(!path.hasPrefix("/") && !path.split(separator: "/").contains(".."), "target path \(path) leaves the site")
        }
        broken.checkPositions(log.all)
        let html = Cmark.renderHTML(links.rewrite(node, root: "../../"))
        broken.check(!html.contains("href=\"javascript:") && !html.contains("<script"), "unsafe HTML rendered")
    }

    private static func template(_ bytes: [UInt8], _ broken: inout Properties) {
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        var texts = ["main": parts[0], "part": parts.count > 1 ? parts[1] : ""]
        for name in Templates.required where texts[name] == nil { texts[name] = "" }
        let (templates, diagnostics) = Templates.parse(texts, folder: "templates")
        broken.checkPositions(diagnostics)
        broken.check((templates == nil) != diagnostics.isEmpty, "templates \(templates == nil ? "refused without" : "loaded with") diagnostics")
        let link = { (label: String) in LinkModel(label: label, href: "x/\(label).html?a=1&b=2") }
        let model = RelationsModel(
            matrixShown: true, sourceCount: 3, sources: [link("<memo>"), link("essay")],
            rows: [MatrixRowModel(pair: "Russia & Iran", pairHref: "p?a=1&b=2", cells: [
                MatrixCellModel(groups: [MatrixGroupModel(label: "ally", href: "x", repeats: "2", passages: [NamedLinkModel(label: "¶1", href: "#a", name: "<¶1>")])]),
                MatrixCellModel(groups: [])]),
                   MatrixRowModel(pair: "", pairHref: "", cells: [])],
            svgHTML: "<svg>\"</svg>", ties: [TieModel(pair: "a → b", pairHref: "", label: "", source: "<s>", paragraph: 0, passageHref: "")])
        _ = templates?.render("main", model)
    }

    private static func source(body: String) -> Source {
        Source(id: SourceID("memo"), file: "content/sources/memo.md", title: "Memo", titleSupplied: false, author: nil,
               publisher: nil, date: PartialDate(year: 2002), url: nil, summary: "", editorNote: nil, corrections: [],
               body: Body(markdown: body, firstLine: 1, file: "content/sources/memo.md"))
    }

}

/// The properties a target found broken.
struct Properties {
    private(set) var messages: [String] = []

    mutating func check(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { messages.append(message()) }
    }

    /// Every diagnostic points at a real place an editor can jump to.
    mutating func checkPositions(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            check(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "diagnostic at \(diagnostic.location)")
        }
    }
}
#endif
