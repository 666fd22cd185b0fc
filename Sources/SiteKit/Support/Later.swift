import Foundation

/// A value made on another thread; `value` waits for it. For work on one core whose first users
/// come only after other work has run beside it. The work goes to a serial queue of its own,
/// which Dispatch gives a thread even while `parallelMap` keeps its shared ones busy: started
/// from one of that map's jobs, work sent to those would wait for the map to end.
final class Later<Value>: @unchecked Sendable {
    // Written once, by the thread that makes it; read only once `done` has been left.
    private var made: Value?
    // Taken, under `lock`, by the call that starts the work.
    private var make: (@Sendable () -> Value)?
    private let lock = NSLock()
    private let done = DispatchGroup()

    /// Starts making the value at once, or, with `startingNow` false, at the first call of
    /// `start()` or `value`: for work that should not run, and hold its memory, beside what
    /// comes before it.
    init(startingNow: Bool = true, _ make: @escaping @Sendable () -> Value) {
        self.make = make
        if startingNow { start() }
    }

    func start() {
        lock.lock()
        defer { lock.unlock() }
        guard let make else { return }
        self.make = nil
        // Entered before the lock is left, so that a `value` that finds the work started waits for it.
        done.enter()
        DispatchQueue(label: "Later").async {
            self.made = make()
            self.done.leave()
        }
    }

    var value: Value {
        start()
        done.wait()
        return made!
    }
}
