import XCTest
@testable import SiteKit

/// A file's digest must change with any edit: in any of its bytes, whole words or the tail
/// after them, and in its length, even where only zero bytes are added.
final class FileDigestTests: XCTestCase {
    func testEditsThatADigestMustTellApart() {
        let text = Array("Russia and Iran are strategic partners.\n".utf8)
        var inFirstWord = text
        inFirstWord[3] = UInt8(ascii: "S")
        var inTail = text
        inTail[text.count - 2] = UInt8(ascii: "!")
        let swappedWords = Array(text[8..<16] + text[0..<8] + text[16...])
        let inputs: [[UInt8]] = [[], [0], [0, 0, 0, 0, 0, 0, 0], [UInt8](repeating: 0, count: 8), [UInt8](repeating: 0, count: 9),
                                 [UInt8](repeating: 0, count: 16), text, inFirstWord, inTail, swappedWords, text + [0]]
        XCTAssertEqual(Set(inputs.map(InputDigests.digest)).count, inputs.count)
        XCTAssertEqual(InputDigests.digest(text), InputDigests.digest(Array("Russia and Iran are strategic partners.\n".utf8)))
    }
}
