import Foundation
import XCTest
@testable import sitegen_fuzz

/// Replays the kept fuzz corpus (seeds and every input a fuzzer once broke a property with)
/// through the same targets `scripts/fuzz` runs, so a fixed bug cannot come back unseen.
final class FuzzCorpusTests: XCTestCase {
    func testEveryKeptInputKeepsEveryProperty() throws {
        for target in FuzzTarget.allCases {
            let folder = Fixture.path("fuzz/" + target.rawValue)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            XCTAssertFalse(names.isEmpty, "no kept inputs for \(target.rawValue)")
            for name in names {
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
                XCTAssertEqual(target.run(bytes), [], "\(target.rawValue)/\(name)")
            }
        }
    }
}
