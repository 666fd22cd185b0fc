/// Bytes kept in a `TextStore` from resolving (or loading) to rendering, with the content file
/// they came from: what a failed read names. Every kind of kept text (`StoredTree`,
/// `StoredList`, `RenderedNote`, a source's reader text, `ExcerptBook`'s pieces) is one of these.
struct StoredBytes: Sendable {
    private let chunk: TextStore.Chunk
    private let store: TextStore
    /// The content file the bytes came from.
    private let file: String
    let count: Int

    init(_ bytes: [UInt8], file: String, store: TextStore) {
        chunk = store.keep(bytes)
        self.store = store
        self.file = file
        count = bytes.count
    }

    /// The bytes `range`, or nil if the store cannot give them back, a failure it remembers and
    /// the build reports (`TextStore.readFailure`).
    func readable(_ range: Range<Int>) -> [UInt8]? {
        store.readableBytes(chunk, range, of: file)
    }

    /// The bytes `range`; spaces instead if they cannot be read back, a failure that fails the
    /// build as `readable`'s does, since its pages would be missing text.
    subscript(range: Range<Int>) -> [UInt8] {
        readable(range) ?? [UInt8](repeating: UInt8(ascii: " "), count: range.count)
    }

    /// All of them, spaces if they cannot be read back.
    var all: [UInt8] { self[0..<count] }
}
