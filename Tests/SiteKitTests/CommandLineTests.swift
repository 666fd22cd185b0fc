import XCTest

/// The `sitegen` executable as a user runs it: exit status, diagnostics, summary line.
final class CommandLineTests: XCTestCase {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func sitegen(_ arguments: [String]) throws -> Run {
        let binary = Bundle(for: Self.self).bundleURL.appendingPathComponent("sitegen")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = Fixture.testsFolder.appendingPathComponent("Fixtures")
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }

    /// The summary's elapsed time is the one part that changes between runs.
    func withoutTime(_ text: String) -> String {
        text.replacingOccurrences(of: #"in \d+\.\d\d s"#, with: "in T s", options: .regularExpression)
    }

    func testCheckOfValidSite() throws {
        let run = try sitegen(["check", "--content", "valid-site/content", "--templates", Fixture.templates])
        XCTAssertEqual(run.status, 0)
        XCTAssertEqual(run.stderr, "")
        XCTAssertEqual(withoutTime(run.stdout), "Checked 13 pages (1 source, 2 annotations, 3 actors, 2 events, 2 terms) in T s; nothing written.\n")
    }

    func testImportHypothesisWritesTheRowsThatAnchorAndExitsOneForTheOrphan() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-import-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixture.path("valid-site/content"), toPath: folder + "/content")
        let arguments = ["import", "hypothesis", "hypothesis/export.json", "--source", "memo", "--content", folder + "/content"]
        for unchanged in [0, 3] {
            let run = try sitegen(arguments)
            XCTAssertEqual(run.status, 1)
            XCTAssertEqual(run.stderr, """
                hypothesis/export.json:34:7: error: row 'Zz9Orphan': quote not found in source 'memo'
                hypothesis/export.json:34:7: note: closest passage is ¶1 (90% similar): "Russia and the United States became allies—…"

                """)
            XCTAssertEqual(run.stdout, "Imported from hypothesis/export.json: \(3 - unchanged) files written, \(unchanged) unchanged; "
                           + "1 error, the rows named were not imported.\n")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/content/annotations/memo").sorted(),
                       ["allies-again.md", "h-q2w3e4.md", "h-r5t6y7.md", "h-xy-ab12.md", "second-tier.md"])
    }

    func testBuildReportsWhatItChangedInTheOutputFolder() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-cli-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let arguments = ["build", "--content", "valid-site/content", "--templates", Fixture.templates, "--output", output]
        let first = try sitegen(arguments)
        XCTAssertEqual(first.status, 0)
        XCTAssertEqual(withoutTime(first.stdout), "Built 13 pages (1 source, 2 annotations, 3 actors, 2 events, 2 terms) in T s; "
                       + "\(output)/: 51 files written, 0 removed, 0 unchanged.\n")
        XCTAssertTrue(FileManager.default.createFile(atPath: output + "/stale.html", contents: Data("old".utf8)))
        let refused = try sitegen(arguments)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "\(output):1:1: error: '\(output)' holds a file sitegen did not write (stale.html); "
                       + "refusing to remove it: move it out, or pass --force\n")
        XCTAssertEqual(refused.stdout, "Build failed: 1 error; nothing written.\n")
        let forced = try sitegen(arguments + ["--force"])
        XCTAssertEqual(withoutTime(forced.stdout), "Built 13 pages (1 source, 2 annotations, 3 actors, 2 events, 2 terms) in T s; "
                       + "\(output)/: 0 files written, 1 removed, 51 unchanged.\n")
    }

    func testCheckOfInvalidSiteExitsOneWithSortedDiagnostics() throws {
        let run = try sitegen(["check", "--content", "invalid-site/content", "--templates", Fixture.templates])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr.split(separator: "\n").first, "invalid-site/content/actors/russia.md:4:21: error: alias 'Moscow' is also an alias of actor 'moscow-city'")
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 18)
        XCTAssertEqual(run.stdout, "Build failed: 16 errors; nothing written.\n")
    }

    func testStrictTurnsWarningsIntoErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-strict-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("actors"), withIntermediateDirectories: true)
        try Fixture.siteFile.write(to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
        try "---\nname: Chad\nkind: state\n---\nA state.\n".write(to: folder.appendingPathComponent("actors/chad.md"), atomically: true, encoding: .utf8)
        let lenient = try sitegen(["check", "--content", folder.path, "--templates", Fixture.templates])
        XCTAssertEqual(lenient.status, 0)
        XCTAssertEqual(lenient.stderr, "\(folder.path)/actors/chad.md:1:1: warning: actor 'chad' is never mentioned in a source nor referenced\n")
        let strict = try sitegen(["check", "--strict", "--content", folder.path, "--templates", Fixture.templates])
        XCTAssertEqual(strict.status, 1)
        XCTAssertEqual(strict.stderr, "\(folder.path)/actors/chad.md:1:1: error: actor 'chad' is never mentioned in a source nor referenced\n")
        XCTAssertEqual(strict.stdout, "Build failed: 1 error; nothing written.\n")
    }

    func testJSONDiagnostics() throws {
        let run = try sitegen(["check", "--format", "json", "--content", "invalid-site/content", "--templates", Fixture.templates])
        XCTAssertEqual(run.status, 1)
        let document = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(document["errors"] as? Int, 16)
        XCTAssertEqual(document["warnings"] as? Int, 0)
        let first = (document["diagnostics"] as! [[String: Any]])[0]
        XCTAssertEqual(first["file"] as? String, "invalid-site/content/actors/russia.md")
        XCTAssertEqual(first["line"] as? Int, 4)
        XCTAssertEqual(first["column"] as? Int, 21)
        XCTAssertEqual(first["severity"] as? String, "error")
        XCTAssertEqual(first["message"] as? String, "alias 'Moscow' is also an alias of actor 'moscow-city'")
        XCTAssertEqual((first["notes"] as? [[String: Any]])?.first?["message"] as? String, "first given here")
    }

    func testUsageMistakeExits64() throws {
        let run = try sitegen(["build", "--no-such-option"])
        XCTAssertEqual(run.status, 64)
    }

    func testABaseURLThatIsNotAnAbsoluteHTTPURLIsAUsageMistake() throws {
        for (url, problem) in [("//evil.example/", "must be an absolute http:// or https:// URL, found '//evil.example/'"),
                               ("https://example.org//reader/", "must not have an empty path segment ('//'), found 'https://example.org//reader/'")] {
            let run = try sitegen(["build", "--base-url", url, "--content", "valid-site/content", "--templates", Fixture.templates])
            XCTAssertEqual(run.status, 64)
            XCTAssertEqual(run.stderr.split(separator: "\n").first.map(String.init), "Error: --base-url \(problem)")
        }
    }

    func testMissingContentFolder() throws {
        let run = try sitegen(["check", "--content", "nowhere", "--templates", Fixture.templates])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "nowhere:1:1: error: content folder 'nowhere' does not exist\n")
    }
}
