import Foundation

/// A Hypothesis API search response (`{"total": N, "rows": [...]}`), read into the rows an import
/// needs, each with the place in the file it is reported at. JSON is parsed by Foundation;
/// this only finds places, which Foundation does not give.
struct HypothesisExport {
    struct Row {
        var id: String
        /// Markdown, as Hypothesis keeps it.
        var text: String
        var tags: [String]
        var user: String?
        var exact: String
        var prefix: String?
        var suffix: String?
        /// The row's `"id"` in the file.
        var location: SourceLocation
    }

    var rows: [Row]

    /// The rows, or every reason the file is not such a response.
    static func read(_ bytes: [UInt8], file: String) -> Result<HypothesisExport, Scaffold.Failure> {
        let text = String(decoding: bytes, as: UTF8.self)
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            // Foundation names the place as "around character N", a byte offset.
            let description = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let offset = description.firstMatch(of: /character (\d+)/).flatMap { Int($0.1) } ?? 0
            return .failure(Scaffold.Failure(diagnostics: [.error(location(ofByte: offset, in: text, file: file),
                                                                  "not valid JSON: \(description.replacing(/\s+around character \d+/, with: ""))")]))
        }
        guard let top = json as? [String: Any], let rows = top["rows"] as? [Any] else {
            return .failure(Scaffold.Failure(diagnostics: [.error(SourceLocation(file: file, line: 1, column: 1),
                                    "not a Hypothesis export: expected an object with a 'rows' list, as the API's search answers")]))
        }
        var read: [Row] = [], problems: [Diagnostic] = []
        for (index, value) in rows.enumerated() {
            switch row(value, number: index + 1, text: text, file: file) {
            case .success(let row): read.append(row)
            case .failure(let diagnostic): problems.append(diagnostic)
            }
        }
        return problems.isEmpty ? .success(HypothesisExport(rows: read)) : .failure(Scaffold.Failure(diagnostics: problems))
    }

    private static func row(_ value: Any, number: Int, text: String, file: String) -> Result<Row, Diagnostic> {
        let rowsKey = text.range(of: "\"rows\"").map { location(ofByte: text.utf8.distance(from: text.startIndex, to: $0.lowerBound), in: text, file: file) }
        let fallback = rowsKey ?? SourceLocation(file: file, line: 1, column: 1)
        guard let row = value as? [String: Any], let id = row["id"] as? String, !id.isEmpty else {
            return .failure(.error(fallback, "row \(number) has no 'id' string"))
        }
        let here = place(ofID: id, in: text, file: file) ?? fallback
        func shape(_ message: String) -> Result<Row, Diagnostic> { .failure(.error(here, "row '\(id)': \(message)")) }
        let body: String, tags: [String]
        switch row["text"] {
        case nil, is NSNull: body = ""
        case let text as String: body = text
        default: return shape("'text' must be a string")
        }
        switch row["tags"] {
        case nil, is NSNull: tags = []
        case let list as [String]: tags = list
        default: return shape("'tags' must be a list of strings")
        }
        let user = row["user"] as? String
        guard let targets = row["target"] as? [[String: Any]], let selectors = targets.first?["selector"] as? [[String: Any]] else {
            return shape("'target' must be a list whose first entry has a 'selector' list (a page note, without one, marks no passage)")
        }
        guard let quote = selectors.first(where: { $0["type"] as? String == "TextQuoteSelector" }),
              let exact = quote["exact"] as? String, !exact.isBlank else {
            return shape("its selectors have no TextQuoteSelector with an 'exact' text")
        }
        return .success(Row(id: id, text: body, tags: tags, user: user, exact: exact,
                            prefix: quote["prefix"] as? String, suffix: quote["suffix"] as? String, location: here))
    }

    /// Where the row's `"id": "…"` stands: row ids are unique in an export.
    private static func place(ofID id: String, in text: String, file: String) -> SourceLocation? {
        let escaped = NSRegularExpression.escapedPattern(for: id)
        guard let regex = try? NSRegularExpression(pattern: "\"id\"\\s*:\\s*\"\(escaped)\""),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { return nil }
        return location(ofByte: text.utf8.distance(from: text.startIndex, to: range.lowerBound), in: text, file: file)
    }

    /// Line and column (in characters) of a byte offset.
    static func location(ofByte offset: Int, in text: String, file: String) -> SourceLocation {
        let before = String(decoding: text.utf8.prefix(offset), as: UTF8.self)
        let lines = before.split(separator: "\n", omittingEmptySubsequences: false)
        return SourceLocation(file: file, line: lines.count, column: (lines.last?.count ?? 0) + 1)
    }
}
