import XCTest
@testable import SiteKit

/// Quotations in the editors' prose are looked up in the sources (`quotation-site`): its
/// `found.md` holds every kind that passes, `missing.md`, the actor and the source's summary
/// every kind that does not. A quotation that only the second source (`speech`) holds passes,
/// whether the prose links to that source (`found.md`) or to none (the actor); one in prose that
/// cites no source (the glossary's definition) is compared with every source.
final class QuotationCheckTests: XCTestCase {
    private func diagnostics(strict: Bool) -> [String] {
        var options = SiteBuilder.Options(content: Fixture.path("quotation-site/content"), templates: Fixture.templates)
        options.strict = strict
        let outcome = SiteBuilder(options: options).run()
        XCTAssertEqual(outcome.files.isEmpty, strict, "warnings do not stop a build; errors do")
        let prefix = Fixture.path("quotation-site") + "/"
        return outcome.diagnostics.map { $0.formatted.replacingOccurrences(of: prefix, with: "") }
    }

    private static let expected = [
        "content/actors/russia.md:6:21: warning: quotation \"Russia is an ideological ally of the United States\" is not in the sources; if it is from elsewhere, link it to where it comes from\n"
            + "content/actors/russia.md:6:21: note: closest passage is memo ¶1 (56% similar): \"…t terrorism “has made Russia and the United States…\"",
        "content/annotations/memo/missing.md:4:42: warning: quotation \"has made Russia and America allies again\" is not in the sources; if it is from elsewhere, link it to where it comes from\n"
            + "content/annotations/memo/missing.md:4:42: note: closest passage is memo ¶1 (65% similar): \"…ussia and the United States allies again…\"",
        "content/annotations/memo/missing.md:5:41: warning: quotation \"the first time since World War II … around the globe\" is not in the sources; if it is from elsewhere, link it to where it comes from\n"
            + "content/annotations/memo/missing.md:5:41: note: closest passage is memo ¶1 (62% similar): \"…es allies again—for the first time since World War II.…\"",
        "content/annotations/memo/missing.md:6:24: warning: quotation \"Ten green bottles hanging on the wall\" is not in the sources; if it is from elsewhere, link it to where it comes from",
        "content/annotations/memo/missing.md:7:59: warning: quotation \"Moscow and Washington are equals now\" is not in the sources; if it is from elsewhere, link it to where it comes from",
        // A definition cites no source: its closest passage is looked for in every source.
        "content/glossary/partner.md:6:27: warning: quotation \"partners owe each other their candour and their loyalty\" is not in the sources; if it is from elsewhere, link it to where it comes from\n"
            + "content/glossary/partner.md:6:27: note: closest passage is speech ¶1 (61% similar): \"Partners owe each other candour before they owe each ot…\"",
        // The summary is a double-quoted YAML value: its quotation mark is written `\"`, from column 33.
        "content/sources/memo.md:6:33: warning: quotation \"a strategic ally of convenience\" is not in the sources; if it is from elsewhere, link it to where it comes from",
    ]

    func testEveryQuotationNotInTheSourcesIsReportedWhereItStands() {
        XCTAssertEqual(diagnostics(strict: false), Self.expected)
    }

    func testStrictMakesThemErrors() {
        XCTAssertEqual(diagnostics(strict: true), Self.expected.map { $0.replacingOccurrences(of: ": warning: ", with: ": error: ") })
    }

    func testWhatCountsAsAQuotation() {
        let span = ProseSpan(text: "He said \"one two three four\" and “five six seven eight”,\nnot \"nine ten\", not *\"A Title In Italics Here\"*, "
                             + "not `\"code with four words\"`, not \"out of the sources here\" (<https://example.org>), and \"over a\nline break\".",
                             file: "f.md", line: 10, column: 1, escaped: false)
        let found = ProseQuotations.find(in: span, cited: [SourceID("s")])
        XCTAssertEqual(found.map { "\($0.location.description) \($0.text)" }, [
            "f.md:10:9 one two three four",
            "f.md:10:34 five six seven eight",
            "f.md:11:139 over a\nline break",
        ])
    }

    func testMarkdownInsideAQuotationIsReadAsText() {
        XCTAssertEqual(ProseQuotations.plainText(Array(#"the [Kremlin](actor:russia)'s *own* \[allegedly\] [words]"#.unicodeScalars)[...]),
                       "the Kremlin's own [allegedly] [words]")
    }
}
