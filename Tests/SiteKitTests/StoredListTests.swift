import XCTest
@testable import SiteKit

/// Mention places and occurrences wait in the text store from resolving to rendering.
final class StoredListTests: XCTestCase {
    let places = (1...5).map { MentionPlace(paragraph: $0, range: (10 * $0)..<(10 * $0 + 4), target: Int32(7 - $0)) }

    func described(_ places: [MentionPlace]) -> [String] { places.map { "¶\($0.paragraph) \($0.range) →\($0.target)" } }

    func testValuesComeBackAsKeptFromTheFileAndFromMemory() {
        for store in [TextStore.scratch(), .inMemory()] {
            let list = StoredList(places, file: "content/sources/s.md", store: store)
            XCTAssertEqual(list.count, 5)
            XCTAssertEqual(described(list.elements), ["¶1 10..<14 →6", "¶2 20..<24 →5", "¶3 30..<34 →4", "¶4 40..<44 →3", "¶5 50..<54 →2"])
            XCTAssertEqual(described(list.prefix(2)), ["¶1 10..<14 →6", "¶2 20..<24 →5"])
            XCTAssertEqual(described(list.prefix(9)), described(list.elements))
            XCTAssertEqual(store.readFailure, nil)
        }
        let empty = StoredList([MentionPlace](), file: "content/sources/s.md", store: .scratch())
        XCTAssertTrue(empty.isEmpty)
        XCTAssertEqual(described(empty.elements), [])
    }

    func testAListThatCannotBeReadBackIsEmptyAndFailsTheBuild() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stored-list-\(UUID().uuidString)").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = TextStore(descriptor: open(path, O_WRONLY))
        let list = StoredList(places, file: "content/sources/s.md", store: store)
        XCTAssertEqual(list.count, 5)
        XCTAssertEqual(described(list.elements), [])
        XCTAssertEqual(store.readFailure?.diagnostic.formatted, "content/sources/s.md:1:1: error: cannot read this file's text back from the "
                       + "build's scratch file (Bad file descriptor); nothing was written, build again")
    }
}
