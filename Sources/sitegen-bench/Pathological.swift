import Foundation
import SiteKit


func median(runs: Int = 5, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[runs / 2]
}

/// Deterministic prose: words drawn by a linear congruential generator.
func prose(words: Int, seed: UInt64 = 42) -> String {
    let vocabulary = ["Russia", "alliance", "partner", "the", "of", "Moscow", "strategic", "and", "a", "Iran", "Turkey",
                      "Washington", "cooperation", "interest", "in", "with", "tactical", "security", "policy", "relations"]
    var state = seed
    var out: [String] = []
    out.reserveCapacity(words)
    for _ in 0..<words {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        out.append(vocabulary[Int((state >> 33) % UInt64(vocabulary.count))])
    }
    return out.joined(separator: " ")
}

func source(_ markdown: String) -> Source {
    Source(id: SourceID("bench"), file: "bench.md", title: "Bench", titleSupplied: false, author: nil, publisher: nil,
           date: PartialDate("2020")!, url: nil, summary: "", editorNote: nil, corrections: [],
           body: Body(markdown: markdown, firstLine: 1, file: "bench.md"))
}

/// A source parsed and folded, as the resolver makes it.
func document(_ markdown: String) -> SourceText {
    SourceText(source(markdown))
}

func report(_ name: String, _ seconds: Double, _ detail: String) {
    print(String(format: "%-44@ %9.4f s   %@", name as NSString, seconds, detail))
}

/// Pathological inputs for anchoring and mention matching. Each figure is the median wall time
/// of several runs of one step, printed with the input size, so a super-linear step shows.
func pathologicalBenchmark() {
    let location = SourceLocation(file: "bench.md", line: 1, column: 1)
    let big = prose(words: 150_000)  // about 1 MB in one paragraph
    let bigDocument = document(big)
    print("paragraph: \(big.utf8.count) bytes")

    let nearMiss = Located(String(big.dropFirst(500_000).prefix(300)) + " zzz", at: location)
    report("near-miss quote in a 1 MB paragraph", median { _ = QuoteAnchor.anchor(quote: nearMiss, prefix: nil, suffix: nil, in: bigDocument) }, "300-char quote, closest passage searched")

    let longQuote = Located(String(repeating: "qx ", count: 3_400), at: location)
    report("10 KB quote that matches nothing", median { _ = QuoteAnchor.anchor(quote: longQuote, prefix: nil, suffix: nil, in: bigDocument) }, "\(longQuote.value.count) chars")

    let exact = Located(String(big.dropFirst(900_000).prefix(200)), at: location)
    report("exact quote in a 1 MB paragraph", median { _ = QuoteAnchor.anchor(quote: exact, prefix: nil, suffix: nil, in: bigDocument) }, "")

    let aliases = (0..<10_000).map { ("alias\($0) name", $0) } + [("Russia", -1), ("strategic partner", -2)]
    let matcher = MultiPatternMatcher(patterns: aliases)
    let scalars = bigDocument.paragraphs[0].text.scalars
    report("10,000 aliases over a 1 MB paragraph", median { _ = matcher.matches(in: scalars) }, "\(matcher.matches(in: scalars).count) matches")

    // 2,000 highlights on one paragraph.
    let highlighted = SourceDocument(source(prose(words: 6_000)))
    let paragraph = highlighted.tree().children[highlighted.paragraphs[0].blockIndex]
    let length = paragraph.plainLength
    let wraps = (0..<2_000).map { i -> InlineWrap in
        let start = (i * 17) % (length - 40)
        return InlineWrap(range: start..<(start + 30)) { _ in ("<mark>", "</mark>") }
    }
    report("2,000 highlights on one paragraph", median(runs: 3) { _ = Cmark.renderHTML(paragraph.wrapping(wraps)) }, "\(length) chars")

    // A source of one-word paragraphs, built whole (loaded, resolved, every page rendered): the
    // time per MB stays the same as the source grows when no step is worse than linear.
    for paragraphs in [100_000, 500_000] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-bench-paragraphs-\(paragraphs)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let text = "---\ntitle: Long\nauthor: null\npublisher: null\ndate: \"2020\"\nsummary: S.\n---\n"
            + (0..<paragraphs).map { "w\($0)\n" }.joined(separator: "\n")
        try! FileManager.default.createDirectory(atPath: folder + "/sources", withIntermediateDirectories: true)
        try! "title: T\nlanguage: en\ndescription: D\ntimeline:\n  start: \"1999\"\n  end: \"2022\"\n"
            .write(toFile: folder + "/site.yml", atomically: false, encoding: .utf8)
        try! text.write(toFile: folder + "/sources/long.md", atomically: false, encoding: .utf8)
        let megabytes = Double(text.utf8.count) / 1_000_000
        let seconds = median(runs: 3) { _ = SiteBuilder(options: .init(content: folder, templates: "templates")).run() }
        report("source of \(paragraphs) one-word paragraphs", seconds, String(format: "%.1f MB, %.3f s per MB", megabytes, seconds / megabytes))
    }

    // Deeply nested Markdown, as in cmark's pathological tests.
    let nested = String(repeating: "> ", count: 5_000) + "x\n\n" + String(repeating: "*a ", count: 20_000) + String(repeating: "a* ", count: 20_000)
    report("deeply nested Markdown", median(runs: 3) { _ = document(nested) }, "\(nested.utf8.count) bytes")
}
