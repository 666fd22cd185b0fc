/// A source text cut into numbered paragraphs (¶): every top-level block except headings and
/// thematic breaks gets the next number, a whole list or table counting as one.
public struct SourceDocument: Sendable {
    public struct Paragraph: Sendable {
        public var number: Int
        /// Index of the block among the parsed document's top-level children.
        public var blockIndex: Int
        /// Line of the source file on which the paragraph starts.
        public var line: Int
        /// What a reader sees of it, runs of spaces and line breaks as one space: what search
        /// finds and what excerpts show, kept once here rather than in every excerpt.
        public var text: String
    }

    /// Both held in one object, so that a copy of a document is one reference: renderers look
    /// a document up for every mention they list, and copying its dozen fields each time was
    /// 2% of a 10,000-source build in `perf`.
    private final class Storage: Sendable {
        let source: Source
        let paragraphs: [Paragraph]
        /// Where the body is read from once `source` no longer holds it.
        let reader: BodyReader?
        init(source: Source, paragraphs: [Paragraph], reader: BodyReader? = nil) {
            self.source = source
            self.paragraphs = paragraphs
            self.reader = reader
        }
    }

    private let storage: Storage
    /// The source; its body's Markdown is empty when the loader let it go (`BodyReader`).
    public var source: Source { storage.source }
    public var paragraphs: [Paragraph] { storage.paragraphs }

    public init(_ source: Source) {
        self = Self.read(source, tree: Self.tree(of: source)).document
    }

    private init(_ source: Source, paragraphs: [Paragraph], reader: BodyReader?) {
        storage = Storage(source: source, paragraphs: paragraphs, reader: reader)
    }

    /// A source as numbered paragraphs and as text, each paragraph's text gathered once for both.
    /// With a reader, the document reads its body from the source's file whenever it needs it.
    static func read(_ source: Source, tree: MarkdownNode, reader: BodyReader? = nil) -> (document: SourceDocument, text: SourceText) {
        var paragraphs: [Paragraph] = []
        for (index, block) in tree.children.enumerated() {
            switch block.kind {
            case .heading, .thematicBreak: continue
            default:
                paragraphs.append(Paragraph(number: paragraphs.count + 1, blockIndex: index, line: block.line + source.body.firstLine - 1, text: ""))
            }
        }
        let text = SourceText(source.id, paragraphs: paragraphs, tree: tree)
        for index in paragraphs.indices { paragraphs[index].text = text.paragraphs[index].collapsed }
        return (SourceDocument(source, paragraphs: paragraphs, reader: reader), text)
    }

    /// A source read as a document and its text: its body read again with `reader`, which the
    /// document keeps, or the body the source holds when there is none.
    static func read(_ source: Source, reader: BodyReader?) -> Result<(document: SourceDocument, text: SourceText), Diagnostic> {
        markdown(of: source, reader: reader).map { read(source, tree: tree(of: $0), reader: reader) }
    }

    private static func markdown(of source: Source, reader: BodyReader?) -> Result<String, Diagnostic> {
        reader?.markdown(of: source.file) ?? .success(source.body.markdown)
    }

    /// The parsed text. It is parsed again whenever it is needed: parsing is quick, and keeping
    /// every source's tree from resolving to rendering was a large share of a big build's memory.
    /// Fails only when the body is read again from a file that changed since it was loaded.
    public func tree() -> Result<MarkdownNode, Diagnostic> {
        Self.markdown(of: source, reader: storage.reader).map(Self.tree(of:))
    }

    static func tree(of source: Source) -> MarkdownNode { tree(of: source.body.markdown) }

    private static func tree(of markdown: String) -> MarkdownNode {
        let document = Cmark.parse(markdown)
        // Only text with a '|' can hold a table; its lines are cut on bytes, as splitting a whole
        // source into Characters was most of the time spent here. The '|' is looked for in the
        // string's own buffer: through the `UTF8View` iterator it was 1.5% of a big build.
        let bar = UInt8(ascii: "|")
        guard markdown.utf8.withContiguousStorageIfAvailable({ $0.contains(bar) }) ?? markdown.utf8.contains(bar) else { return document }
        let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        return PipeTable.convertTables(in: document, lines: lines)
    }

    public func paragraph(_ number: Int) -> Paragraph? {
        number >= 1 && number <= paragraphs.count ? paragraphs[number - 1] : nil
    }
}
