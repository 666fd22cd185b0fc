import Dispatch

/// A value made on another thread, starting as the `Later` is made; `value` waits for it. For
/// work on one core whose first users come only after other work has run beside it.
final class Later<Value>: @unchecked Sendable {
    // Written once, by the thread that makes it; read only once `done` has been left.
    private var made: Value?
    private let done = DispatchGroup()

    init(_ make: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { self.made = make() }
    }

    var value: Value {
        done.wait()
        return made!
    }
}
