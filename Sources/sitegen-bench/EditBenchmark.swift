import Foundation
import SitePreview
import SiteKit

/// What `serve` does after a reviewer saves an annotation: rebuild and write the changed files.
/// Twenty edits each on a copy of the real content and of a synthetic corpus; prints the median
/// (the watcher's polling, at most 200 ms, comes on top).
func editBenchmark(syntheticSources: Int) {
    let scratch = FileManager.default.currentDirectoryPath + "/.build/bench/edit"
    try? FileManager.default.removeItem(atPath: scratch)
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    do {
        try FileManager.default.copyItem(atPath: "content", toPath: scratch + "/real")
        try SyntheticCorpus(sources: syntheticSources).write(to: scratch + "/synthetic")
    } catch { print("cannot prepare the content: \(error)"); exit(1) }
    for (label, content) in [("real content", scratch + "/real"), ("\(syntheticSources) synthetic sources", scratch + "/synthetic/content")] {
        let builder = PreviewBuilder(options: SiteBuilder.Options(content: content, templates: "templates", output: content + "-public"))
        guard builder.rebuild().succeeded else { print("\(label): the first build failed"); continue }
        let annotations = content + "/annotations"
        let folder = (try? FileManager.default.contentsOfDirectory(atPath: annotations).sorted().first) ?? ""
        let note = annotations + "/" + folder + "/" + ((try? FileManager.default.contentsOfDirectory(atPath: annotations + "/" + folder).sorted().first) ?? "")
        let original = (try? String(contentsOfFile: note, encoding: .utf8)) ?? ""
        var times: [Double] = [], written = 0, rendered = 0
        for edit in 0..<20 {
            try? (original + " Edit \(edit).").write(toFile: note, atomically: true, encoding: .utf8)
            let report = builder.rebuild()
            times.append(report.seconds)
            written = report.written.count
            rendered = report.rendered.count
        }
        try? original.write(toFile: note, atomically: true, encoding: .utf8)
        print(String(format: "%-28@ median of 20 edits %.3f s (min %.3f, max %.3f); %d files rendered and %d rewritten per edit",
                     label as NSString, times.sorted()[10], times.min()!, times.max()!, rendered, written))
    }
}
