import CCmark
import Foundation

/// The floor for any cmark-based generator of this site: exactly the Markdown sitegen renders
/// (the body of every `.md` file under the content folder, front matter skipped) rendered by
/// libcmark once each, and one HTML file written per page sitegen writes, on all cores, and
/// nothing else. `pageList` names those pages, one relative path a line; each page holds the
/// bodies shown on it (a source with its notes, an actor, the events on the timeline, the terms
/// in the glossary), and a page that shows no body of its own is written empty.
func cmarkFloor(content: String, pageList: String, output: String) {
    let pages = ((try? String(contentsOfFile: pageList, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    let files = (FileManager.default.enumerator(atPath: content)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix(".md") }.sorted()
    let bodiesByPage = Dictionary(grouping: files, by: page(of:))
    let cores = ProcessInfo.processInfo.activeProcessorCount
    DispatchQueue.concurrentPerform(iterations: cores) { worker in
        for index in stride(from: worker, to: pages.count, by: cores) {
            var html: [UInt8] = []
            for file in bodiesByPage[pages[index]] ?? [] {
                guard let data = FileManager.default.contents(atPath: content + "/" + file) else { continue }
                let body = Array(markdownBody(of: String(decoding: data, as: UTF8.self)).utf8)
                guard !body.isEmpty, let rendered = body.withUnsafeBufferPointer({ buffer in
                    buffer.withMemoryRebound(to: CChar.self) { cmark_markdown_to_html($0.baseAddress, $0.count, CMARK_OPT_SMART) }
                }) else { continue }
                html.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(rendered).assumingMemoryBound(to: UInt8.self), count: strlen(rendered)))
                free(rendered)
            }
            let path = output + "/" + pages[index]
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            _ = html.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }
}

/// The page of sitegen's output that shows a content file's body.
private func page(of file: String) -> String {
    let parts = file.split(separator: "/").map(String.init)
    let id = String(parts.last!.dropLast(3))
    switch parts.first {
    case "sources": return "sources/\(id)/index.html"
    case "annotations" where parts.count == 3: return "sources/\(parts[1])/index.html"
    case "actors": return "actors/\(id)/index.html"
    case "events": return "timeline/index.html"
    case "glossary": return "glossary/index.html"
    default: return ""
    }
}

/// A content file's text after its front matter.
private func markdownBody(of text: String) -> Substring {
    guard text.hasPrefix("---\n"), let end = text.range(of: "\n---\n", range: text.index(text.startIndex, offsetBy: 3)..<text.endIndex) else {
        return text[...]
    }
    return text[end.upperBound...]
}
