import Dispatch

extension Array {
    /// `map` on every core, for pure transforms of independent elements (parsing one source,
    /// rendering one page). The result keeps the input's order, so builds stay byte-identical.
    func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        // Each result is written straight into its place in the array returned, so that no
        // second pass on one core unwraps and copies the results.
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let work = transform
                nonisolated(unsafe) let elements = self
                // Each iteration initializes only its own slot.
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    (slots.baseAddress! + index).initialize(to: work(elements[index]))
                }
            }
            initialized = count
        }
    }
}
