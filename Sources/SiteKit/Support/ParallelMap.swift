import Dispatch

extension Array {
    /// `map` on every core, for pure transforms of independent elements (parsing one source,
    /// rendering one page). The result keeps the input's order, so builds stay byte-identical.
    func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                nonisolated(unsafe) let elements = self
                // Each iteration writes only its own slot.
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in slots[index] = work(elements[index]) }
            }
        }
        return results.map { $0! }
    }
}
