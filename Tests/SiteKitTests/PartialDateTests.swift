import XCTest
@testable import SiteKit

final class PartialDateTests: XCTestCase {
    func testParsingKeepsPrecisionAndDisplaysAsWritten() {
        XCTAssertEqual(PartialDate("2008")?.display, "2008")
        XCTAssertEqual(PartialDate("2008-08")?.display, "August 2008")
        XCTAssertEqual(PartialDate("2008-08-08")?.display, "8 August 2008")
        XCTAssertEqual(PartialDate("2008-08-08")?.description, "2008-08-08")
        XCTAssertEqual(PartialDate("2000-02-29")?.display, "29 February 2000")
    }

    func testBadDatesAreRejected() {
        for text in ["", "08", "2008-8", "2008-13", "2008-02-30", "1900-02-29", "2008-08-08-01", "2008/08/08", "２００８"] {
            XCTAssertNil(PartialDate(text), text)
        }
    }

    func testOrderingByFirstDayThenPrecision() {
        let dates = ["2001-03-05", "2001", "2001-03", "2000-12-31", "2001-01-01", "2001-01"].map { PartialDate($0)! }
        XCTAssertEqual(dates.sorted().map(\.description), ["2000-12-31", "2001", "2001-01", "2001-01-01", "2001-03", "2001-03-05"])
    }

    func testSameDateTiesAreBrokenById() {
        let site = Fixture.siteFile
        let event = { (title: String) in "---\ndate: \"2001-09\"\ntitle: \(title)\n---\nBody.\n" }
        let files = ["content/site.yml": site, "content/events/b-second.md": event("B"), "content/events/a-first.md": event("A"),
                     "content/events/c-early.md": "---\ndate: \"2001\"\ntitle: C\n---\nBody.\n"]
        let (corpus, _) = ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(files))
        let (site_, _) = Resolver.resolve(corpus!)
        XCTAssertEqual(site_.events.map(\.id.raw), ["c-early", "a-first", "b-second"])
    }
}
