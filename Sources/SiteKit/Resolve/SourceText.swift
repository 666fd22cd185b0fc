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
        /// What a reader sees, spaces collapsed: the document paragraph's `text`.
        public var collapsed: String
        /// Where each scalar of `plain` that is not a space starts in `collapsed`, in bytes.
        var starts: [Int32]

        /// Where a range of `plain` lies in `collapsed`, in bytes: from its first scalar that
        /// is not a space to the end of its last one; empty when it holds only spaces.
        func collapsedBytes(_ range: Range<Int>) -> Range<Int32> {
            guard let first = range.first(where: { !SourceText.isSpace(plain[$0]) }),
                  let last = range.last(where: { !SourceText.isSpace(plain[$0]) }) else { return 0..<0 }
            return starts[first]..<(starts[last] + Int32(UTF8.width(plain[last])))
        }
    }

    public var sourceID: SourceID
    public var paragraphs: [Paragraph]
    /// The section titles, folded for matching: text of the source that is not a paragraph.
    public var headings: [NormalizedText]

    /// The text of a source, parsed once.
    public init(_ source: Source) {
        self = SourceDocument.read(source, store: .inMemory()).text
    }

    /// The text of a source's numbered paragraphs, read from its parsed tree.
    init(_ sourceID: SourceID, paragraphs numbered: [SourceDocument.Paragraph], tree: MarkdownNode) {
        self.sourceID = sourceID
        paragraphs = numbered.map { paragraph in
            let node = tree.children[paragraph.blockIndex]
            let plain = node.plainScalars
            let (collapsed, starts) = Self.collapse(plain)
            return Paragraph(number: paragraph.number, plain: plain, text: NormalizedText(scalars: plain), collapsed: collapsed, starts: starts)
        }
        headings = tree.children.compactMap { block in
            guard case .heading = block.kind else { return nil }
            return NormalizedText(scalars: block.plainScalars)
        }
    }

    /// The text with its spaces collapsed as `String.collapsingSpaces` collapses them
    /// (leading and trailing ones dropped, each run inside written as one), and where each
    /// scalar that is not a space starts in it.
    private static func collapse(_ plain: [Unicode.Scalar]) -> (String, [Int32]) {
        var starts = [Int32](repeating: 0, count: plain.count)
        // Written through pointers into scratch room for the longest possible text, then copied
        // once, rather than appended byte by byte.
        let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: plain.count * 4) { bytes in
            var count = 0
            var pendingSpace = false
            plain.withUnsafeBufferPointer { scalars in
                starts.withUnsafeMutableBufferPointer { starts in
                    for index in scalars.indices {
                        let scalar = scalars[index]
                        if isSpace(scalar) {
                            pendingSpace = count > 0
                            continue
                        }
                        if pendingSpace {
                            bytes[count] = UInt8(ascii: " ")
                            count += 1
                            pendingSpace = false
                        }
                        starts[index] = Int32(truncatingIfNeeded: count)
                        if scalar.isASCII {
                            bytes[count] = UInt8(truncatingIfNeeded: scalar.value)
                            count += 1
                        } else {
                            for byte in scalar.utf8 {
                                bytes[count] = byte
                                count += 1
                            }
                        }
                    }
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
        }
        return (text, starts)
    }

    fileprivate static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" }

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
    public static func excerpt(_ paragraph: Paragraph, around range: Range<Int>, width: Int = 120) -> Excerpt {
        let scalars = paragraph.plain
        let slack = max((width - range.count) / 2, 0)
        var lower = max(range.lowerBound - slack, 0)
        var upper = min(range.upperBound + slack, scalars.count)
        // Cut at word boundaries.
        while lower > 0 && lower < range.lowerBound && !isSpace(scalars[lower - 1]) { lower += 1 }
        while upper < scalars.count && upper > range.upperBound && !isSpace(scalars[upper]) { upper -= 1 }
        // Collapsing drops the spaces at either end of the cut.
        var first = lower, last = upper
        while first < last && isSpace(scalars[first]) { first += 1 }
        while last > first && isSpace(scalars[last - 1]) { last -= 1 }
        let bytes = first < last ? paragraph.starts[first]..<(paragraph.starts[last - 1] + Int32(UTF8.width(scalars[last - 1]))) : 0..<0
        return Excerpt(bytes: bytes, cutBefore: lower > 0, cutAfter: upper < scalars.count)
    }
}

/// An excerpt of a paragraph: where it lies in the paragraph's collapsed text, and whether it
/// was cut short at either end. A big corpus has a million mentions; an excerpt each, as its
/// own string, was the largest share of a build's memory; their text waits in the text store
/// (`ExcerptBook`). Both marks are kept in the top bits of the end, so that an excerpt is 8 bytes
/// instead of 12 while the resolver holds one per mention.
public struct Excerpt: Sendable, Equatable {
    private let start: UInt32, endAndMarks: UInt32
    private static let before: UInt32 = 1 << 31, after: UInt32 = 1 << 30

    /// A paragraph's text is far under 1 GB (`SourceText` counts in 32 bits), so the marks fit.
    init(bytes: Range<Int32>, cutBefore: Bool, cutAfter: Bool) {
        start = UInt32(bytes.lowerBound)
        endAndMarks = UInt32(bytes.upperBound) | (cutBefore ? Self.before : 0) | (cutAfter ? Self.after : 0)
    }

    /// UTF-8 offsets in the paragraph's collapsed text.
    public var bytes: Range<Int32> { Int32(start)..<Int32(endAndMarks & ~(Self.before | Self.after)) }
    public var cutBefore: Bool { endAndMarks & Self.before != 0 }
    public var cutAfter: Bool { endAndMarks & Self.after != 0 }

    private static let ellipsis: [UInt8] = Array("…".utf8)

    /// The size of the excerpt as a reader sees it, in UTF-8 bytes.
    var textSize: Int { bytes.count + (cutBefore ? Self.ellipsis.count : 0) + (cutAfter ? Self.ellipsis.count : 0) }

    /// Appends the excerpt as a reader sees it, with "…" where it was cut, from its own bytes.
    func append(of own: ArraySlice<UInt8>, to text: inout [UInt8]) {
        if cutBefore { text += Self.ellipsis }
        text += own
        if cutAfter { text += Self.ellipsis }
    }

    /// The excerpt as a reader sees it, from the collapsed text of the paragraph it lies in.
    public func text(in collapsed: String) -> String {
        var text: [UInt8] = []
        append(of: Array(collapsed.utf8)[Int(bytes.lowerBound)..<Int(bytes.upperBound)], to: &text)
        return String(decoding: text, as: UTF8.self)
    }
}
