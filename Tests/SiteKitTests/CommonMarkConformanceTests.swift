import XCTest
@testable import SiteKit

/// Runs the CommonMark 0.30 spec examples through the same path as every annotation, profile,
/// event and definition body: the cmark wrapper, cross-reference rewriting, safe rendering.
final class CommonMarkConformanceTests: XCTestCase {
    struct Example { var number: Int; var markdown: String; var html: String; var section: String }

    static func examples(_ file: String) throws -> [Example] {
        let path = Fixture.repository.deletingLastPathComponent().appendingPathComponent("shared/conformance/\(file)").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var examples: [Example] = []
        var section = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        let fence = String(repeating: "`", count: 32)
        while let line = lines.popFirst() {
            if line.hasPrefix("#") { section = line.drop { $0 == "#" || $0 == " " }.description }
            guard line == fence + " example" else { continue }
            var markdown: [Substring] = [], html: [Substring] = []
            while let l = lines.popFirst(), l != "." { markdown.append(l) }
            while let l = lines.popFirst(), l != fence { html.append(l) }
            func restore(_ parts: [Substring]) -> String {
                parts.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
            }
            examples.append(Example(number: examples.count + 1, markdown: restore(markdown), html: restore(html), section: section))
        }
        return examples
    }

    /// Our rendering path for a Markdown body.
    static func render(_ markdown: String, smart: Bool, unsafe: Bool = false) -> String {
        let links = CrossLinks(actors: [:], terms: [:], events: [:], documents: [:])
        return Cmark.renderHTML(links.rewrite(Cmark.parse(markdown, smart: smart), root: ""), unsafe: unsafe)
    }

    /// Examples whose expected output includes raw HTML or a `javascript:`-style URL: our safe
    /// rendering omits these on purpose (raw HTML in content never reaches a page). Every other
    /// example must render exactly as the spec says.
    static let safeModeDifferences: Set<Int> = Set([21, 31, 201, 308, 309, 344, 474, 475, 476, 490, 493, 523, 535])
        .union(148...191).union([612, 613, 614, 615, 616, 622, 624, 627, 628, 629, 630, 631, 642, 643])

    func testSpecExamples() throws {
        let examples = try Self.examples("commonmark-spec-0.30.txt")
        XCTAssertEqual(examples.count, 652)
        var differing: [Int] = []
        for example in examples where Self.render(example.markdown, smart: false) != example.html {
            differing.append(example.number)
        }
        XCTAssertEqual(Set(differing), Self.safeModeDifferences, "differing: \(differing)")
        // Through the very same path with raw HTML allowed, every one of them matches the spec.
        for example in examples where Self.safeModeDifferences.contains(example.number) {
            XCTAssertEqual(Self.render(example.markdown, smart: false, unsafe: true), example.html, "example \(example.number)")
            XCTAssertTrue(Self.render(example.markdown, smart: false).contains("<!-- raw HTML omitted -->"), "example \(example.number)")
        }
    }

    func testSmartPunctuationExamples() throws {
        let examples = try Self.examples("commonmark-smart-punct-0.30.txt")
        XCTAssertEqual(examples.count, 16)
        for example in examples {
            XCTAssertEqual(Self.render(example.markdown, smart: true), example.html, "example \(example.number)")
        }
    }
}
