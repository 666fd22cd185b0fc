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
        var position = start
        var part: [UInt8] = [], joined: [UInt8] = []
        var parts = 0, ascii = true
        var pending: UInt8? = nil  // a connector seen after a word character, kept if another follows
        func endPart() {
            guard !part.isEmpty else { return }
            tokens.append(Token(fold(part, ascii: ascii), position))
            position += 1
            parts += 1
            part.removeAll(keepingCapacity: true)
        }
        func endWord() {
            endPart()
            if parts > 1 { tokens.append(Token(fold(joined, ascii: ascii), position - parts)) }
            parts = 0
            joined.removeAll(keepingCapacity: true)
            ascii = true
            pending = nil
        }
        /// Letters continuing the word, after the connector before them if any.
        func letter(_ bytes: some Sequence<UInt8>) {
            if let connector = pending {
                if connector == UInt8(ascii: "-") { endPart() } else { part.append(connector); joined.append(connector) }
                pending = nil
            }
            part.append(contentsOf: bytes)
            joined.append(contentsOf: bytes)
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
                kind = Self.kind(of: scalar, continuing: !part.isEmpty && pending == nil)
            }
            switch kind {
            case .word(let byte) where pending == nil:
                part.append(byte)
                joined.append(byte)
            case .word(let byte):
                letter(CollectionOfOne(byte))
            case .wide(let scalar):
                ascii = false
                letter(String(scalar).utf8)
            case .apostrophe, .hyphen:
                if part.isEmpty || pending != nil { endWord() } else { pending = kind == .hyphen ? UInt8(ascii: "-") : UInt8(ascii: "'") }
            case .other:
                endWord()
            }
        }
        endWord()
        return (tokens, position)
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
    static func fold(_ bytes: [UInt8], ascii: Bool) -> String {
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
