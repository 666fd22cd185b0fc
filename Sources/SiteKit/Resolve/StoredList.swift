/// A list of plain values (mention places, occurrences) kept in a `TextStore` from resolving to
/// rendering, its count in memory: a big edition has about a hundred per source, and each list
/// is read by one or two pages only.
public struct StoredList<Element: BitwiseCopyable>: Sendable {
    private let chunk: TextStore.Chunk
    private let store: TextStore
    /// The source file the values were found in, for the diagnostic of a failed read.
    private let file: String
    public let count: Int

    init(_ elements: [Element], file: String, store: TextStore) {
        chunk = store.keep(elements.withUnsafeBytes { Array($0) })
        self.store = store
        self.file = file
        count = elements.count
    }

    public var isEmpty: Bool { count == 0 }

    /// The values as they were kept; none if the store cannot give them back, a failure the store
    /// remembers and the build reports (`TextStore.readFailure`).
    public var elements: [Element] { prefix(count) }

    /// The first `limit` values, or all of them if there are fewer.
    public func prefix(_ limit: Int) -> [Element] {
        let wanted = min(limit, count)
        let size = MemoryLayout<Element>.stride
        guard wanted > 0, let bytes = store.readableBytes(chunk, 0..<(wanted * size), of: file) else { return [] }
        return [Element](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = wanted
        }
    }
}
