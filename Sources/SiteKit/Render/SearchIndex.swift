import Foundation

/// The static search index, written as a script (`search/index.js`) so that it loads from a
/// plain folder as well as from a server. It is fetched only when a reader starts searching.
enum SearchIndex {
    private struct Entry {
        /// Kind shown with the result: Source, Note, Actor, Event, Term.
        var k: String
        /// Title of the result.
        var t: String
        /// Link, relative to the site root.
        var u: String
        /// Searchable text.
        var x: String
    }

    static let path = "search/index.js"

    static func file(for site: ResolvedSite) -> OutputFile {
        var entries: [Entry] = []
        for document in site.documents {
            for paragraph in document.paragraphs {
                entries.append(Entry(k: "Source", t: "\(document.source.title), ¶\(paragraph.number)",
                                     u: Paths.paragraph(PassageRef(source: document.source.id, paragraph: paragraph.number)),
                                     x: paragraph.node.plainText.collapsingSpaces))
            }
            for item in site.annotations[document.source.id] ?? [] {
                let note = site.bodies[item.annotation.file]?.plainText ?? ""
                entries.append(Entry(k: "Note", t: "“\(item.annotation.quote.value)” (\(document.source.title))",
                                     u: Paths.annotation(item.source, item.annotation.name), x: note.collapsingSpaces))
            }
        }
        for actor in site.actors {
            entries.append(Entry(k: "Actor", t: actor.name, u: Paths.actor(actor.id),
                                 x: (actor.aliases.map(\.value).joined(separator: " ") + " " + (site.bodies[actor.file]?.plainText ?? "")).collapsingSpaces))
        }
        for event in site.events {
            entries.append(Entry(k: "Event", t: "\(event.title) (\(event.date.display))", u: Paths.event(event.id),
                                 x: (site.bodies[event.file]?.plainText ?? "").collapsingSpaces))
        }
        for term in site.terms {
            entries.append(Entry(k: "Term", t: term.term, u: Paths.term(term.id),
                                 x: (term.aliases.map(\.value).joined(separator: " ") + " " + (site.bodies[term.file]?.plainText ?? "")).collapsingSpaces))
        }
        // Written by hand, as compact JSON with keys in order: Foundation's encoder took most of
        // the time of this file, the largest of a big site.
        var bytes = Array("window.sitegenSearchIndex = [".utf8)
        for (index, entry) in entries.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            for (key, value) in [("k", entry.k), ("t", entry.t), ("u", entry.u), ("x", entry.x)] {
                bytes.append(contentsOf: (key == "k" ? "{\"" : ",\"").utf8)
                bytes.append(contentsOf: key.utf8)
                bytes.append(contentsOf: "\":".utf8)
                appendJSONString(value, to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
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
