/// A source text parsed and cut into numbered paragraphs (¶): every top-level block except
/// headings and thematic breaks gets the next number, a whole list or table counting as one.
public struct SourceDocument: Sendable {
    public struct Paragraph: Sendable {
        public var number: Int
        /// Index of the block among the document's top-level children.
        public var blockIndex: Int
        public var node: MarkdownNode
        /// Line of the source file on which the paragraph starts.
        public var line: Int
    }

    public var source: Source
    public var document: MarkdownNode
    public var paragraphs: [Paragraph]

    public init(_ source: Source) {
        self.source = source
        let markdown = source.body.markdown
        document = Cmark.parse(markdown)
        // Only text with a '|' can hold a table; its lines are cut on bytes, as splitting a whole
        // source into Characters was most of the time spent here.
        if markdown.utf8.contains(UInt8(ascii: "|")) {
            let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
            document = PipeTable.convertTables(in: document, lines: lines)
        }
        paragraphs = []
        for (index, block) in document.children.enumerated() {
            switch block.kind {
            case .heading, .thematicBreak: continue
            default:
                paragraphs.append(Paragraph(number: paragraphs.count + 1, blockIndex: index, node: block,
                                            line: block.line + source.body.firstLine - 1))
            }
        }
    }

    public func paragraph(_ number: Int) -> Paragraph? {
        number >= 1 && number <= paragraphs.count ? paragraphs[number - 1] : nil
    }
}
