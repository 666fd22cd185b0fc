import XCTest
@testable import SitePreview

/// What `serve` answers for a path: files by name only, folders by their index, climbing refused.
final class StaticResponderTests: XCTestCase {
    let responder = StaticResponder(files: [
        "index.html": Array("<!doctype html>\n<body>\n<p>Home</p>\n</body>\n</html>\n".utf8),
        "actors/index.html": Array("<body>Actors</body>".utf8),
        "assets/site.css": Array("body{}".utf8),
        "404.html": Array("<body>Missing</body>".utf8),
    ])

    func testPagesGetTheLiveReloadScriptBeforeTheClosingBody() {
        XCTAssertEqual(responder.reply(to: "/"), .init(status: 200, contentType: "text/html; charset=utf-8",
            body: Array("<!doctype html>\n<body>\n<p>Home</p>\n<script src=\"/__sitegen/live.js\"></script></body>\n</html>\n".utf8)))
        XCTAssertEqual(responder.reply(to: "/actors/"), .init(status: 200, contentType: "text/html; charset=utf-8",
            body: Array("<body>Actors<script src=\"/__sitegen/live.js\"></script></body>".utf8)))
    }

    func testAssetsAreServedAsTheyAreWithTheirType() {
        XCTAssertEqual(responder.reply(to: "/assets/site.css"), .init(status: 200, contentType: "text/css; charset=utf-8", body: Array("body{}".utf8)))
    }

    func testDataFilesForOtherToolsGetTheirTypes() {
        XCTAssertEqual(["annotations.jsonld", "sources/memo/citation.bib", "sources/memo/citation.ris"].map(StaticResponder.contentType(of:)),
                       ["application/ld+json", "application/x-bibtex; charset=utf-8", "application/x-research-info-systems; charset=utf-8"])
    }

    func testFolderWithoutSlashRedirects() {
        XCTAssertEqual(responder.reply(to: "/actors"), .init(status: 301, contentType: "text/plain; charset=utf-8", body: [], location: "/actors/"))
    }

    func testMissingPathGetsTheSitesNotFoundPage() {
        XCTAssertEqual(responder.reply(to: "/no/such/page/"), .init(status: 404, contentType: "text/html; charset=utf-8",
            body: Array("<body>Missing<script src=\"/__sitegen/live.js\"></script></body>".utf8)))
    }

    func testPathsThatClimbOutAreForbidden() {
        for path in ["/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/actors/..%2F..%2Fetc/passwd", "/./index.html",
                     "//etc/passwd", "/assets%5c..%5c..%5cetc", "/index.html%00.css", "/%zz", "relative.html"] {
            XCTAssertEqual(responder.reply(to: path).status, 403, path)
        }
    }
}
