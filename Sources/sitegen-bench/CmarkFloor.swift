import CCmark
import Foundation

/// The floor for any cmark-based generator: every Markdown file under a folder read, its front
/// matter skipped, rendered by libcmark and written as HTML, on all cores, and nothing else.
func cmarkFloor(input: String, output: String) {
    let files = (FileManager.default.enumerator(atPath: input)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".md") }.sorted()
    try? FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
    DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { worker in
        for index in stride(from: worker, to: files.count, by: ProcessInfo.processInfo.activeProcessorCount) {
            guard let data = FileManager.default.contents(atPath: input + "/" + files[index]) else { continue }
            var text = String(decoding: data, as: UTF8.self)
            if text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) {
                text = String(text[end.upperBound...])
            }
            let html = text.withCString { cmark_markdown_to_html($0, strlen($0), CMARK_OPT_SMART) }!
            let name = output + "/" + files[index].replacingOccurrences(of: "/", with: "_") + ".html"
            let fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = write(fd, html, strlen(html))
            close(fd)
            free(html)
        }
    }
}
