/// Reads a source's Markdown body again from its file. A big edition's texts are the largest
/// thing it holds, so a build does not keep them from loading to rendering (kept, they took
/// about 100 MB more peak memory at 10,000 sources): resolving and each source page read the
/// file again, and a file that changed since it was loaded fails the build instead of putting a
/// text on the page that its notes, mentions and paragraph numbers were not worked out for.
public struct BodyReader: Sendable {
    let fileSystem: ContentFileSystem
    /// Digest of each file's bytes when it was loaded, by path (`Corpus.fileDigests`).
    let digests: [String: Int]

    public init(fileSystem: ContentFileSystem, digests: [String: Int]) {
        self.fileSystem = fileSystem
        self.digests = digests
    }

    /// The body of a file, as it was when it was loaded.
    func markdown(of file: String) -> Result<String, Diagnostic> {
        // The bytes are those that loaded without error, so they decode and split as they did.
        guard let bytes = fileSystem.contents(of: file), InputDigests.digest(bytes) == digests[file],
              case .success(let text) = TextDecoding.decode(bytes, file: file),
              case .success(let split) = FrontMatterSplit.split(text, file: file) else {
            return .failure(.error(SourceLocation(file: file, line: 1, column: 1),
                                   "file changed while the site was being built; nothing was written, build again"))
        }
        return .success(split.body)
    }
}
