/// A source text cut into numbered paragraphs (¶): every top-level block except headings and
/// thematic breaks gets the next number, a whole list or table counting as one.
public struct SourceDocument: Sendable {
    public struct Paragraph: Sendable {
        public var number: Int
        /// Index of the block among the parsed document's top-level children.
        public var blockIndex: Int
        /// Line of the source file on which the paragraph starts.
        public var line: Int
        /// Where what a reader sees of it (runs of spaces and line breaks as one space: what
        /// search finds and what excerpts show) lies in the document's text, in UTF-8 bytes.
        public var textBytes: Range<Int32>
        /// `textBytes` as integers, to cut the paragraph out of the document's text.
        var textRange: Range<Int> { Int(textBytes.lowerBound)..<Int(textBytes.upperBound) }
    }

    /// All held in one object, so that a copy of a document is one reference: renderers look
    /// a document up for every mention they list.
    private final class Storage: Sendable {
        let source: Source
        let paragraphs: [Paragraph]
        let tree: StoredTree
        /// The paragraphs' text, one after another.
        let text: StoredBytes
        init(source: Source, paragraphs: [Paragraph], tree: StoredTree, text: StoredBytes) {
            self.source = source
            self.paragraphs = paragraphs
            self.tree = tree
            self.text = text
        }
    }

    private let storage: Storage
    /// The source; its body's Markdown is empty when the loader kept its tree instead (`Source.tree`).
    public var source: Source { storage.source }
    public var paragraphs: [Paragraph] { storage.paragraphs }

    /// A document whose text is kept in memory.
    public init(_ source: Source) {
        self = Self.read(source, store: .inMemory()).document
    }

    /// A source as numbered paragraphs and as text, each paragraph's text gathered once for both
    /// and the reader's text kept in `store`. The tree is the one the loader stored
    /// (`Source.tree`), or, for a source made in memory, its body parsed and stored here.
    static func read(_ source: Source, store: TextStore) -> (document: SourceDocument, text: SourceText) {
        let stored = source.tree ?? StoredTree(parse(source.body.markdown), file: source.file, store: store)
        let tree = stored.tree()
        var paragraphs: [Paragraph] = []
        paragraphs.reserveCapacity(tree.children.count)
        for (index, block) in tree.children.enumerated() {
            switch block.kind {
            case .heading, .thematicBreak: continue
            default:
                paragraphs.append(Paragraph(number: paragraphs.count + 1, blockIndex: index, line: block.line + source.body.firstLine - 1, textBytes: 0..<0))
            }
        }
        let text = SourceText(source.id, paragraphs: paragraphs, tree: tree)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.paragraphs.reduce(0) { $0 + $1.collapsed.utf8.count })
        for index in paragraphs.indices {
            let start = Int32(bytes.count)
            bytes.append(contentsOf: text.paragraphs[index].collapsed.utf8)
            paragraphs[index].textBytes = start..<Int32(bytes.count)
        }
        let storage = Storage(source: source, paragraphs: paragraphs, tree: stored,
                              text: StoredBytes(bytes, file: source.file, store: store))
        return (SourceDocument(storage: storage), text)
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// What a reader sees of each paragraph, spaces collapsed, in order: read at once.
    public func paragraphTexts() -> [String] {
        let all = textBytes()
        return paragraphs.map { String(decoding: all[$0.textRange], as: UTF8.self) }
    }

    /// The paragraphs' text, one after another, as UTF-8; each paragraph's lies at its `textBytes`.
    func textBytes() -> [UInt8] { storage.text.all }

    /// What a reader sees of one paragraph (numbered from 1), spaces collapsed; nil if there is none.
    public func paragraphText(_ number: Int) -> String? {
        guard paragraphs.indices.contains(number - 1) else { return nil }
        return String(decoding: storage.text[paragraphs[number - 1].textRange], as: UTF8.self)
    }

    /// The size of the paragraphs' text in bytes.
    public var textSize: Int { storage.text.count }

    /// The excerpts around `places` as a reader sees them, one after another, from one read of
    /// the text.
    func excerptBytes(_ excerpts: [Excerpt], in places: [MentionPlace]) -> [UInt8] {
        guard !excerpts.isEmpty else { return [] }
        let all = textBytes()
        var text: [UInt8] = []
        text.reserveCapacity(excerpts.reduce(0) { $0 + $1.textSize })
        for (excerpt, place) in zip(excerpts, places) {
            let start = paragraphs[place.paragraph - 1].textRange.lowerBound
            excerpt.append(of: all[(start + Int(excerpt.bytes.lowerBound))..<(start + Int(excerpt.bytes.upperBound))], to: &text)
        }
        return text
    }

    /// The parsed text, as the loader parsed it, read back from where it is kept.
    public func tree() -> MarkdownNode { storage.tree.tree() }

    /// The text as `read` gave it, made again from the stored tree.
    func text() -> SourceText { SourceText(source.id, paragraphs: paragraphs, tree: tree()) }

    /// A source's body parsed, its pipe tables made tables.
    static func parse(_ markdown: String) -> MarkdownNode {
        let document = Cmark.parse(markdown)
        // Only text with a '|' can hold a table; its lines are cut on bytes, as splitting a whole
        // source into Characters is slow. The '|' is looked for in the string's own buffer.
        let bar = UInt8(ascii: "|")
        guard markdown.utf8.withContiguousStorageIfAvailable({ $0.contains(bar) }) ?? markdown.utf8.contains(bar) else { return document }
        let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        return PipeTable.convertTables(in: document, lines: lines)
    }

    public func paragraph(_ number: Int) -> Paragraph? {
        number >= 1 && number <= paragraphs.count ? paragraphs[number - 1] : nil
    }
}
