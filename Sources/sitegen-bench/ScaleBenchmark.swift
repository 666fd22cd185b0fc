import Foundation

/// Builds a synthetic corpus of each size with the release `sitegen`, with Debian's `hugo` (the
/// same Markdown bodies, minimal layouts) and with the bare cmark floor; prints wall time, peak
/// memory and the ratios the performance targets are stated in.
func scaleBenchmark(sizes: [Int], binFolder: String) {
    let hasHugo = ChildRun.run(["hugo", "version"]).status == 0
    if !hasHugo { print("hugo not found: install Debian's 'hugo' for the comparison") }
    print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory >> 30) GiB")
    print("sources".leftPadded(8), "tool".padding(toLength: 20, withPad: " ", startingAt: 0), "wall s".leftPadded(9), "peak MiB".leftPadded(10))
    var sitegenTimes: [Int: Double] = [:]
    for n in sizes {
        let root = FileManager.default.currentDirectoryPath + "/.build/bench/corpus-\(n)"
        do { try SyntheticCorpus(sources: n).write(to: root) } catch { print("cannot write the corpus: \(error)"); exit(1) }
        // The median of several runs: this shared machine's speed drifts by 15% and more from one
        // minute to the next, which a single run of each size turned into a wrong scaling figure.
        let runs = n <= 1_000 ? 5 : 3
        func measured(_ argv: [String], before: () -> Void = {}) -> ChildRun {
            let all = (0..<runs).map { _ in
                before()
                return ChildRun.run(argv)
            }
            if let failed = all.first(where: { $0.status != 0 }) { print("\(argv[0]) exited with \(failed.status)") }
            return all.sorted { $0.seconds < $1.seconds }[runs / 2]
        }
        let build = [binFolder + "/sitegen", "build", "--content", root + "/content", "--templates", "templates", "--output"]
        // A build leaves unchanged files alone, so a rebuild (the first figure, as a user runs
        // it again and again) writes nothing; the second builds into a folder emptied first.
        let sitegen = measured(build + [root + "/public"])
        let fresh = measured(build + [root + "/public-new"]) { try? FileManager.default.removeItem(atPath: root + "/public-new") }
        sitegenTimes[n] = sitegen.seconds
        let floor = measured([binFolder + "/sitegen-bench", "floor", root + "/hugo/content", root + "/floor"])
        let hugo = hasHugo ? measured(["hugo", "--quiet", "--source", root + "/hugo", "--destination", root + "/hugo-public"]) : nil
        for (tool, run) in [("sitegen", sitegen), ("sitegen, new folder", fresh), ("hugo", hugo), ("floor", floor)] {
            guard let run else { continue }
            print(String(n).leftPadded(8), tool.padding(toLength: 20, withPad: " ", startingAt: 0),
                  String(format: "%9.3f %10.1f", run.seconds, run.peakRSSMiB))
        }
        var ratios = String(format: "%8d ratios: sitegen/floor %.2f (target ≤ 1.5)", n, sitegen.seconds / floor.seconds)
        if let hugo {
            ratios += String(format: ", sitegen/hugo wall %.2f (target ≤ 0.5), sitegen/hugo peak memory %.3f (target ≤ 0.10)",
                             sitegen.seconds / hugo.seconds, sitegen.peakRSSMiB / hugo.peakRSSMiB)
        }
        print(ratios)
    }
    let sorted = sitegenTimes.keys.sorted()
    if sorted.count >= 2, let small = sorted.first, let large = sorted.last {
        print(String(format: "scaling: time(%d)/time(%d) = %.2f for %.0f× the sources (target ≤ 11 for 10×)",
                     large, small, sitegenTimes[large]! / sitegenTimes[small]!, Double(large) / Double(small)))
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(width - count, 0)) + self }
}
