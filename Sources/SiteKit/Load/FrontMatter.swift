/// A content file cut into its YAML front matter and its Markdown body, remembering on which
/// line of the file each starts so positions inside either can be reported as the file's own.
struct FrontMatterSplit: Equatable {
    /// The YAML text between the `---` lines, or nil when the file has no front matter.
    var yaml: String?
    /// Line of the file on which the YAML's first line stands.
    var yamlFirstLine: Int
    var body: String
    /// Line of the file on which the body's first line stands.
    var bodyFirstLine: Int

    /// Walks lines by their `\n` bytes and copies only the two parts: splitting whole files
    /// into lines as Characters was a noticeable share of loading.
    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        let utf8 = text.utf8
        func endOfLine(from start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 0x0A) ?? utf8.endIndex }
        func nextLine(after end: String.Index) -> String.Index? { end == utf8.endIndex ? nil : utf8.index(after: end) }
        let firstEnd = endOfLine(from: utf8.startIndex)
        guard isDelimiter(text[utf8.startIndex..<firstEnd], closing: false) else {
            return .success(FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        let yamlStart = nextLine(after: firstEnd)
        var line = 2
        var cursor = yamlStart
        while let start = cursor, let yamlStart {
            let end = endOfLine(from: start)
            if isDelimiter(text[start..<end], closing: true) {
                // The YAML is the lines before the closing one, without the last line break.
                let yaml = start == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: start)])
                let body = nextLine(after: end).map { String(text[$0...]) } ?? ""
                return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: line + 1))
            }
            cursor = nextLine(after: end)
            line += 1
        }
        return .failure(.error(
            SourceLocation(file: file, line: 1, column: 1),
            "front matter opened with '---' is never closed; add a line '---' after the last key"))
    }

    private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
