import Foundation

/// The static search index, written as scripts so that it loads from a plain folder as well as
/// from a server, and fetched only when a reader starts searching. `search/index.js` lists the
/// parts, each a run of sources of about `partSize` bytes of text (the last also holds actors,
/// events and terms): a big corpus's index is over 100 MB, which as one file was the largest
/// single piece of a build's memory and one long job at the end of the build.
enum SearchIndex {
    static let path = "search/index.js"
    static let partSize = 4 << 20

    /// The sources each part covers, as ranges of `site.documents`; always at least one part.
    static func parts(of site: ResolvedSite, size limit: Int = partSize) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = 0, size = 0
        for (index, document) in site.documents.enumerated() {
            size += document.textSize
            if size >= limit {
                parts.append(start..<(index + 1))
                (start, size) = (index + 1, 0)
            }
        }
        if parts.isEmpty || start < site.documents.count { parts.append(start..<site.documents.count) }
        return parts
    }

    static func partPath(_ number: Int) -> String { "search/index-\(number + 1).js" }

    /// The list of parts, which the search page loads.
    static func manifest(parts: Int) -> OutputFile {
        let names = (0..<parts).map { "\"\(partPath($0).dropFirst("search/".count))\"" }.joined(separator: ",")
        return OutputFile(path: path, bytes: Array("window.sitegenSearchParts = [\(names)];\n".utf8))
    }

    /// One part, its entries written to the file's bytes as they are made.
    static func part(_ number: Int, of parts: [Range<Int>], site: ResolvedSite) -> OutputFile {
        var bytes = Array("(window.sitegenSearchIndex = window.sitegenSearchIndex || [])[\(number)] = [".utf8)
        let documents = site.documents[parts[number]]
        // Room for all the text at once, so the buffer is never copied to grow.
        bytes.reserveCapacity(documents.reduce(0) { $0 + $1.textSize } * 3 / 2 + 1 << 16)
        var first = true
        /// One result: its kind (Source, Note, Actor, Event, Term), title, link relative to the
        /// site root, and searchable text; compact JSON with keys in that order.
        func entry(_ kind: String, _ title: String, _ link: String, _ text: String) {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            for (key, value) in [("{\"k\":", kind), (",\"t\":", title), (",\"u\":", link), (",\"x\":", text)] {
                bytes.append(contentsOf: key.utf8)
                appendJSONString(value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
        for document in documents {
            for (paragraph, text) in zip(document.paragraphs, document.paragraphTexts()) {
                entry("Source", "\(document.source.title), ¶\(paragraph.number)",
                      Paths.paragraph(PassageRef(source: document.source.id, paragraph: paragraph.number)), text)
            }
            for item in site.annotations[document.source.id] ?? [] {
                entry("Note", "“\(item.annotation.quote.value)” (\(document.source.title))", Paths.annotation(item.source, item.annotation.name),
                      item.note?.text ?? "")
            }
        }
        if number == parts.count - 1 {
            for actor in site.actors {
                entry("Actor", actor.name, Paths.actor(actor.id),
                      (actor.aliases.map(\.value).joined(separator: " ") + " " + (site.bodies[actor.file]?.plainText ?? "")).collapsingSpaces)
            }
            for event in site.events {
                entry("Event", "\(event.title) (\(event.date.display))", Paths.event(event.id), (site.bodies[event.file]?.plainText ?? "").collapsingSpaces)
            }
            for term in site.terms {
                entry("Term", term.term, Paths.term(term.id),
                      (term.aliases.map(\.value).joined(separator: " ") + " " + (site.bodies[term.file]?.plainText ?? "")).collapsingSpaces)
            }
        }
        bytes.append(contentsOf: "];\n".utf8)
        return OutputFile(path: partPath(number), bytes: bytes)
    }

    /// A JSON string literal: quote, backslash and control characters escaped, all else as is.
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most text has nothing to escape and is copied whole.
        let copied = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        } ?? false
        if !copied {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
                case 0x08: bytes.append(contentsOf: "\\b".utf8)
                case 0x0C: bytes.append(contentsOf: "\\f".utf8)
                case 0x0A: bytes.append(contentsOf: "\\n".utf8)
                case 0x0D: bytes.append(contentsOf: "\\r".utf8)
                case 0x09: bytes.append(contentsOf: "\\t".utf8)
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
