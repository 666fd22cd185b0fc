/// Ready-to-edit skeletons for new content files (`sitegen new …`).
public enum Scaffold {
    public enum Kind: String, CaseIterable, Sendable { case actor, event, term }

    public struct Failure: Error {
        public var diagnostics: [Diagnostic]
    }

    /// An annotation on `source` for `quote`, after checking that the quote anchors exactly as
    /// a build would; the file name is `name` or made from the quote's first words.
    public static func annotation(source: String, quote: String, name: String?, content: String,
                                  fileSystem: ContentFileSystem) -> Result<OutputFile, Scaffold.Failure> {
        let commandLine = SourceLocation(file: "<command line>", line: 1, column: 1)
        let check: QuoteCheck
        switch QuoteCheck.load(source: source, content: content, fileSystem: fileSystem, at: commandLine) {
        case .success(let loaded): check = loaded
        case .failure(let failure): return .failure(failure)
        }
        if case .failure(let diagnostic) = check.anchor(Located(quote, at: commandLine)) {
            return .failure(Failure(diagnostics: [diagnostic]))
        }
        let fileName = name ?? slug(quote)
        guard Identifier<Never>.isValid(fileName) else {
            return .failure(Failure(diagnostics: [.error(commandLine, "'\(fileName)' is not a valid name: use lowercase letters a-z, digits and '-' only")]))
        }
        let path = "\(content)/annotations/\(source)/\(fileName).md"
        guard fileSystem.contents(of: path) == nil else {
            return .failure(Failure(diagnostics: [.error(SourceLocation(file: path, line: 1, column: 1), "file exists already; choose another --name")]))
        }
        let text = """
        ---
        quote: \(yamlString(quote))
        kind: context
        actors: []
        terms: []
        events: []
        ---
        What should the reader know about this passage? Write the note here, in your own words.

        """
        return .success(OutputFile(path: path, bytes: Array(text.utf8)))
    }

    /// A skeleton actor, event or glossary term with every required key.
    public static func entry(_ kind: Kind, id: String, content: String, fileSystem: ContentFileSystem) -> Result<OutputFile, Scaffold.Failure> {
        let commandLine = SourceLocation(file: "<command line>", line: 1, column: 1)
        guard Identifier<Never>.isValid(id) else {
            return .failure(Failure(diagnostics: [.error(commandLine, "'\(id)' is not a valid id: use lowercase letters a-z, digits and '-' only")]))
        }
        let folder = kind == .term ? "glossary" : kind.rawValue + "s"
        let path = "\(content)/\(folder)/\(id).md"
        guard fileSystem.contents(of: path) == nil else {
            return .failure(Failure(diagnostics: [.error(SourceLocation(file: path, line: 1, column: 1), "file exists already")]))
        }
        let title = id.split(separator: "-").map { (word: Substring) -> String in word.prefix(1).uppercased() + word.dropFirst() }.joined(separator: " ")
        let text: String
        switch kind {
        case .actor:
            text = "---\nname: \(yamlString(title))\nkind: state\naliases: [\(yamlString(title))]\n---\nA short profile in our own words: who or what this is, and its part in the alliance question.\n"
        case .event:
            let year = id.prefix(4).allSatisfy(\.isNumber) ? String(id.prefix(4)) : "2000"
            text = "---\ndate: \"\(year)\"\ntitle: \(yamlString(title))\nactors: []\nterms: []\npassages: []\n---\nWhat happened, and what it did to the alliance question.\n"
        case .term:
            text = "---\nterm: \(yamlString(title))\naliases: [\(yamlString(title.lowercased()))]\nfamily: other\nsee_also: []\n---\nThe definition in our own words, and how the sources use or dispute the term.\n"
        }
        return .success(OutputFile(path: path, bytes: Array(text.utf8)))
    }

    /// The first few words of a quote as a file name: "the beginning of a long-term" → `the-beginning-of-a`.
    static func slug(_ text: String) -> String {
        let words = text.lowercased().unicodeScalars
            .map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : " " }
            .split(separator: " ").prefix(5).map { String($0) }
        return words.isEmpty ? "note" : words.joined(separator: "-")
    }

    /// A double-quoted YAML string.
    static func yamlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
