/// A list of plain values (mention places, occurrences) kept in a `TextStore` from resolving to
/// rendering, its count in memory: a big edition has about a hundred per source, and each list
/// is read by one or two pages only.
public struct StoredList<Element: BitwiseCopyable>: Sendable {
    private let bytes: StoredBytes
    public var count: Int { bytes.count / MemoryLayout<Element>.stride }

    /// `file` is the source file the values were found in.
    init(_ elements: [Element], file: String, store: TextStore) {
        bytes = StoredBytes(elements.withUnsafeBytes { Array($0) }, file: file, store: store)
    }

    public var isEmpty: Bool { count == 0 }

    /// The values as they were kept; none if the store cannot give them back, a failure the store
    /// remembers and the build reports (`TextStore.readFailure`).
    public var elements: [Element] { prefix(count) }

    /// The first `limit` values, or all of them if there are fewer.
    public func prefix(_ limit: Int) -> [Element] {
        let wanted = min(limit, count)
        let size = MemoryLayout<Element>.stride
        guard wanted > 0, let bytes = bytes.readable(0..<(wanted * size)) else { return [] }
        return [Element](unsafeUninitializedCapacity: wanted) { buffer, initialized in
            bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
            initialized = wanted
        }
    }
}
