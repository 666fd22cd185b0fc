/// Prose the editors wrote, as it stands in its file: a Markdown body, or a one-line front
/// matter value (a source's summary or editor note).
public struct ProseSpan: Sendable {
    public var text: String
    public var file: String
    /// Line and column of the text's first character.
    public var line: Int
    public var column: Int
    /// Written as a double-quoted YAML value, where each `"` and `\` of the text took two columns.
    public var escaped: Bool
}

/// A span in quotation marks in the editors' prose, of four words or more.
struct ProseQuotation: Sendable {
    /// Where its opening mark stands in the file.
    var location: SourceLocation
    /// The quoted words, inline Markdown (links, emphasis, escapes) removed.
    var text: String
    /// The sources the prose cites, in order: an annotation's own source first, then those its
    /// `source:` links name. Their closest passage is the one a failed lookup reports.
    var cited: [SourceID]
}

/// Finds the quotations in a piece of prose. A quotation opens with “ or with a " that starts a
/// word, and closes at the next ” or ". Not quotations: fewer than four words, a span in italics
/// (a title), a span followed by a link to an http(s) address (a quotation from outside the
/// sources, marked with where it comes from), anything in a code span.
enum ProseQuotations {
    static let minimumWords = 4

    /// Every quotation in the corpus's prose: notes (citing their own source first), profiles,
    /// events, definitions, and sources' summaries and editor notes.
    static func all(in corpus: Corpus) -> [ProseQuotation] {
        func span(_ body: Body) -> ProseSpan { ProseSpan(text: body.markdown, file: body.file, line: body.firstLine, column: 1, escaped: false) }
        var spans: [(ProseSpan, [SourceID])] = corpus.annotations.map { (span($0.body), [SourceID($0.source.value)]) }
        spans += (corpus.actors.map(\.body) + corpus.events.map(\.body) + corpus.terms.map(\.body)).map { (span($0), []) }
        spans += corpus.sources.flatMap { source in source.prose.map { ($0, [source.id]) } }
        return spans.flatMap { find(in: $0, cited: $1) }
    }

    static func find(in span: ProseSpan, cited: [SourceID]) -> [ProseQuotation] {
        let scalars = Array(span.text.unicodeScalars)
        // The sources the prose links to, looked for at its first quotation: most prose quotes nothing.
        var allCited: [SourceID]?
        var found: [ProseQuotation] = []
        var line = span.line, column = span.column
        var inCode = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "`" { inCode.toggle() }
            if !inCode, opensQuotation(scalars, at: index), let close = closingMark(scalars, after: index) {
                let inner = scalars[(index + 1)..<close]
                if !isTitle(scalars, open: index, close: close), !isMarkedOutside(scalars, after: close) {
                    let text = plainText(inner)
                    if wordCount(text) >= minimumWords {
                        let cited = allCited ?? cited + citedSources(in: span.text).filter { !cited.contains($0) }
                        allCited = cited
                        found.append(ProseQuotation(location: SourceLocation(file: span.file, line: line, column: column), text: text, cited: cited))
                    }
                }
                for skipped in scalars[index..<close] { advance(skipped, &line, &column, escaped: span.escaped) }
                index = close
                continue
            }
            advance(scalar, &line, &column, escaped: span.escaped)
            index += 1
        }
        return found
    }

    private static func advance(_ scalar: Unicode.Scalar, _ line: inout Int, _ column: inout Int, escaped: Bool) {
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += escaped && (scalar == "\"" || scalar == "\\") ? 2 : 1
        }
    }

    private static func opensQuotation(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        if s[index] == "\u{201C}" { return true }
        guard s[index] == "\"", index + 1 < s.count, !s[index + 1].properties.isWhitespace else { return false }
        guard index > 0 else { return true }
        let before = s[index - 1]
        return before.properties.isWhitespace || "([{*_/\u{2014}\u{2013}-".unicodeScalars.contains(before)
    }

    /// The closing mark, within the paragraph (a blank line ends the search).
    private static func closingMark(_ s: [Unicode.Scalar], after open: Int) -> Int? {
        var index = open + 1
        while index < s.count {
            if s[index] == "\u{201D}" || s[index] == "\"" { return index }
            if s[index] == "\n", index + 1 < s.count, s[index + 1] == "\n" { return nil }
            index += 1
        }
        return nil
    }

    /// `*"Title"*` or `"*Title*"`: words in italics are a title, not a quotation.
    private static func isTitle(_ s: [Unicode.Scalar], open: Int, close: Int) -> Bool {
        let marks: Set<Unicode.Scalar> = ["*", "_"]
        if open > 0, close + 1 < s.count, marks.contains(s[open - 1]), s[open - 1] == s[close + 1] { return true }
        return close - open > 2 && marks.contains(s[open + 1]) && s[open + 1] == s[close - 1]
    }

    /// A link to an http(s) address right after the closing mark, optionally in parentheses:
    /// `"…" ([where](https://…))`, `"…" <https://…>`.
    private static func isMarkedOutside(_ s: [Unicode.Scalar], after close: Int) -> Bool {
        var index = close + 1
        while index < s.count, s[index] == " " || s[index] == "\n" || s[index] == "(" { index += 1 }
        guard index < s.count else { return false }
        var start: Int
        if s[index] == "<" {
            start = index + 1
        } else if s[index] == "[" {
            guard let end = (index..<(s.count - 1)).first(where: { s[$0] == "]" && s[$0 + 1] == "(" }) else { return false }
            start = end + 2
        } else {
            return false
        }
        while start < s.count, s[start] == " " { start += 1 }
        let rest = String(String.UnicodeScalarView(s[start..<min(start + 8, s.count)]))
        return rest.hasPrefix("https://") || rest.hasPrefix("http://")
    }

    /// The words a reader sees: `[text](url)` becomes its text, emphasis marks and escapes go.
    static func plainText(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var out: [Unicode.Scalar] = []
        var openBrackets: [Int] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar {
            case "\\" where index + 1 < scalars.endIndex:
                out.append(scalars[index + 1])
                index += 2
                continue
            case "[":
                openBrackets.append(out.count)
                out.append(scalar)
            case "]":
                // A link's text keeps its words; its brackets and destination go. Other brackets
                // (an editor's "[allegedly]" in a source) stay.
                if let open = openBrackets.popLast(), index + 1 < scalars.endIndex, scalars[index + 1] == "(",
                   let end = scalars[(index + 1)...].firstIndex(of: ")") {
                    out.remove(at: open)
                    index = end + 1
                    continue
                }
                out.append(scalar)
            case "*", "_", "`":
                break
            default:
                out.append(scalar)
            }
            index += 1
        }
        return String(String.UnicodeScalarView(out))
    }

    private static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains { $0.isLetter || $0.isNumber } }.count
    }

    /// The sources named by `source:` links, in order, each once.
    private static func citedSources(in text: String) -> [SourceID] {
        var ids: [SourceID] = []
        for part in text.components(separatedBy: "](source:").dropFirst() {
            let id = String(part.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
            if SourceID.isValid(id), !ids.contains(SourceID(id)) { ids.append(SourceID(id)) }
        }
        return ids
    }
}
