import Foundation

/// Builds a synthetic corpus of each size with the release `sitegen`, with the baseline `before`
/// (a `sitegen` binary to compare with, if given), with Debian's `hugo` (the same Markdown
/// bodies, minimal layouts) and with the cmark floor (`cmarkFloor`), side by side in rounds;
/// prints the median wall time, CPU time and peak memory of each, and the ratios the
/// performance targets are stated in, with Hugo's version and configuration and the load average.
func scaleBenchmark(sizes: [Int], binFolder: String, before: String?, rounds measuredRounds: Int) {
    let hugoVersion = ChildRun.output(["hugo", "version"])
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB; load average \(loadAverage())")
    print("hugo: " + (hugoVersion ?? "not found: install Debian's 'hugo' for the comparison"))
    if let before { print("baseline: \(before)") }
    print("rounds: \(measuredRounds) measured after one warm-up round, each tool run once a round, every run after sync")
    var sitegenWall: [Int: Double] = [:]
    for n in sizes {
        let corpus = ScaleCorpus(sources: n, binFolder: binFolder)
        do { try corpus.write() } catch { print("cannot write the corpus: \(error)"); exit(1) }
        if n == sizes.first, hugoVersion != nil {
            print("hugo configuration (\(corpus.root)/hugo/hugo.toml):")
            print(((try? String(contentsOfFile: corpus.root + "/hugo/hugo.toml", encoding: .utf8)) ?? "").split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        }
        var tools = corpus.tools(before: before)
        if hugoVersion != nil { tools.append(("hugo", ["hugo", "--quiet", "--source", corpus.root + "/hugo", "--destination", corpus.root + "/hugo-public"], {})) }
        let rounds = Rounds(tools: tools, count: measuredRounds)
        print("sources".leftPadded(8), "tool".padding(toLength: 20, withPad: " ", startingAt: 0),
              "wall s".leftPadded(9), "CPU s".leftPadded(9), "peak MiB".leftPadded(10))
        for tool in tools {
            print(String(n).leftPadded(8), tool.name.padding(toLength: 20, withPad: " ", startingAt: 0),
                  String(format: "%9.3f %9.2f %10.1f", rounds.median { $0[tool.name]!.seconds }, rounds.median { $0[tool.name]!.cpuSeconds },
                         rounds.median { $0[tool.name]!.peakRSSMiB }))
        }
        print(rounds.ratios(sources: n, hasHugo: hugoVersion != nil, hasBefore: before != nil) + "; load average \(loadAverage())")
        sitegenWall[n] = rounds.median { $0["sitegen"]!.seconds }
    }
    let sorted = sitegenWall.keys.sorted()
    if sorted.count >= 2, let small = sorted.first, let large = sorted.last {
        printScaling(small: ScaleCorpus(sources: small, binFolder: binFolder), large: ScaleCorpus(sources: large, binFolder: binFolder),
                     mediansRatio: sitegenWall[large]! / sitegenWall[small]!)
    }
}

/// The sizes' medians are measured minutes apart, while this shared machine's speed drifts by
/// 10–20% within minutes; so scaling is judged on rebuilds of the two sizes run back to back:
/// the median ratio over 3 such pairs.
private func printScaling(small: ScaleCorpus, large: ScaleCorpus, mediansRatio: Double) {
    let pairs = (0..<3).map { _ in (small: measured(small.rebuild), large: measured(large.rebuild)) }
    func median(_ ratio: ((small: ChildRun, large: ChildRun)) -> Double) -> Double { pairs.map(ratio).sorted()[pairs.count / 2] }
    print(String(format: "scaling: time(%d)/time(%d) = %.2f for %.0f× the sources (target ≤ 11 for 10×), median of %d pairs run back to back; CPU time %.2f; ratio of the medians above %.2f",
                 large.sources, small.sources, median { $0.large.seconds / $0.small.seconds }, Double(large.sources) / Double(small.sources),
                 pairs.count, median { $0.large.cpuSeconds / $0.small.cpuSeconds }, mediansRatio))
}

/// A synthetic corpus under `.build/bench/`, and the tools that build it.
private struct ScaleCorpus {
    let sources: Int
    let binFolder: String
    var root: String { FileManager.default.currentDirectoryPath + "/.build/bench/corpus-\(sources)" }

    func build(with binary: String, into folder: String) -> [String] {
        [binary, "build", "--content", root + "/content", "--templates", "templates", "--output", root + "/" + folder]
    }

    /// A rebuild, as a user runs it again and again: it leaves unchanged files alone.
    var rebuild: [String] { build(with: binFolder + "/sitegen", into: "public") }

    /// The corpus written, and the pages a build of it writes listed for the floor.
    func write() throws {
        try SyntheticCorpus(sources: sources).write(to: root)
        _ = ChildRun.run(rebuild)
        let pages = (FileManager.default.enumerator(atPath: root + "/public")?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".html") }.sorted()
        try (pages.joined(separator: "\n") + "\n").write(toFile: root + "/floor-pages.txt", atomically: true, encoding: .utf8)
    }

    /// sitegen's rebuild, its build into an emptied folder, the baseline's rebuild and the floor.
    func tools(before: String?) -> [Rounds.Tool] {
        var tools: [Rounds.Tool] = [
            ("sitegen", rebuild, {}),
            ("sitegen, new folder", build(with: binFolder + "/sitegen", into: "public-new"), {
                for folder in ["/public-new", "/.public-new.previous"] { try? FileManager.default.removeItem(atPath: root + folder) }
            }),
        ]
        if let before { tools.append(("baseline", build(with: before, into: "public-before"), {})) }
        tools.append(("floor", [binFolder + "/sitegen-bench", "floor", root + "/content", root + "/floor-pages.txt", root + "/floor"], {}))
        return tools
    }
}

/// Rounds of one run of each tool, and medians over the rounds: this shared machine's speed
/// drifts from one minute to the next, so each ratio is taken between runs made side by side,
/// and its median over the rounds is printed. A first round, not counted, warms the page cache
/// and each tool's output folder.
private struct Rounds {
    typealias Tool = (name: String, argv: [String], before: () -> Void)
    let rounds: ArraySlice<[String: ChildRun]>

    init(tools: [Tool], count: Int) {
        rounds = (0...count).map { _ in
            Dictionary(uniqueKeysWithValues: tools.map { tool -> (String, ChildRun) in
                tool.before()
                let run = measured(tool.argv)
                if run.status != 0 { print("\(tool.name) exited with \(run.status)") }
                return (tool.name, run)
            })
        }.dropFirst()
    }

    func median(_ value: ([String: ChildRun]) -> Double) -> Double {
        let values = rounds.map(value).sorted()
        return values[values.count / 2]
    }

    func ratios(sources n: Int, hasHugo: Bool, hasBefore: Bool) -> String {
        var text = String(format: "%8d ratios (medians over the rounds): sitegen/floor %.2f", n, median { $0["sitegen"]!.seconds / $0["floor"]!.seconds })
        if hasBefore { text += String(format: ", sitegen/baseline wall %.2f", median { $0["sitegen"]!.seconds / $0["baseline"]!.seconds }) }
        if hasHugo {
            text += String(format: ", sitegen/hugo wall %.2f", median { $0["sitegen"]!.seconds / $0["hugo"]!.seconds })
            if hasBefore { text += String(format: ", baseline/hugo wall %.2f", median { $0["baseline"]!.seconds / $0["hugo"]!.seconds }) }
            text += String(format: ", sitegen peak memory %.1f%% of hugo's (target ≤ 10%%)", 100 * median { $0["sitegen"]!.peakRSSMiB / $0["hugo"]!.peakRSSMiB })
        }
        return text
    }
}

/// A run started after `sync`: what was written before it (the corpus, or the previous tool's
/// output) is otherwise flushed to the disk while it runs, on the same cores.
private func measured(_ argv: [String]) -> ChildRun {
    sync()
    return ChildRun.run(argv)
}

/// The 1, 5 and 15 minute load averages, as `/proc/loadavg` gives them.
private func loadAverage() -> String {
    ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? "").split(separator: " ").prefix(3).joined(separator: " ")
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(width - count, 0)) + self }
}
