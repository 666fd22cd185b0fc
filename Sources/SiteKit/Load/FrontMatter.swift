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

    static func split(_ text: String, file: String) -> Result<FrontMatterSplit, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isDelimiter(first, closing: false) else {
            return .success(FrontMatterSplit(yaml: nil, yamlFirstLine: 1, body: text, bodyFirstLine: 1))
        }
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { isDelimiter($0, closing: true) }) else {
            return .failure(.error(
                SourceLocation(file: file, line: 1, column: 1),
                "front matter opened with '---' is never closed; add a line '---' after the last key"))
        }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatterSplit(yaml: yaml, yamlFirstLine: 2, body: body, bodyFirstLine: close + 3))
    }

    private static func isDelimiter(_ line: Substring, closing: Bool) -> Bool {
        var trimmed = line
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        return trimmed == "---" || (closing && trimmed == "...")
    }
}
