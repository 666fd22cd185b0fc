import XCTest
@testable import SiteKit

/// Builds the fixture site end to end and compares every output file with the golden copy.
/// `SITEGEN_RECORD=1 swift test` rewrites the golden files, and fails so a recording run is
/// never mistaken for a passing one.
final class GoldenSiteTests: XCTestCase {
    func testFixtureSiteMatchesGoldenOutput() throws {
        let options = SiteBuilder.Options(content: Fixture.path("valid-site/content"), templates: Fixture.templates)
        let outcome = SiteBuilder(options: options).run()
        XCTAssertEqual(outcome.diagnostics.map(\.formatted), [])
        let golden = Fixture.path("valid-site/golden")
        if ProcessInfo.processInfo.environment["SITEGEN_RECORD"] == "1" {
            try? FileManager.default.removeItem(atPath: golden)
            try SiteWriter.write(outcome.files.filter { !$0.path.hasPrefix("assets/") }, to: golden)
            XCTFail("recorded golden output in \(golden); run again without SITEGEN_RECORD")
            return
        }
        let expected = DiskFileSystem().files(under: golden).files
        let produced = outcome.files.filter { !$0.path.hasPrefix("assets/") }
        XCTAssertEqual(produced.map(\.path).sorted(), expected.sorted())
        for file in produced {
            let want = String(decoding: DiskFileSystem().contents(of: golden + "/" + file.path) ?? [], as: UTF8.self)
            XCTAssertEqual(String(decoding: file.bytes, as: UTF8.self), want, file.path)
        }
    }

    func testBaseURLAddsSitemapAndCanonicalLinks() {
        let options = SiteBuilder.Options(content: Fixture.path("valid-site/content"), templates: Fixture.templates, baseURL: "https://example.org/reader")
        let files = Dictionary(uniqueKeysWithValues: SiteBuilder(options: options).run().files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        XCTAssertEqual(files["sitemap.xml"], """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>https://example.org/reader/actors/</loc></url>
          <url><loc>https://example.org/reader/actors/riac/</loc></url>
          <url><loc>https://example.org/reader/actors/russia/</loc></url>
          <url><loc>https://example.org/reader/actors/united-states/</loc></url>
          <url><loc>https://example.org/reader/annotations/</loc></url>
          <url><loc>https://example.org/reader/glossary/</loc></url>
          <url><loc>https://example.org/reader/</loc></url>
          <url><loc>https://example.org/reader/relations/</loc></url>
          <url><loc>https://example.org/reader/relations/russia--united-states/</loc></url>
          <url><loc>https://example.org/reader/search/</loc></url>
          <url><loc>https://example.org/reader/sources/memo/</loc></url>
          <url><loc>https://example.org/reader/timeline/</loc></url>
        </urlset>

        """)
        XCTAssertEqual(files["robots.txt"], "User-agent: *\nAllow: /\nSitemap: https://example.org/reader/sitemap.xml\n")
        XCTAssertEqual(files["actors/russia/index.html"]?.split(separator: "\n").first { $0.hasPrefix("<link rel=\"canonical\"") },
                       "<link rel=\"canonical\" href=\"https://example.org/reader/actors/russia/\">")
        XCTAssertEqual(files["404.html"]?.contains("rel=\"canonical\""), false)
    }

    /// A server shows 404.html at any missing URL, however deep, so its links are absolute paths: from
    /// the base URL's path, or from the domain root without a base URL.
    func testNotFoundPageLinksFromTheBaseURLPathOrTheDomainRoot() {
        for (baseURL, root) in [("https://example.org/reader", "/reader/"), (nil, "/")] {
            let options = SiteBuilder.Options(content: Fixture.path("valid-site/content"), templates: Fixture.templates, baseURL: baseURL)
            let page = SiteBuilder(options: options).run().files.first { $0.path == "404.html" }.map { String(decoding: $0.bytes, as: UTF8.self) }
            XCTAssertEqual(page?.split(separator: "\n").filter { $0.contains("href=\"/") || $0.contains("src=\"/") }.map(String.init), [
                #"<link rel="icon" href="ROOTassets/favicon.svg" type="image/svg+xml">"#,
                #"<link rel="stylesheet" href="ROOTassets/site.css">"#,
                #"<script src="ROOTassets/preview.js" defer></script>"#,
                #"<script src="ROOTassets/notes.js" defer></script>"#,
                #"<script src="ROOTassets/highlight.js" defer></script>"#,
                #"<p class="site-title"><a href="ROOTindex.html">Fixture Reader</a></p>"#,
                #"<li><a href="ROOTindex.html#sources">Sources</a></li>"#,
                #"<li><a href="ROOTactors/index.html">Actors</a></li>"#,
                #"<li><a href="ROOTrelations/index.html">Relations</a></li>"#,
                #"<li><a href="ROOTannotations/index.html">Annotations</a></li>"#,
                #"<li><a href="ROOTtimeline/index.html">Timeline</a></li>"#,
                #"<li><a href="ROOTglossary/index.html">Glossary</a></li>"#,
                #"<li><a href="ROOTsearch/index.html">Search</a></li>"#,
                #"<p>Start again from the <a href="ROOTindex.html">list of sources</a>, or go to the <a href="ROOTactors/index.html">actors</a>, <a href="ROOTtimeline/index.html">timeline</a> or <a href="ROOTglossary/index.html">glossary</a>.</p>"#,
            ].map { $0.replacingOccurrences(of: "ROOT", with: root) }, root)
        }
    }

    func testTwoBuildsAreByteIdentical() {
        let options = SiteBuilder.Options(content: Fixture.path("valid-site/content"), templates: Fixture.templates)
        XCTAssertEqual(SiteBuilder(options: options).run().files, SiteBuilder(options: options).run().files)
    }

    func testFailedBuildLeavesOutputFolderByteIdentical() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-swap-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let good = SiteBuilder.Options(content: Fixture.path("valid-site/content"), templates: Fixture.templates, output: output)
        XCTAssertFalse(SiteBuilder(options: good).build().hasErrors)
        let before = Fixture.snapshot(output)
        let bad = SiteBuilder.Options(content: Fixture.path("invalid-site/content"), templates: Fixture.templates, output: output)
        XCTAssertTrue(SiteBuilder(options: bad).build().hasErrors)
        XCTAssertEqual(Fixture.snapshot(output), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: (output as NSString).deletingLastPathComponent)
                        .filter { $0.hasPrefix(".sitegen-swap") }, [])
    }

    /// A build whose content fails its checks creates nothing, not even the output's parent folder.
    func testAFailedCheckCreatesNoFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-unmade-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = SiteBuilder.Options(content: Fixture.path("invalid-site/content"), templates: Fixture.templates, output: folder + "/site/public")
        XCTAssertTrue(SiteBuilder(options: options).build().hasErrors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder))
    }

    /// Content that fails its checks is what a build reports, even when the output would be
    /// refused too (it is locked and listed while the content loads); the folder beside it gains
    /// nothing.
    func testContentErrorsComeBeforeARefusedOutput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-refused-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder + "/public", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/public/notes.txt", contents: Data("mine".utf8)))
        let content = Fixture.path("invalid-site/content")
        let refused = SiteBuilder(options: SiteBuilder.Options(content: content, templates: Fixture.templates, output: folder + "/public")).build()
        let fresh = SiteBuilder(options: SiteBuilder.Options(content: content, templates: Fixture.templates, output: folder + "/unmade/public")).build()
        XCTAssertFalse(refused.diagnostics.isEmpty)
        XCTAssertEqual(refused.diagnostics.map(\.formatted), fresh.diagnostics.map(\.formatted))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["public"])
        XCTAssertEqual(Fixture.snapshot(folder + "/public"), ["notes.txt": Array("mine".utf8)])
    }

    func testOutputThatCannotBeCreatedIsReportedAndNothingIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-blocked-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A file stands where the output folder's parent should be.
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/file", contents: Data("x".utf8)))
        let output = folder + "/file/public"
        let options = SiteBuilder.Options(content: Fixture.path("valid-site/content"), templates: Fixture.templates, output: output)
        let outcome = SiteBuilder(options: options).build()
        XCTAssertEqual(outcome.diagnostics.map(\.formatted),
                       ["\(output):1:1: error: cannot write the site: cannot open \(folder)/file to lock the output: Not a directory; the folder is left as it was"])
        XCTAssertNil(outcome.summary)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["file"])
    }
}
