import XCTest
@testable import SiteKit

/// Every error path of loading and resolving, with the exact diagnostics a reviewer sees.
final class InvalidSiteTests: XCTestCase {
    func testInvalidFixtureReportsEveryProblemSorted() {
        let options = SiteBuilder.Options(content: Fixture.path("invalid-site/content"), templates: Fixture.templates)
        let outcome = SiteBuilder(options: options).run()
        let prefix = Fixture.path("invalid-site") + "/"
        XCTAssertEqual(outcome.files, [])
        XCTAssertEqual(outcome.diagnostics.map { $0.formatted.replacingOccurrences(of: prefix, with: "") }, [
            "content/actors/russia.md:4:21: error: alias 'Moscow' is also an alias of actor 'moscow-city'\ncontent/actors/moscow-city.md:4:11: note: first given here",
            "content/annotations/memo/missing.md:2:8: error: quote not found in source 'memo'\ncontent/annotations/memo/missing.md:2:8: note: closest passage is ¶1 (96% similar): \"Russia and the United States.…\"",
            "content/annotations/memo/missing.md:4:18: error: unknown actor 'rusia'; did you mean 'russia'?",
            "content/annotations/memo/missing.md:5:9: error: unknown glossary term 'nope'",
            "content/annotations/memo/missing.md:6:10: error: unknown event '2099-nothing'",
            "content/annotations/memo/missing.md:8:21: error: a relation needs two different actors",
            "content/annotations/memo/missing.md:11:5: error: unknown actor 'nobody'",
            "content/annotations/memo/missing.md:11:27: error: source 'memo' has no paragraph 9 (it has 2)",
            "content/annotations/memo/role.md:6:12: error: 'role_of' must name one of 'between' ('russia' or 'moscow-city'), not 'china'",
            "content/annotations/nosuch/orphan.md:1:1: error: annotation folder 'nosuch' names no source; it must be a source id",
            "content/events/2030-future.md:1:1: error: event '2030-future' (2030-01-01) lies outside the timeline range 1999-03-24 to 2022-02-24 set in site.yml",
            "content/events/2030-future.md:4:12: error: source 'memo' has no paragraph 7 (it has 2)",
            "content/events/2030-future.md:4:23: error: 'memo-p1' is not a passage reference; write <source-id>#p<number>",
            "content/events/bad-date.md:2:7: error: 'date' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found '2008-02-30'",
            "content/glossary/rivalry.md:4:9: error: unknown family 'enmity'; use one of alliance, partnership, alignment, rivalry, role, other",
            "content/sources/memo.md:9:16: error: corrected text 'x—y' does not occur in the source text",
        ])
    }
}
