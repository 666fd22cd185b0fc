import XCTest
@testable import SiteKit

/// Script-injection payloads in every content field come out as inert text.
final class EscapingTests: XCTestCase {
    let payload = "<script>alert(1)</script>\"'&"
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;"

    func build() throws -> [String: String] {
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Fixture.templates) where name.hasSuffix(".mustache") {
            files["templates/" + name] = try String(contentsOfFile: Fixture.templates + "/" + name, encoding: .utf8)
        }
        let p = "'<script>alert(1)</script>\"''&'"  // the payload as a single-quoted YAML string
        files["content/site.yml"] = "title: \(p)\nlanguage: en\ndescription: \(p)\ntimeline:\n  start: \"1999\"\n  end: \"2022\"\n"
        files["content/sources/s.md"] = """
        ---
        title: \(p)
        author: \(p)
        publisher: \(p)
        date: "2001"
        url: "https://example.org/?a=<b>&c=\\"d\\""
        summary: \(p)
        editor_note: "<img src=x onerror=alert(1)> [x](javascript:alert(1))"
        ---
        Iran <b onmouseover="alert(1)">and</b> [a](javascript:alert(1)) ![i](data:image/png;base64,AAAA) [v](vbscript:x).

        <script>alert(2)</script>
        """
        files["content/annotations/s/n.md"] = "---\nquote: \"Iran and a\"\nkind: claim\n---\n<iframe src=x></iframe> [x](javascript:alert(1))\n"
        files["content/actors/iran.md"] = "---\nname: \(p)\nkind: state\naliases: [Iran]\n---\n<script>alert(3)</script>\n"
        files["content/events/e.md"] = "---\ndate: \"2001\"\ntitle: \(p)\npassages: [\"s#p1\"]\nactors: [iran]\n---\n<style>body{}</style>\n"
        files["content/glossary/g.md"] = "---\nterm: \(p)\naliases: [\"and\"]\nfamily: other\n---\n<b>x</b>\n"
        let outcome = SiteBuilder(options: .init(), fileSystem: MemoryFileSystem(files)).run()
        XCTAssertEqual(outcome.diagnostics.filter { $0.severity == .error }.map(\.formatted), [])
        return Dictionary(uniqueKeysWithValues: outcome.files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    func line(_ page: String, startingWith prefix: String) -> String? {
        page.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    func testPayloadsAreEscapedOrDropped() throws {
        let pages = try build()
        let source = pages["sources/s/index.html"]!
        XCTAssertEqual(line(source, startingWith: "<title>"), "<title>\(escaped) · \(escaped)</title>")
        XCTAssertEqual(line(source, startingWith: "<h1>"), "<h1>\(escaped)</h1>")
        XCTAssertEqual(line(source, startingWith: "<dt>Author"), "<dt>Author</dt><dd>\(escaped)</dd>")
        XCTAssertEqual(line(source, startingWith: "<dt>Original"), "<dt>Original</dt><dd><a href=\"https://example.org/?a=&lt;b&gt;&amp;c=&quot;d&quot;\">https://example.org/?a=&lt;b&gt;&amp;c=&quot;d&quot;</a></dd>")
        XCTAssertEqual(line(source, startingWith: "<p><!-- raw HTML omitted --> <a"), "<p><!-- raw HTML omitted --> <a href=\"\">x</a></p>")
        XCTAssertEqual(line(source, startingWith: "<p><mark id="),
                       "<p><mark id=\"a-n\" class=\"hl hl-claim\" data-note=\"n\"><a id=\"p1-iran\" class=\"mention\" href=\"../../actors/iran/index.html\">Iran</a> <!-- raw HTML omitted --><a class=\"term\" href=\"../../glossary/index.html#g\">and</a><!-- raw HTML omitted --> <a href=\"\">a</a></mark><a class=\"note-ref\" href=\"#n-n\" aria-label=\"Note 1\">1</a> <img src=\"\" alt=\"i\" /> <a href=\"\">v</a>.</p>")
        XCTAssertEqual(line(source, startingWith: "<!-- raw"), "<!-- raw HTML omitted -->")
        // Previews are JSON strings in scripts, which the tooltip shows as text.
        XCTAssertEqual(line(pages["actors/previews.js"]!, startingWith: "\"iran\""), #""iran": ["<script>alert(1)</script>\"'& · State",""]"#)
        XCTAssertEqual(line(pages["actors/iran/index.html"]!, startingWith: "<h1>"), "<h1>\(escaped)</h1>")
        XCTAssertEqual(line(pages["timeline/index.html"]!, startingWith: "<h3>"), "<h3>\(escaped)</h3>")
        XCTAssertEqual(line(pages["glossary/index.html"]!, startingWith: "<h3>"), "<h3>\(escaped)</h3>")
        for (path, page) in pages where path.hasSuffix(".html") {
            XCTAssertFalse(page.contains("<script>alert"), path)
            XCTAssertFalse(page.contains("javascript:alert(1)\""), path)
        }
    }

    /// The search index is written as JSON by hand; each string must read back as itself.
    func testSearchIndexStringsAreExactJSON() throws {
        let text = "quote \" backslash \\ slash / controls \u{1}\u{8}\u{C}\n\r\t\u{1F} del \u{7F} line \u{2028} é 😀 </script>"
        var bytes: [UInt8] = []
        JSONString.append(text, to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self),
                       "\"quote \\\" backslash \\\\ slash / controls \\u0001\\b\\f\\n\\r\\t\\u001f del \u{7F} line \u{2028} é 😀 </script>\"")
        XCTAssertEqual(try JSONDecoder().decode(String.self, from: Data(bytes)), text)
    }
}
