/// A source's parsed tree, kept in a `TextStore` from loading, where the source is read and
/// parsed, to rendering, where its page is made from the same tree: each source file is read
/// once and parsed once per build, and what a page shows is what its notes, mentions and
/// paragraph numbers were worked out on.
public struct StoredTree: Sendable {
    private let chunk: TextStore.Chunk
    private let size: Int
    private let store: TextStore
    /// The source file the tree was parsed from, for the diagnostic of a failed read.
    private let file: String

    init(_ tree: MarkdownNode, file: String, store: TextStore) {
        let bytes = MarkdownBytes.encode(tree)
        chunk = store.keep(bytes)
        size = bytes.count
        self.store = store
        self.file = file
    }

    /// The tree as it was stored; an empty document if the store cannot give it back, a failure
    /// the store remembers and the build reports (`TextStore.readFailure`).
    func tree() -> MarkdownNode {
        store.readableBytes(chunk, 0..<size, of: file).map(MarkdownBytes.decode) ?? MarkdownNode(.document)
    }
}
