/// A source text parsed and cut into numbered paragraphs (¶): every top-level block except
/// headings and thematic breaks gets the next number, a whole list or table counting as one.
public struct SourceDocument: Sendable {
    public struct Paragraph: Sendable {
        public var number: Int
        /// Index of the block among the document's top-level children.
        public var blockIndex: Int
        public var node: MarkdownNode
        /// The reader-visible text (offsets used by `MarkdownNode.wrapping`).
        public var plain: [Unicode.Scalar]
        /// The same text folded for matching.
        public var text: NormalizedText
        /// Line of the source file on which the paragraph starts.
        public var line: Int
    }

    public var source: Source
    public var document: MarkdownNode
    public var paragraphs: [Paragraph]

    public init(_ source: Source) {
        self.source = source
        let lines = source.body.markdown.split(separator: "\n", omittingEmptySubsequences: false)
        document = PipeTable.convertTables(in: Cmark.parse(source.body.markdown), lines: lines)
        paragraphs = []
        for (index, block) in document.children.enumerated() {
            switch block.kind {
            case .heading, .thematicBreak: continue
            default:
                let plain = block.plainText
                paragraphs.append(Paragraph(number: paragraphs.count + 1, blockIndex: index, node: block,
                                            plain: Array(plain.unicodeScalars), text: NormalizedText(plain),
                                            line: block.line + source.body.firstLine - 1))
            }
        }
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

    public func paragraph(_ number: Int) -> Paragraph? {
        number >= 1 && number <= paragraphs.count ? paragraphs[number - 1] : nil
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
        String.appendCollapsingSpaces(scalars[lower..<upper].lazy.flatMap(\.utf8), to: &bytes)
        if upper < scalars.count { bytes.append(contentsOf: "…".utf8) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import Foundation
