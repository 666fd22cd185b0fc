/// `sitegen import hypothesis`: each row of a Hypothesis export becomes an annotation file,
/// `content/annotations/<source>/h-<row id>.md`, after its quote is checked as `sitegen new
/// annotation` checks one (`QuoteCheck`). A file is written only when its bytes change, so
/// importing the same export again writes nothing.
public enum HypothesisImport {
    public struct Outcome {
        /// Files that are new or whose bytes changed.
        public var written: [OutputFile] = []
        /// Rows whose file is already as it would be written.
        public var unchanged = 0
        /// Why rows could not be imported. A row of the wrong shape stops the whole import before
        /// anything is checked; a row whose quote does not anchor stops only itself.
        public var diagnostics: [Diagnostic] = []
    }

    public static func run(export file: String, source: String, content: String, fileSystem: ContentFileSystem) -> Outcome {
        var outcome = Outcome()
        guard let bytes = fileSystem.contents(of: file) else {
            outcome.diagnostics = [.error(SourceLocation(file: file, line: 1, column: 1), "cannot read file: \(fileSystem.whyUnreadable(file))")]
            return outcome
        }
        let export: HypothesisExport
        switch HypothesisExport.read(bytes, file: file) {
        case .success(let read): export = read
        case .failure(let failure):
            outcome.diagnostics = failure.diagnostics
            return outcome
        }
        let check: QuoteCheck
        switch QuoteCheck.load(source: source, content: content, fileSystem: fileSystem,
                               at: SourceLocation(file: "<command line>", line: 1, column: 1)) {
        case .success(let loaded): check = loaded
        case .failure(let failure):
            outcome.diagnostics = failure.diagnostics
            return outcome
        }
        let actors = Set(check.corpus.actors.map(\.id.raw)), terms = Set(check.corpus.terms.map(\.id.raw))
        var names: [String: String] = [:]
        var files: [OutputFile] = []
        for row in export.rows {
            let name = "h-" + row.id.lowercased().replacingOccurrences(of: "_", with: "-")
            guard Identifier<Never>.isValid(name) else {
                outcome.diagnostics.append(.error(row.location, "row '\(row.id)': its id cannot make a file name (letters, digits, '-' and '_' only)"))
                continue
            }
            if let other = names.updateValue(row.id, forKey: name) {
                outcome.diagnostics.append(.error(row.location, "row '\(row.id)' would be written to the same file as row '\(other)' (\(name).md)"))
                continue
            }
            switch anchoring(row, check: check) {
            case .failure(let diagnostic):
                outcome.diagnostics.append(Diagnostic(diagnostic.severity, diagnostic.location, "row '\(row.id)': \(diagnostic.message)", notes: diagnostic.notes))
            case .success(let context):
                let text = fileText(row, prefix: context.prefix, suffix: context.suffix, actors: actors, terms: terms)
                files.append(OutputFile(path: "\(content)/annotations/\(source)/\(name).md", bytes: Array(text.utf8)))
            }
        }
        // Only new and changed files are written: importing the same export again writes nothing.
        for file in files {
            if fileSystem.contents(of: file.path) == file.bytes { outcome.unchanged += 1 } else { outcome.written.append(file) }
        }
        return outcome
    }

    /// The least context that makes the row's quote anchor once: none, else the fewest words of
    /// its prefix, else of its suffix, else both whole. (Hypothesis's context runs across
    /// paragraphs; a build matches it within the quote's paragraph, so fewer words fit more often.)
    static func anchoring(_ row: HypothesisExport.Row, check: QuoteCheck) -> Result<(prefix: String?, suffix: String?), Diagnostic> {
        let quote = Located(row.exact, at: row.location)
        let plain = check.anchor(quote)
        guard case .failure = plain else { return .success((nil, nil)) }
        let prefixWords = row.prefix?.split(whereSeparator: \.isWhitespace) ?? []
        for count in prefixWords.indices.map({ $0 + 1 }) {
            let prefix = prefixWords.suffix(count).joined(separator: " ")
            if case .success = check.anchor(quote, prefix: prefix) { return .success((prefix, nil)) }
        }
        let suffixWords = row.suffix?.split(whereSeparator: \.isWhitespace) ?? []
        for count in suffixWords.indices.map({ $0 + 1 }) {
            let suffix = suffixWords.prefix(count).joined(separator: " ")
            if case .success = check.anchor(quote, suffix: suffix) { return .success((nil, suffix)) }
        }
        if let prefix = row.prefix, let suffix = row.suffix, case .success = check.anchor(quote, prefix: prefix, suffix: suffix) {
            return .success((prefix, suffix))
        }
        return plain.map { _ in (nil, nil) }
    }

    /// The annotation file: the quote and what context it needs, the kind named by the first tag
    /// that names one (`context` when none does), the tags that are actor or term ids, where it
    /// came from, and the note.
    static func fileText(_ row: HypothesisExport.Row, prefix: String?, suffix: String?, actors: Set<String>, terms: Set<String>) -> String {
        let kind = row.tags.lazy.compactMap { NoteKind(rawValue: $0.lowercased()) }.first ?? .context
        var lines = ["---", "quote: \(Scaffold.yamlString(row.exact))"]
        if let prefix { lines.append("prefix: \(Scaffold.yamlString(prefix))") }
        if let suffix { lines.append("suffix: \(Scaffold.yamlString(suffix))") }
        lines.append("kind: \(kind.rawValue)")
        lines.append("actors: [\(row.tags.filter(actors.contains).joined(separator: ", "))]")
        lines.append("terms: [\(row.tags.filter(terms.contains).joined(separator: ", "))]")
        lines.append("hypothesis:")
        lines.append("  id: \(Scaffold.yamlString(row.id))")
        if let user = row.user { lines.append("  user: \(Scaffold.yamlString(user))") }
        lines.append("---")
        let note = row.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return lines.joined(separator: "\n") + "\n" + (note.isEmpty ? "" : note + "\n")
    }
}
