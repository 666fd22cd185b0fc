/// Generator markup laid over a range of a block's plain text (a highlight, a mention link).
public struct InlineWrap: Sendable {
    public var range: Range<Int>
    /// Markup for one piece of the wrap; a range that crosses inline formatting or a block
    /// boundary is split into several pieces so the HTML stays well-formed.
    public var markup: @Sendable (_ piece: Int) -> (enter: String, exit: String)
    /// Markup placed right after the last piece (a note's reference link), or after the link that
    /// holds the last piece: a link inside a link is not HTML.
    public var trailer: String

    public init(range: Range<Int>, trailer: String = "",
                markup: @escaping @Sendable (_ piece: Int) -> (enter: String, exit: String)) {
        self.range = range
        self.trailer = trailer
        self.markup = markup
    }
}

extension MarkdownNode {
    /// Wraps each range of this node's plain text (offsets as in `plainText`) in custom inline
    /// nodes. Wraps are applied in order, so later ones nest inside earlier ones they overlap.
    public func wrapping(_ wraps: [InlineWrap]) -> MarkdownNode {
        // Cut text nodes at every boundary first, in one pass, so that no wrap has to cut (and
        // copy) the remainder of a long text node again.
        var boundaries: [Int] = []
        for wrap in wraps where !wrap.range.isEmpty { boundaries += [wrap.range.lowerBound, wrap.range.upperBound] }
        var node = self
        var cursor = 0
        node.children = MarkdownNode.splitText(children, from: 0, at: Array(Set(boundaries)).sorted(), cursor: &cursor)
        for wrap in wraps where !wrap.range.isEmpty {
            var piece = 0
            var pending: MarkdownNode?
            MarkdownNode.wrapChildren(&node.children, from: 0, wrap, piece: &piece, inline: node.holdsInlines,
                                      inLink: node.isLink, trailer: &pending)
            if let pending { node.children.append(pending) }
        }
        return node
    }

    /// Children with every text node cut at the given offsets (sorted, relative to the parent's
    /// plain text); `cursor` is the index of the first boundary not yet passed.
    private static func splitText(_ children: [MarkdownNode], from start: Int, at boundaries: [Int], cursor: inout Int) -> [MarkdownNode] {
        var result: [MarkdownNode] = []
        result.reserveCapacity(children.count)
        var position = start
        for child in children {
            let end = position + child.plainLength
            while cursor < boundaries.count && boundaries[cursor] <= position { cursor += 1 }
            if cursor == boundaries.count || boundaries[cursor] >= end {
                result.append(child)
            } else if case .text(var literal) = child.kind {
                // Cut at UTF-8 offsets found by skipping continuation bytes, without decoding
                // every scalar on the way as moving a `UnicodeScalarView` index would.
                let cuts = literal.withUTF8 { bytes in
                    var cuts: [Int] = []
                    var byte = 0, scalar = position
                    while cursor < boundaries.count && boundaries[cursor] < end {
                        while scalar < boundaries[cursor] {
                            byte += 1
                            while byte < bytes.count && bytes[byte] & 0xC0 == 0x80 { byte += 1 }
                            scalar += 1
                        }
                        cuts.append(byte)
                        cursor += 1
                    }
                    return cuts
                }
                var start = literal.utf8.startIndex
                for cut in cuts + [literal.utf8.count] {
                    let stop = literal.utf8.index(literal.utf8.startIndex, offsetBy: cut)
                    var piece = child
                    piece.kind = .text(String(literal[start..<stop]))
                    result.append(piece)
                    start = stop
                }
            } else if child.children.isEmpty {
                result.append(child)
            } else {
                var copy = child
                copy.children = splitText(child.children, from: position, at: boundaries, cursor: &cursor)
                result.append(copy)
            }
            position = end
        }
        return result
    }

    var isHeading: Bool {
        if case .heading = kind { return true }
        return false
    }

    /// A link from the text or one laid over it by the generator (whose markup opens an `<a>`).
    var isLink: Bool {
        switch kind {
        case .link: return true
        case .customInline(let enter, _): return enter.hasPrefix("<a ")
        default: return false
        }
    }

    /// Whether this node holds inline children (a paragraph, heading, or an inline container).
    var holdsInlines: Bool { !isBlock || kind == .paragraph || isHeading }

    /// `trailer` receives the wrap's trailer when its last piece is inside a link, so that the
    /// level holding the outermost link places it after that link.
    private static func wrapChildren(_ children: inout [MarkdownNode], from start: Int, _ wrap: InlineWrap, piece: inout Int, inline: Bool,
                                     inLink: Bool, trailer: inout MarkdownNode?) {
        // Only the children the range touches are rebuilt, and put back in place; the rest stay
        // where they are, so many highlights on one long paragraph stay cheap.
        var lower = 0, offset = start
        while lower < children.count && offset + children[lower].plainLength <= wrap.range.lowerBound {
            offset += children[lower].plainLength
            lower += 1
        }
        var upper = lower, end = offset
        while upper < children.count && end < wrap.range.upperBound {
            end += children[upper].plainLength
            upper += 1
        }
        var result: [MarkdownNode] = []
        result.reserveCapacity(upper - lower + 2)
        var run: [MarkdownNode] = []
        var position = offset
        func flush() {
            guard !run.isEmpty else { return }
            let isLast = position >= wrap.range.upperBound
            let markup = wrap.markup(piece)
            let moved = isLast && inLink && !wrap.trailer.isEmpty
            let exit = isLast && !moved ? markup.exit + wrap.trailer : markup.exit
            result.append(MarkdownNode(.customInline(enter: markup.enter, exit: exit), children: run))
            if moved { trailer = MarkdownNode(.customInline(enter: wrap.trailer, exit: "")) }
            piece += 1
            run = []
        }
        for child in children[lower..<upper] {
            let length = child.plainLength
            let childStart = position
            let childEnd = position + length
            defer { position = childEnd }
            if childEnd <= wrap.range.lowerBound || childStart >= wrap.range.upperBound {
                if length == 0 && !run.isEmpty && childStart < wrap.range.upperBound {
                    run.append(child)
                } else {
                    flush()
                    result.append(child)
                }
                continue
            }
            let inside = childStart >= wrap.range.lowerBound && childEnd <= wrap.range.upperBound
            if inside && inline && !child.isBlock {
                run.append(child)
                continue
            }
            // Partly covered, or a block: descend into containers. Text never needs cutting
            // here, because `wrapping` cut it at every boundary beforehand.
            switch child.kind {
            case .code, .softBreak, .lineBreak, .htmlInline, .image, .text:
                // Atoms cannot be cut: a partly covered one stays outside the highlight.
                flush()
                result.append(child)
            default:
                flush()
                var copy = child
                wrapChildren(&copy.children, from: childStart, wrap, piece: &piece, inline: child.holdsInlines,
                             inLink: inLink || child.isLink, trailer: &trailer)
                result.append(copy)
                if !inLink, let pending = trailer {
                    result.append(pending)
                    trailer = nil
                }
            }
        }
        flush()
        children.replaceSubrange(lower..<upper, with: result)
    }
}
