import XCTest
@testable import SiteKit

/// `timeline.eras` in `site.yml`: read in order of their start, each bad one reported where it
/// was written and left out.
final class TimelineErasTests: XCTestCase {
    func load(_ eras: String) -> (eras: [Era]?, diagnostics: [String]) {
        let site = "title: T\nlanguage: en\ndescription: D\ntimeline:\n  start: \"1999\"\n  end: \"2022\"\n  eras:\n" + eras
        let (corpus, diagnostics) = ContentLoader.load(from: "content", fileSystem: MemoryFileSystem(["content/site.yml": site]))
        return (corpus?.site.eras, diagnostics.sorted().map(\.formatted))
    }

    func testErasAreReadInOrderOfTheirStart() {
        let result = load("""
            - label: "After Crimea"
              start: "2014-03"
              end: "2019-09"
            - label: "Rapprochement"
              start: "2001-09-11"
              end: "2002"
              passages: [memo#p1]
            - label: "Same day as it ends"
              start: "2003-01-01"
              end: "2003-01-01"

        """)
        XCTAssertEqual(result.diagnostics, [])
        XCTAssertEqual(result.eras, [
            Era(label: "Rapprochement", start: PartialDate(year: 2001, month: 9, day: 11), end: PartialDate(year: 2002),
                passages: [Located("memo#p1", at: SourceLocation(file: "content/site.yml", line: 14, column: 18))]),
            Era(label: "Same day as it ends", start: PartialDate(year: 2003, month: 1, day: 1), end: PartialDate(year: 2003, month: 1, day: 1)),
            Era(label: "After Crimea", start: PartialDate(year: 2014, month: 3), end: PartialDate(year: 2019, month: 9)),
        ])
    }

    func testBadErasAreReportedAndLeftOut() {
        let result = load("""
            - label: "Unknown form"
              start: "autumn 2001"
              end: "2002"
            - label: "Backwards"
              start: "2005-06"
              end: "2005-05-31"
            - label: "First"
              start: "2010"
              end: "2012-06"
            - label: "Overlapping"
              start: "2012-06-30"
              end: "2013"
            - label: "Too late"
              start: "2021"
              end: "2023"
            - start: "2015"
              end: "2016"
              colour: red

        """)
        XCTAssertEqual(result.eras, [Era(label: "First", start: PartialDate(year: 2010), end: PartialDate(year: 2012, month: 6))])
        XCTAssertEqual(result.diagnostics, [
            "content/site.yml:9:14: error: 'start' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found 'autumn 2001'",
            "content/site.yml:13:12: error: era 'Backwards' ends (2005-05-31) before it starts (2005-06)",
            "content/site.yml:18:14: error: era 'Overlapping' (2012-06-30 to 2013) overlaps era 'First' (2010 to 2012-06)\ncontent/site.yml:14:14: note: era 'First' given here",
            "content/site.yml:21:14: error: era 'Too late' (2021 to 2023) lies outside the timeline range 1999 to 2022",
            "content/site.yml:23:7: error: missing required key 'label'",
            "content/site.yml:25:7: warning: unknown key 'colour' is ignored",
        ])
    }

    /// An era's passages are checked as an event's are.
    func testAnEraCitesPassagesThatExist() {
        let site = Fixture.siteFile + "  eras:\n    - label: E\n      start: \"2001\"\n      end: \"2002\"\n      passages: [memo#p1, memo#p9, nosuch#p1, memo]\n"
        let (errors, _) = Fixture.build(["content/site.yml": site, "content/sources/memo.md": Fixture.sourceFile("One paragraph.\n")])
        XCTAssertEqual(errors, [
            "content/site.yml:11:27: error: source 'memo' has no paragraph 9 (it has 1)",
            "content/site.yml:11:36: error: unknown source 'nosuch'",
            "content/site.yml:11:47: error: 'memo' is not a passage reference; write <source-id>#p<number>",
        ])
    }

    /// The overview's list shows each era before the first event in it, and one that begins
    /// after the last event at its end.
    func testEachEraHeadsItsEventsInTheOverviewList() throws {
        let site = Fixture.siteFile + "  eras:\n    - label: Early\n      start: \"1999\"\n      end: \"2000-06\"\n    - label: Late\n      start: \"2010\"\n      end: \"2012\"\n"
        let event = "---\ndate: \"2000-05\"\ntitle: An event\n---\nWhat happened.\n"
        let (errors, pages) = Fixture.build(["content/site.yml": site, "content/events/e.md": event])
        XCTAssertEqual(errors, [])
        let page = try XCTUnwrap(pages["timeline/index.html"])
        let start = try XCTUnwrap(page.range(of: "<ol class=\"overview-list\">")), end = try XCTUnwrap(page.range(of: "</ol>", range: start.upperBound..<page.endIndex))
        XCTAssertEqual(String(page[start.lowerBound..<end.upperBound]), """
            <ol class="overview-list">
            <li class="ov-era">Early <span class="ov-date">1999 – June 2000</span></li>
            <li class="ov-item span"><a href="#e" tabindex="-1"><span class="ov-date">May 2000</span> An event</a></li>
            <li class="ov-era">Late <span class="ov-date">2010 – 2012</span></li>
            </ol>
            """)
    }
}
