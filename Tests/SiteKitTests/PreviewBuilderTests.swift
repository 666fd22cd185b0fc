import Foundation
import XCTest
@testable import SiteKit
@testable import SitePreview

/// `serve`'s rebuilds: only changed files are rewritten, and the folder always equals a full build.
final class PreviewBuilderTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-preview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixture.path("valid-site/content"), toPath: folder.appendingPathComponent("content").path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func snapshot(_ name: String) -> [String: [UInt8]] {
        Fixture.snapshot(folder.appendingPathComponent(name).path)
    }

    func options(output: String) -> SiteBuilder.Options {
        SiteBuilder.Options(content: folder.appendingPathComponent("content").path, templates: Fixture.templates,
                            output: folder.appendingPathComponent(output).path)
    }

    func testEditedAnnotationRewritesOnlyTheChangedPagesAndEqualsAFullBuild() throws {
        let builder = PreviewBuilder(options: options(output: "served"))
        let first = builder.rebuild()
        XCTAssertTrue(first.succeeded)
        XCTAssertEqual(first.written.count, 17)

        let note = folder.appendingPathComponent("content/annotations/memo/second-tier.md")
        try (String(contentsOf: note, encoding: .utf8) + " An added sentence.").write(to: note, atomically: true, encoding: .utf8)
        let second = builder.rebuild()
        XCTAssertTrue(second.succeeded)
        XCTAssertEqual(second.written, ["actors/russia/index.html", "actors/united-states/index.html", "search/index.js",
                                        "sources/memo/index.html"])
        XCTAssertEqual(second.removed, [])

        XCTAssertFalse(SiteBuilder(options: options(output: "full")).build().hasErrors)
        XCTAssertEqual(snapshot("served"), snapshot("full"))
    }

    func testRemovedActorRemovesItsPage() throws {
        let builder = PreviewBuilder(options: options(output: "served"))
        XCTAssertTrue(builder.rebuild().succeeded)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("content/actors/riac.md"))
        let report = builder.rebuild()
        XCTAssertEqual(report.removed, ["actors/riac/index.html"])
        XCTAssertFalse(SiteBuilder(options: options(output: "full")).build().hasErrors)
        XCTAssertEqual(snapshot("served"), snapshot("full"))
    }

    func testFailedRebuildLeavesTheLastGoodSite() throws {
        let builder = PreviewBuilder(options: options(output: "served"))
        XCTAssertTrue(builder.rebuild().succeeded)
        let before = snapshot("served")
        let note = folder.appendingPathComponent("content/annotations/memo/second-tier.md")
        try String(contentsOf: note, encoding: .utf8).replacingOccurrences(of: "calls Russia a second-tier ally", with: "calls Russia a vassal")
            .write(to: note, atomically: true, encoding: .utf8)
        let report = builder.rebuild()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.map(\.formatted), [
            "\(note.path):2:8: error: quote not found in source 'memo'\n"
                + "\(note.path):2:8: note: closest passage is ¶1 (76% similar): \"…the memo calls Russia a s…\"",
        ])
        XCTAssertEqual(report.written, [])
        XCTAssertEqual(snapshot("served"), before)
    }
}
