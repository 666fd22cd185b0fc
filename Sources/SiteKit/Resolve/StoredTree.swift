/// A source's parsed tree, kept in a `TextStore` from loading, where the source is read and
/// parsed, to rendering, where its page is made from the same tree: each source file is read
/// once and parsed once per build, and what a page shows is what its notes, mentions and
/// paragraph numbers were worked out on.
public struct StoredTree: Sendable {
    private let bytes: StoredBytes

    /// `file` is the source file the tree was parsed from.
    init(_ tree: MarkdownNode, file: String, store: TextStore) {
        bytes = StoredBytes(MarkdownBytes.encode(tree), file: file, store: store)
    }

    /// The tree as it was stored; an empty document if the store cannot give it back, a failure
    /// the store remembers and the build reports (`TextStore.readFailure`).
    func tree() -> MarkdownNode {
        bytes.readable(0..<bytes.count).map(MarkdownBytes.decode) ?? MarkdownNode(.document)
    }
}
