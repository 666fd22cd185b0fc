import XCTest
@testable import SiteKit

final class HypothesisImportTests: XCTestCase {
    /// The valid fixture site's content and the Hypothesis fixtures, in memory.
    func files() -> MemoryFileSystem {
        var files = Fixture.validContent()
        for name in ["export", "not-json", "wrong-shape", "bad-rows", "bad-names", "not-an-export"] {
            files["\(name).json"] = String(decoding: DiskFileSystem().contents(of: Fixture.path("hypothesis/\(name).json"))!, as: UTF8.self)
        }
        return MemoryFileSystem(files)
    }

    func run(_ export: String, _ files: MemoryFileSystem) -> HypothesisImport.Outcome {
        HypothesisImport.run(export: export, source: "memo", content: "content", fileSystem: files)
    }

    func testAnchoredRowsAreWrittenWithTheLeastContextAndTheOrphanIsReported() {
        let outcome = run("export.json", files())
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), ["""
            export.json:34:7: error: row 'Zz9Orphan': quote not found in source 'memo'
            export.json:34:7: note: closest passage is ¶1 (90% similar): "Russia and the United States became allies—…"
            """])
        XCTAssertEqual(outcome.unchanged, 0)
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: outcome.written.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }), [
            "content/annotations/memo/h-xy-ab12.md": """
            ---
            quote: "disagreed with \\"strategic allies\\" talk"
            kind: claim
            actors: [riac]
            terms: [strategic-ally]
            hypothesis:
              id: "Xy_Ab12"
              user: "acct:reviewer@hypothes.is"
            ---
            The council's doubt is reported, not quoted: the memo gives no words of its own for it.

            """,
            "content/annotations/memo/h-q2w3e4.md": """
            ---
            quote: "the United States"
            prefix: "of"
            kind: term
            actors: [united-states]
            terms: []
            hypothesis:
              id: "Q2w3E4"
              user: "acct:reviewer@hypothes.is"
            ---
            Here the memo names the *senior* partner.

            """,
            "content/annotations/memo/h-r5t6y7.md": """
            ---
            quote: "Russia"
            suffix: "and"
            kind: context
            actors: []
            terms: []
            hypothesis:
              id: "R5t6Y7"
              user: "acct:editor@hypothes.is"
            ---
            The memo's opening claim.

            """,
        ])
    }

    func testImportedFilesBuildAndImportingAgainChangesNothing() {
        var files = files()
        for file in run("export.json", files).written { files.files[file.path] = file.bytes }
        var options = SiteBuilder.Options(templates: Fixture.templates)
        options.strict = true
        let build = SiteBuilder(options: options, fileSystem: Overlay(memory: files)).run()
        XCTAssertEqual(build.diagnostics, [])
        XCTAssertEqual(build.summary?.annotations, 5)

        let again = run("export.json", files)
        XCTAssertEqual(again.written, [])
        XCTAssertEqual(again.unchanged, 3)
    }

    func testAChangedRowUpdatesItsFileOnly() {
        var files = files()
        for file in run("export.json", files).written { files.files[file.path] = file.bytes }
        let export = String(decoding: files.files["export.json"]!, as: UTF8.self)
        files.files["export.json"] = Array(export.replacingOccurrences(of: "The memo's opening claim.", with: "The memo opens with its claim.").utf8)
        let outcome = run("export.json", files)
        XCTAssertEqual(outcome.written.map(\.path), ["content/annotations/memo/h-r5t6y7.md"])
        let before = String(decoding: files.files["content/annotations/memo/h-r5t6y7.md"]!, as: UTF8.self)
        XCTAssertEqual(outcome.written.first?.bytes, Array(before.replacingOccurrences(of: "The memo's opening claim.", with: "The memo opens with its claim.").utf8))
        XCTAssertEqual(outcome.unchanged, 2)
    }

    func testInvalidJSONWritesNothing() {
        let outcome = run("not-json.json", files())
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), ["not-json.json:4:40: error: not valid JSON: Invalid value."])
        XCTAssertEqual(outcome.written, [])
    }

    func testRowsOfTheWrongShapeWriteNothing() {
        let outcome = run("wrong-shape.json", files())
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [
            "wrong-shape.json:5:7: error: row 'PageNote1': 'target' must be a list whose first entry has a 'selector' list (a page note, without one, marks no passage)",
            "wrong-shape.json:11:7: error: row 'BadTags2': 'tags' must be a list of strings",
        ])
        XCTAssertEqual(outcome.written, [])
        XCTAssertEqual(outcome.unchanged, 0)
    }

    func testAnUnknownSourceIsReported() {
        let outcome = HypothesisImport.run(export: "export.json", source: "mem", content: "content", fileSystem: files())
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), ["<command line>:1:1: error: unknown source 'mem'; did you mean 'memo'?"])
        XCTAssertEqual(outcome.written, [])
    }

    func testAnImportedFileMustKeepItsRowID() {
        var files = files()
        files.files["content/annotations/memo/h-lost.md"] = Array("---\nquote: \"disagreed with\"\nhypothesis:\n  user: \"acct:reviewer@hypothes.is\"\n---\nA note.\n".utf8)
        let outcome = SiteBuilder(options: .init(templates: Fixture.templates), fileSystem: Overlay(memory: files)).run()
        XCTAssertEqual(outcome.diagnostics.filter { $0.location.file == "content/annotations/memo/h-lost.md" }.map(\.formatted), [
            "content/annotations/memo/h-lost.md:4:3: error: missing required key 'id'",
        ])
    }

    func testRowsWithoutAnIDOrAQuoteOrWithTextNotAStringWriteNothing() {
        let outcome = run("bad-rows.json", files())
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [
            "bad-rows.json:3:3: error: row 1 has no 'id' string",
            "bad-rows.json:5:6: error: row 'NoQuote': its selectors have no TextQuoteSelector with an 'exact' text",
            "bad-rows.json:6:6: error: row 'NumberText': 'text' must be a string",
        ])
        XCTAssertEqual(outcome.written, [])
    }

    func testRowIDsThatCannotNameAFileOrNameTheSameFileAreReported() {
        let outcome = run("bad-names.json", files())
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [
            "bad-names.json:4:6: error: row 'Dot.ted': its id cannot make a file name (letters, digits, '-' and '_' only)",
            "bad-names.json:6:6: error: row 'twin' would be written to the same file as row 'Twin' (h-twin.md)",
        ])
        XCTAssertEqual(outcome.written.map(\.path), ["content/annotations/memo/h-twin.md"])
    }

    func testAFileThatIsNotAnExportOrIsMissing() {
        XCTAssertEqual(run("not-an-export.json", files()).diagnostics.map(\.formatted),
                       ["not-an-export.json:1:1: error: not a Hypothesis export: expected an object with a 'rows' list, as the API's search answers"])
        XCTAssertEqual(run("missing.json", files()).diagnostics.map(\.formatted), ["missing.json:1:1: error: cannot read file: no such file"])
    }
}
