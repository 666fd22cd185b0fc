/// A source's text read from the content folder exactly as a build reads it, to check quotes
/// before an annotation file is written: `sitegen new annotation` and `sitegen import hypothesis`
/// both check through it, so a file either writes anchors in the next build.
public struct QuoteCheck {
    public let corpus: Corpus
    let text: SourceText

    /// The content loaded and `source`'s text read; the errors that prevent it otherwise.
    public static func load(source: String, content: String, fileSystem: ContentFileSystem,
                            at location: SourceLocation) -> Result<QuoteCheck, Scaffold.Failure> {
        let (corpus, loadDiagnostics) = ContentLoader.load(from: content, fileSystem: fileSystem)
        guard let corpus else { return .failure(Scaffold.Failure(diagnostics: loadDiagnostics.filter { $0.severity == .error })) }
        guard let found = corpus.sources.first(where: { $0.id.raw == source }) else {
            let hint = Suggestion.closest(to: source, in: corpus.sources.map(\.id.raw)).map { "; did you mean '\($0)'?" } ?? ""
            return .failure(Scaffold.Failure(diagnostics: [.error(location, "unknown source '\(source)'\(hint)")]))
        }
        return .success(QuoteCheck(corpus: corpus, text: SourceDocument.read(found, store: corpus.texts).text))
    }

    /// Where the quote anchors, as a build would find it, or the build's diagnostic.
    public func anchor(_ quote: Located<String>, prefix: String? = nil, suffix: String? = nil) -> Result<Anchor, Diagnostic> {
        QuoteAnchor.anchor(quote: quote, prefix: prefix, suffix: suffix, in: text)
    }
}
