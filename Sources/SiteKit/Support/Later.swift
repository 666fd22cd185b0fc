import Dispatch

/// A value made on another thread from the moment it is asked for; `value` waits for it. For
/// work on one core that the first users need only after other work has run beside it.
final class Later<Value>: @unchecked Sendable {
    // Written once, by the thread that makes it; read only after `made` is done.
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
