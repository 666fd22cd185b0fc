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

    /// `serve` writes as `build` does: a folder it reads is refused as the output, even forced.
    func testTheContentFolderIsRefusedAsTheOutput() throws {
        var options = options(output: "content")
        options.force = true
        let before = snapshot("content")
        let report = PreviewBuilder(options: options).rebuild()
        XCTAssertFalse(report.succeeded)
        XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.formatted),
                       ["\(options.output):1:1: error: '\(options.output)' is the content folder; write the site to another folder"])
        XCTAssertEqual(snapshot("content"), before)
    }

    func testEditedAnnotationRewritesOnlyTheChangedPagesAndEqualsAFullBuild() throws {
        let builder = PreviewBuilder(options: options(output: "served"))
        let first = builder.rebuild()
        XCTAssertTrue(first.succeeded)
        XCTAssertEqual(first.written.count, 51)

        let note = folder.appendingPathComponent("content/annotations/memo/second-tier.md")
        try (String(contentsOf: note, encoding: .utf8) + " An added sentence.").write(to: note, atomically: true, encoding: .utf8)
        let second = builder.rebuild()
        XCTAssertTrue(second.succeeded)
        // Every search file depends on all the text: BM25 scores weigh each passage's length
        // against the average. Only those whose bytes change are written.
        let shards = (0..<16).map { "search/w/\($0).js" }
        XCTAssertEqual(second.rendered, ["glossary/index.html", "relations/index.html", "relations/russia--united-states/index.html",
                                         "annotations/index.html", "relations/previews.js", "sources/memo/previews.js", "annotations.jsonld",
                                         "index.html", "sources/memo/index.html", "actors/russia/index.html", "actors/united-states/index.html",
                                         "search/index.js"]
                                         + shards + ["search/f/0.js", "search/f/1.js"])
        XCTAssertEqual(second.written, ["actors/russia/index.html", "actors/united-states/index.html", "annotations.jsonld",
                                        "relations/russia--united-states/index.html", "search/f/0.js"]
                                       + shards.sorted() + ["sources/memo/index.html", "sources/memo/previews.js"])
        XCTAssertEqual(second.removed, [])

        XCTAssertFalse(SiteBuilder(options: options(output: "full")).build().hasErrors)
        XCTAssertEqual(snapshot("served"), snapshot("full"))
    }

    /// Every content file edited on its own, in its text and in what its front matter links, and
    /// each rebuild compared with a full build: a page that reads a file it does not name among
    /// its inputs would keep its old bytes and fail here.
    func testEveryEditRebuildsToWhatAFullBuildWrites() throws {
        let content = folder.appendingPathComponent("content")
        let builder = PreviewBuilder(options: options(output: "served"))
        XCTAssertTrue(builder.rebuild().succeeded)
        var edits: [(file: String, from: String?, to: String)] = []
        for file in Fixture.snapshot(content.path).keys.sorted() where file.hasSuffix(".md") {
            edits.append((file, nil, "\n\nAn added sentence about Moscow.\n"))
        }
        edits += [
            ("site.yml", "Fixture Reader", "Edited Reader"),
            ("sources/memo.md", "A Memo on Allies", "A Memo on Friends"),
            ("annotations/memo/second-tier.md", "actors: [russia]", "actors: [riac]"),
            ("annotations/memo/second-tier.md", "between: [russia, united-states]\n  category: second-tier-ally\n  role_of: russia",
             "between: [riac, united-states]\n  category: second-tier-ally\n  role_of: riac"),
            ("annotations/memo/second-tier.md", "role_of: russia", "role_of: united-states"),
            ("annotations/memo/second-tier.md", "category: second-tier-ally", "category: strategic-ally"),
            ("annotations/memo/allies-again.md", "kind: claim", "kind: claim\nactors: [riac]"),
            ("actors/riac.md", "Affairs Council\"]", "Affairs Council\", \"Ivanov\"]"),
            ("actors/united-states.md", "name: \"United States\"", "name: \"USA\""),
            ("events/1999-kosovo.md", "actors: [united-states]", "actors: [riac]"),
            ("events/2002-summit.md", "memo#p1", "memo#p3"),
            ("glossary/strategic-ally.md", "family: alliance", "family: partnership"),
            ("glossary/second-tier-ally.md", "\"second-tier ally\"]", "\"second-tier ally\", \"Council\"]"),
        ]
        for edit in edits {
            let url = content.appendingPathComponent(edit.file)
            let original = try String(contentsOf: url, encoding: .utf8)
            let edited = edit.from.map { original.replacingOccurrences(of: $0, with: edit.to) } ?? original + edit.to
            XCTAssertNotEqual(edited, original, edit.file)
            for text in [edited, original] {
                try text.write(to: url, atomically: true, encoding: .utf8)
                let report = builder.rebuild()
                XCTAssertEqual(report.diagnostics.filter { $0.severity == .error }.map(\.formatted), [], edit.file)
                try? FileManager.default.removeItem(at: folder.appendingPathComponent("full"))
                XCTAssertFalse(SiteBuilder(options: options(output: "full")).build().hasErrors)
                let served = snapshot("served"), full = snapshot("full")
                let differing = Set(served.keys).union(full.keys).filter { served[$0] != full[$0] }.sorted()
                XCTAssertEqual(differing, [], "\(edit.file): \(edit.to)")
            }
        }
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
