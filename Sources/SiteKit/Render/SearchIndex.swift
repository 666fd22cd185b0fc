import Foundation

/// The static search index, written as a script (`search/index.js`) so that it loads from a
/// plain folder as well as from a server. It is fetched only when a reader starts searching.
enum SearchIndex {
    static let path = "search/index.js"

    /// Entries are written to the file's bytes as they are made, never all held as values: at
    /// 10,000 sources the index holds the whole text, over 100 MB.
    static func file(for site: ResolvedSite) -> OutputFile {
        var bytes = Array("window.sitegenSearchIndex = [".utf8)
        // Room for all the text at once, so the buffer is never copied to grow.
        bytes.reserveCapacity(site.documents.reduce(0) { $0 + $1.source.body.markdown.utf8.count } * 3 / 2 + 1 << 16)
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
        for document in site.documents {
            let tree = document.tree()
            for paragraph in document.paragraphs {
                entry("Source", "\(document.source.title), ¶\(paragraph.number)",
                      Paths.paragraph(PassageRef(source: document.source.id, paragraph: paragraph.number)),
                      tree.children[paragraph.blockIndex].plainText.collapsingSpaces)
            }
            for item in site.annotations[document.source.id] ?? [] {
                entry("Note", "“\(item.annotation.quote.value)” (\(document.source.title))", Paths.annotation(item.source, item.annotation.name),
                      (site.bodies[item.annotation.file]?.plainText ?? "").collapsingSpaces)
            }
        }
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
        bytes.append(contentsOf: "];\n".utf8)
        return OutputFile(path: path, bytes: bytes)
    }

    /// A JSON string literal: quote, backslash and control characters escaped, all else as is.
    static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
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
        bytes.append(UInt8(ascii: "\""))
    }
}
