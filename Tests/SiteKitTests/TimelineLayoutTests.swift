import XCTest
@testable import SiteKit

/// The overview's placement of labels: none overlapping another or a mark, none past the edges,
/// on the densest stretch of the real timeline (2001–2002) and at the axis's end.
final class TimelineLayoutTests: XCTestCase {
    let layout = TimelineLayout(start: PartialDate("1999-03-24")!, end: PartialDate("2022-02-24")!)

    func item(_ date: String, _ label: String, end: String? = nil) -> TimelineLayout.Item {
        TimelineLayout.Item(start: PartialDate(date)!, end: end.map { PartialDate($0)! }, label: label)
    }

    /// The events of 2001 and 2002 in `content/events/`, in timeline order.
    var denseYears: [TimelineLayout.Item] {
        [item("2001-03-12", "Russia–Iran treaty on the foundations of relations"), item("2001-04", "Brenda Shaffer's forum on Russia and Iran"),
         item("2001-06-15", "Shanghai Cooperation Organisation founded"), item("2001-09-11", "September 11 attacks; Putin backs the United States"),
         item("2001-10-07", "U.S.-led war in Afghanistan begins"), item("2001-12-13", "United States announces withdrawal from the ABM Treaty"),
         item("2002-05-24", "Bush–Putin declaration on a new strategic relationship"), item("2002-05-28", "NATO-Russia Council established"),
         item("2002-06-13", "U.S. withdrawal from the ABM Treaty takes effect"), item("2002-09", "U.S. National Security Strategy published"),
         item("2002", "c. A year-long event", end: "2003")]
    }

    func assertNothingOverlaps(_ placements: [TimelineLayout.Placement], file: StaticString = #filePath, line: UInt = #line) {
        for (i, a) in placements.enumerated() {
            XCTAssertGreaterThanOrEqual(a.extent.lowerBound, TimelineLayout.margin, "placement \(i) starts before the left edge", file: file, line: line)
            XCTAssertLessThanOrEqual(a.extent.upperBound, TimelineLayout.width - TimelineLayout.margin, "placement \(i) passes the right edge", file: file, line: line)
            for (j, b) in placements.enumerated() where j > i && a.lane == b.lane {
                XCTAssertFalse(a.extent.overlaps(b.extent), "placements \(i) and \(j) overlap in lane \(a.lane)", file: file, line: line)
            }
        }
    }

    func testDenseYearsGetALaneEachWithNoOverlap() {
        let placed = layout.placeEvents(denseYears)
        assertNothingOverlaps(placed)
        XCTAssertEqual(placed.map(\.lane), Array(0...10))
        XCTAssertEqual(placed.map { [$0.markStart, $0.markEnd, $0.labelStart, $0.labelWidth].map { ($0 * 10).rounded() / 10 } }, [
            [88.3, 97.3, 102.3, 356], [94.9, 98.1, 103.1, 308], [98.4, 107.4, 112.4, 314], [107.7, 116.7, 121.7, 385],
            [110.4, 119.4, 124.4, 251], [117.5, 126.5, 131.5, 423], [134.7, 143.7, 148.7, 394], [135.1, 144.1, 149.1, 243],
            [136.8, 145.8, 150.8, 365], [149.8, 152.9, 157.9, 299], [124, 201.3, 206.3, 147],
        ])
    }

    /// A label that would pass the right edge goes before its mark instead.
    func testALabelNearTheEndGoesBeforeItsMark() {
        let placed = layout.placeEvents([item("2022-02-24", "Russia's full-scale invasion of Ukraine"), item("2022-02-04", "Russia and China declare a friendship with “no limits”")])
        assertNothingOverlaps(placed)
        XCTAssertEqual(placed.map(\.lane), [0, 1])
        XCTAssertEqual(placed.map { ($0.labelEnd * 10).rounded() / 10 }, [placed[0].markStart - TimelineLayout.gap, placed[1].markStart - TimelineLayout.gap].map { ($0 * 10).rounded() / 10 })
    }

    /// Lanes are reused once an earlier label has ended.
    func testALaneIsReusedWhereItIsFree() {
        let placed = layout.placeEvents([item("1999-03-24", "Short"), item("1999-04-01", "Second"), item("2005-01-01", "Later")])
        XCTAssertEqual(placed.map(\.lane), [0, 1, 0])
    }

    func testErasAreBandsOverTheirSpan() {
        let placed = layout.placeEras([item("2001-09-11", "Putin–Bush rapprochement", end: "2002"), item("2014-03", "After Crimea: talk of a new Cold War", end: "2019-09")])
        assertNothingOverlaps(placed)
        XCTAssertEqual(placed.map(\.lane), [0, 0])
        XCTAssertEqual(placed.map { [$0.markStart, $0.markEnd].map { ($0 * 10).rounded() / 10 } }, [[112.2, 162.7], [594.3, 810.2]])
    }
}
