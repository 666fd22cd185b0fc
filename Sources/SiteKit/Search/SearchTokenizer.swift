import Foundation

/// What `SearchTokenizer.scan` hands each token to: its UTF-8, ASCII letters in lower case but
/// otherwise unfolded (`ascii` if it is all ASCII), valid only during the call, and its position.
protocol TokenSink {
    mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, position: Int)
}

/// Cuts text into the words search matches, as the browser's search.js and highlight.js cut
/// the query and the page: a word is a run of letters and digits (and the marks that follow
/// them) in which a straight or typographic apostrophe, or a hyphen, may stand between two
/// such characters. Words are folded: lower case, diacritics removed, apostrophes as `'`.
/// A hyphenated word gives its parts, each at its own position, and also the parts joined at
/// the position of the first, so that "S-400" is found by "s", "400" and "s400".
public enum SearchTokenizer {
    public struct Token: Equatable, Sendable {
        public var word: String
        public var position: Int
        public init(_ word: String, _ position: Int) {
            self.word = word
            self.position = position
        }
    }

    /// The words of `text`, numbered from `start`; `next` is the number after the last.
    public static func tokens(_ text: String, from start: Int = 0) -> (tokens: [Token], next: Int) {
        struct Folding: TokenSink {
            var tokens: [Token] = []
            mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, position: Int) {
                tokens.append(Token(SearchTokenizer.fold(bytes, ascii: ascii), position))
            }
        }
        var folding = Folding()
        let next = scan(text.utf8, from: start, into: &folding)
        return (folding.tokens, next)
    }

    /// Hands `sink` each token of the UTF-8 text `utf8` and its position, numbered from `start`,
    /// in the order `tokens` lists them; returns the number after the last position. Bytes that
    /// are not UTF-8 separate words.
    static func scan<Text: Collection<UInt8>, Sink: TokenSink>(_ utf8: Text, from start: Int, into sink: inout Sink) -> Int {
        if let next = utf8.withContiguousStorageIfAvailable({ scan(bytes: $0, from: start, into: &sink) }) { return next }
        return Array(utf8).withUnsafeBufferPointer { scan(bytes: $0, from: start, into: &sink) }
    }

    private static func scan<Sink: TokenSink>(bytes utf8: UnsafeBufferPointer<UInt8>, from start: Int, into sink: inout Sink) -> Int {
        var word = Word(position: start)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                if word.isEmpty, isLowercaseOrDigit(byte) {
                    // A word of lower-case letters and digits, followed by neither a letter, a
                    // connector nor a character beyond ASCII, is its own token as it stands.
                    var end = index + 1
                    while end < utf8.count, isLowercaseOrDigit(utf8[end]) { end += 1 }
                    if end == utf8.count || endsWord(utf8[end]) {
                        sink.token(UnsafeBufferPointer(rebasing: utf8[index..<end]), ascii: true, position: word.position)
                        word.position += 1
                        index = end
                        continue
                    }
                }
                index += 1
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte, sink: &sink)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20, sink: &sink)
                case UInt8(ascii: "'"): word.connect(UInt8(ascii: "'"), sink: &sink)
                case UInt8(ascii: "-"): word.connect(UInt8(ascii: "-"), sink: &sink)
                default: word.end(sink: &sink)
                }
                continue
            }
            var decoder = UTF8()
            var rest = UnsafeBufferPointer(rebasing: utf8[index...]).makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&rest) else {
                index += 1
                word.end(sink: &sink)
                continue
            }
            index += UTF8.width(scalar)
            switch scalar.value {
            case 0x2019: word.connect(UInt8(ascii: "'"), sink: &sink)
            case 0x2010, 0x2011: word.connect(UInt8(ascii: "-"), sink: &sink)
            default:
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .decimalNumber, .letterNumber, .otherNumber:
                    word.append(scalar, sink: &sink)
                case .nonspacingMark, .spacingMark, .enclosingMark:
                    if word.continues { word.append(scalar, sink: &sink) } else { word.end(sink: &sink) }
                default:
                    word.end(sink: &sink)
                }
            }
        }
        word.end(sink: &sink)
        return word.position
    }

    private static func isLowercaseOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether an ASCII character ends the word before it: anything but a letter, a digit or a connector.
    private static func endsWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "'"), UInt8(ascii: "-"):
            return false
        default:
            return byte < 0x80
        }
    }

    /// The word being read: its parts joined, a connecting apostrophe kept as "'".
    private struct Word {
        var bytes: [UInt8] = []
        /// Where the part being read starts in `bytes`.
        var partStart = 0
        var parts = 0
        var ascii = true
        /// A connector seen after a word character, kept if another follows.
        var pending: UInt8? = nil
        /// The position of the next part.
        var position: Int

        init(position: Int) {
            self.position = position
            bytes.reserveCapacity(64)
        }

        /// Whether no character of a word has been read since the last one ended (a connector is
        /// only ever pending after one).
        var isEmpty: Bool { bytes.isEmpty }

        /// Whether a mark now would continue a part.
        var continues: Bool { bytes.count > partStart && pending == nil }

        mutating func append<Sink: TokenSink>(_ byte: UInt8, sink: inout Sink) {
            if pending != nil { takePending(sink: &sink) }
            bytes.append(byte)
        }

        mutating func append<Sink: TokenSink>(_ scalar: Unicode.Scalar, sink: inout Sink) {
            if pending != nil { takePending(sink: &sink) }
            ascii = false
            UTF8.encode(scalar) { bytes.append($0) }
        }

        /// An apostrophe or hyphen: pending after a word character, else the end of the word.
        mutating func connect<Sink: TokenSink>(_ connector: UInt8, sink: inout Sink) {
            if bytes.count == partStart || pending != nil { end(sink: &sink) } else { pending = connector }
        }

        mutating func end<Sink: TokenSink>(sink: inout Sink) {
            guard !isEmpty else { return }
            endPart(sink: &sink)
            if parts > 1 { bytes.withUnsafeBufferPointer { sink.token($0, ascii: ascii, position: position - parts) } }
            parts = 0
            partStart = 0
            bytes.removeAll(keepingCapacity: true)
            ascii = true
            pending = nil
        }

        private mutating func endPart<Sink: TokenSink>(sink: inout Sink) {
            guard bytes.count > partStart else { return }
            bytes.withUnsafeBufferPointer { sink.token(UnsafeBufferPointer(rebasing: $0[partStart...]), ascii: ascii, position: position) }
            position += 1
            parts += 1
            partStart = bytes.count
        }

        /// Ends the part before a pending hyphen, or keeps a pending apostrophe, as a letter follows.
        private mutating func takePending<Sink: TokenSink>(sink: inout Sink) {
            if pending == UInt8(ascii: "-") { endPart(sink: &sink) } else { bytes.append(UInt8(ascii: "'")) }
            pending = nil
        }
    }

    /// Lower case without diacritics: what both the index and the query are compared in.
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard !ascii else { return text }
        let scalars = text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter {
            switch $0.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return false
            default: return true
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The folded form of one word as typed, e.g. for tests: its tokens' words.
    public static func words(_ text: String) -> [String] { tokens(text).tokens.map(\.word) }
}
