import XCTest
@testable import SiteKit

/// Actor pages run spread among source pages; every job runs exactly once.
final class RenderOrderTests: XCTestCase {
    func testHeavyJobsAreSpreadEvenlyThroughLightOnes() {
        // Jobs 0–1 site-wide, 2–8 source pages, 9–11 actor pages, 12–13 the last pages.
        XCTAssertEqual(SiteRenderer.interleaving(2..<9, with: 9..<12, of: 14),
                       [0, 1, 9, 2, 3, 10, 4, 5, 11, 6, 7, 8, 12, 13])
    }

    func testMoreHeavyThanLightJobsTakeOneLightJobEach() {
        XCTAssertEqual(SiteRenderer.interleaving(1..<3, with: 3..<7, of: 8), [0, 3, 1, 4, 2, 5, 6, 7])
    }

    func testWithoutHeavyJobsTheOrderIsUnchanged() {
        XCTAssertEqual(SiteRenderer.interleaving(1..<4, with: 4..<4, of: 5), [0, 1, 2, 3, 4])
        XCTAssertEqual(SiteRenderer.interleaving(1..<1, with: 1..<3, of: 4), [0, 1, 2, 3])
    }
}
