/// A CommonMark document as a Swift value, so everything above the cmark wrapper works with
/// values instead of C pointers. Positions are cmark's (1-based line and column in the parsed
/// text); `0` means cmark gave none (inline nodes).
public struct MarkdownNode: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case document
        case blockQuote
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case codeBlock(info: String, literal: String)
        case htmlBlock(String)
        /// Generator markup around block children: emitted verbatim, even in safe mode.
        case customBlock(enter: String, exit: String)
        case paragraph
        case heading(level: Int)
        case thematicBreak
        case text(String)
        case softBreak
        case lineBreak
        case code(String)
        case htmlInline(String)
        /// Generator markup around inline children: emitted verbatim, even in safe mode.
        case customInline(enter: String, exit: String)
        case emphasis
        case strong
        case link(url: String, title: String)
        case image(url: String, title: String)
    }

    public var kind: Kind { didSet { plainLength = Self.length(of: kind, children) } }
    public var children: [MarkdownNode] { didSet { plainLength = Self.length(of: kind, children) } }
    /// Length of `plainText` in Unicode scalars, kept up to date so that laying highlights over
    /// a long paragraph does not measure the same text again for every highlight.
    public private(set) var plainLength: Int
    public var line: Int
    public var column: Int
    /// Last line of a block in the parsed text (cmark gives it for blocks only).
    public var endLine: Int

    public init(_ kind: Kind, children: [MarkdownNode] = [], line: Int = 0, column: Int = 0, endLine: Int = 0) {
        self.kind = kind
        self.children = children
        self.line = line
        self.column = column
        self.endLine = endLine
        self.plainLength = Self.length(of: kind, children)
    }

    public var isBlock: Bool { Self.isBlock(kind) }

    static func isBlock(_ kind: Kind) -> Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph,
             .heading, .thematicBreak:
            return true
        default:
            return false
        }
    }

    /// The text a reader sees, as Unicode scalars: text and code literally, breaks as one space.
    /// Anchoring and mention matching count offsets in these scalars.
    public var plainText: String {
        // Gathered as UTF-8, each literal copied whole rather than scalar by scalar.
        var bytes: [UInt8] = []
        visitPlainText({ bytes.append(contentsOf: $0.utf8) }, { bytes.append(UInt8(ascii: $0)) })
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The plain text as scalars, written straight into an array of `plainLength` of them, so
    /// that no append checks room and uniqueness at every scalar.
    var plainScalars: [Unicode.Scalar] {
        [Unicode.Scalar](unsafeUninitializedCapacity: plainLength) { buffer, count in
            func write(_ scalar: Unicode.Scalar) {
                precondition(count < buffer.count, "plainLength disagrees with the plain text")
                buffer[count] = scalar
                count += 1
            }
            visitPlainText({ for scalar in $0.unicodeScalars { write(scalar) } }, write)
        }
    }

    /// The plain text in order: `literal` for each text and code literal, `separator` for the
    /// space a break stands for and the line break that ends a block.
    private func visitPlainText(_ literal: (String) -> Void, _ separator: (Unicode.Scalar) -> Void) {
        switch kind {
        case .text(let s), .code(let s):
            literal(s)
        case .softBreak, .lineBreak:
            separator(" ")
        default:
            for child in children { child.visitPlainText(literal, separator) }
            // A block ends with a line break so that words of neighbouring blocks (list items,
            // table cells) never run together.
            if isBlock { separator("\n") }
        }
    }

    /// Unicode scalars counted as UTF-8 lead bytes: `unicodeScalars.count` decodes the string
    /// scalar by scalar, 1% of a big build's time, spent on every text node as it is parsed.
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            // Every byte but a continuation byte (10xxxxxx) starts a scalar. Continuation bytes are
            // counted eight at a time: a byte's bit 7 set and bit 6 clear, which `word << 1` moves
            // under bit 7.
            let raw = UnsafeRawBufferPointer(bytes)
            var continuations = 0
            var index = 0
            while index + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                continuations &+= (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                index += 8
            }
            for byte in raw[index...] where byte & 0xC0 == 0x80 { continuations &+= 1 }
            return raw.count - continuations
        }
    }

    private static func length(of kind: Kind, _ children: [MarkdownNode]) -> Int {
        switch kind {
        case .text(let s), .code(let s):
            return scalarCount(s)
        case .softBreak, .lineBreak:
            return 1
        default:
            return children.reduce(isBlock(kind) ? 1 : 0) { $0 + $1.plainLength }
        }
    }
}
