import XCTest
@testable import SiteKit

final class LaterTests: XCTestCase {
    /// Counts the calls of the work, from whichever thread makes the value.
    private final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
        var total: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    func testWorkMadeWhenStartedWaitsForItsStart() {
        let calls = Calls()
        let later = Later(startingNow: false) { calls.add(); return 42 }
        XCTAssertEqual(calls.total, 0)
        later.start()
        later.start()
        XCTAssertEqual(later.value, 42)
        XCTAssertEqual(calls.total, 1)
    }

    func testValueStartsWorkNobodyStarted() {
        let calls = Calls()
        let later = Later(startingNow: false) { calls.add(); return "made" }
        XCTAssertEqual(later.value, "made")
        XCTAssertEqual(later.value, "made")
        XCTAssertEqual(calls.total, 1)
    }

    func testWorkStartsAtOnceByDefault() {
        let started = DispatchSemaphore(value: 0)
        let later = Later { started.signal(); return 7 }
        // Waits for the work to begin without anyone asking for its value.
        XCTAssertEqual(started.wait(timeout: .now() + 60), .success)
        XCTAssertEqual(later.value, 7)
    }
}
