import Foundation

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
        var tokens: [Token] = []
        let next = scan(text, from: start) { bytes, ascii, position in tokens.append(Token(fold(bytes, ascii: ascii), position)) }
        return (tokens, next)
    }

    /// How many tokens `tokens(text)` gives, without folding them.
    static func count(_ text: String) -> Int {
        var count = 0
        _ = scan(text, from: 0) { _, _, _ in count += 1 }
        return count
    }

    /// Calls `emit` with each token of `text` as unfolded UTF-8 (`ascii` if it is all ASCII) and
    /// its position, numbered from `start`, in the order `tokens` lists them; returns the number
    /// after the last position.
    static func scan(_ text: String, from start: Int, emit: (_ bytes: ArraySlice<UInt8>, _ ascii: Bool, _ position: Int) -> Void) -> Int {
        var position = start
        // The word so far: its parts joined, a connecting apostrophe kept as "'". The part being
        // read starts at `partStart`.
        var word: [UInt8] = []
        word.reserveCapacity(64)
        var partStart = 0, parts = 0, ascii = true
        var pending: UInt8? = nil  // a connector seen after a word character, kept if another follows
        func endPart() {
            guard word.count > partStart else { return }
            emit(word[partStart...], ascii, position)
            position += 1
            parts += 1
            partStart = word.count
        }
        func endWord() {
            endPart()
            if parts > 1 { emit(word[...], ascii, position - parts) }
            parts = 0
            partStart = 0
            word.removeAll(keepingCapacity: true)
            ascii = true
            pending = nil
        }
        /// Ends the part before a pending hyphen, or keeps a pending apostrophe, as a letter follows.
        func takePending() {
            guard let connector = pending else { return }
            if connector == UInt8(ascii: "-") { endPart() } else { word.append(connector) }
            pending = nil
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let kind: CharacterKind
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    kind = .word(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): kind = .word(byte | 0x20)
                case UInt8(ascii: "'"): kind = .apostrophe
                case UInt8(ascii: "-"): kind = .hyphen
                default: kind = .other
                }
            } else {
                kind = Self.kind(of: scalar, continuing: word.count > partStart && pending == nil)
            }
            switch kind {
            case .word(let byte):
                takePending()
                word.append(byte)
            case .wide(let scalar):
                takePending()
                ascii = false
                UTF8.encode(scalar) { word.append($0) }
            case .apostrophe, .hyphen:
                if word.count == partStart || pending != nil { endWord() } else { pending = kind == .hyphen ? UInt8(ascii: "-") : UInt8(ascii: "'") }
            case .other:
                endWord()
            }
        }
        endWord()
        return position
    }

    private enum CharacterKind: Equatable {
        case word(UInt8), wide(Unicode.Scalar), apostrophe, hyphen, other
    }

    private static func kind(of scalar: Unicode.Scalar, continuing: Bool) -> CharacterKind {
        switch scalar.value {
        case 0x2019: return .apostrophe
        case 0x2010, 0x2011: return .hyphen
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return .wide(scalar)
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return continuing ? .wide(scalar) : .other
        default:
            return .other
        }
    }

    /// Lower case without diacritics: what both the index and the query are compared in.
    static func fold(_ bytes: ArraySlice<UInt8>, ascii: Bool) -> String {
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
