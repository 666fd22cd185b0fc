/// A source's paragraphs as text: what the reader sees, and the same folded for matching.
/// Made while a source's quotes are anchored and its mentions found, then dropped: at three
/// arrays of scalars per paragraph, keeping it for every source was most of a big build's memory.
public struct SourceText: Sendable {
    public struct Paragraph: Sendable {
        public var number: Int
        /// The reader-visible text (offsets used by `MarkdownNode.wrapping`).
        public var plain: [Unicode.Scalar]
        /// The same text folded for matching.
        public var text: NormalizedText
    }

    public var sourceID: SourceID
    public var paragraphs: [Paragraph]

    /// The text of a source, parsed once.
    public init(_ source: Source) {
        let tree = SourceDocument.tree(of: source)
        self.init(SourceDocument(source, tree: tree), tree: tree)
    }

    /// The text of a document whose parsed tree the caller has already.
    init(_ document: SourceDocument, tree: MarkdownNode) {
        sourceID = document.source.id
        paragraphs = document.paragraphs.map { paragraph in
            let node = tree.children[paragraph.blockIndex]
            var plain: [Unicode.Scalar] = []
            plain.reserveCapacity(node.plainLength)
            node.appendPlainText(to: &plain)
            return Paragraph(number: paragraph.number, plain: plain, text: NormalizedText(scalars: plain))
        }
    }

    public func paragraph(_ number: Int) -> Paragraph? {
        number >= 1 && number <= paragraphs.count ? paragraphs[number - 1] : nil
    }

    /// Every place `text` occurs, matched as quotes are (white space, quotes and dashes
    /// folded): the paragraph number and the range in that paragraph's plain text.
    public func occurrences(of text: String) -> [(paragraph: Int, range: Range<Int>)] {
        let needle = NormalizedText.query(text)
        return paragraphs.flatMap { paragraph in
            SubstringSearch.occurrences(of: needle, in: paragraph.text.scalars).map {
                (paragraph.number, paragraph.text.originalRange($0..<($0 + needle.count)))
            }
        }
    }

    /// A short, single-line excerpt of a paragraph around a range of its plain text.
    public static func excerpt(_ paragraph: Paragraph, around range: Range<Int>, width: Int = 120) -> String {
        let scalars = paragraph.plain
        let isSpace = { (scalar: Unicode.Scalar) in scalar == " " || scalar == "\n" }
        let slack = max((width - range.count) / 2, 0)
        var lower = max(range.lowerBound - slack, 0)
        var upper = min(range.upperBound + slack, scalars.count)
        // Cut at word boundaries.
        while lower > 0 && lower < range.lowerBound && !isSpace(scalars[lower - 1]) { lower += 1 }
        while upper < scalars.count && upper > range.upperBound && !isSpace(scalars[upper]) { upper -= 1 }
        // Encoded straight to UTF-8 with runs of spaces collapsed: one excerpt is made per mention.
        var bytes: [UInt8] = []
        bytes.reserveCapacity((upper - lower) + 8)
        if lower > 0 { bytes.append(contentsOf: "…".utf8) }
        String.appendCollapsingSpaces(utf8(of: scalars[lower..<upper]), to: &bytes)
        if upper < scalars.count { bytes.append(contentsOf: "…".utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// UTF-8 of scalars, ASCII copied as is: a lazy `flatMap(\.utf8)` encoded each scalar
    /// through a closure, about half the time of making an excerpt.
    private static func utf8(of scalars: ArraySlice<Unicode.Scalar>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII { bytes.append(UInt8(truncatingIfNeeded: scalar.value)) } else { bytes.append(contentsOf: scalar.utf8) }
        }
        return bytes
    }
}
