import Foundation

/// The static search index, written as a script (`search/index.js`) so that it loads from a
/// plain folder as well as from a server. It is fetched only when a reader starts searching.
enum SearchIndex {
    private struct Entry: Encodable {
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
                                     x: flatten(String(String.UnicodeScalarView(paragraph.plain)))))
            }
            for item in site.annotations[document.source.id] ?? [] {
                let note = site.bodies[item.annotation.file]?.plainText ?? ""
                entries.append(Entry(k: "Note", t: "“\(item.annotation.quote.value)” (\(document.source.title))",
                                     u: Paths.annotation(item.source, item.annotation.name), x: flatten(note)))
            }
        }
        for actor in site.actors {
            entries.append(Entry(k: "Actor", t: actor.name, u: Paths.actor(actor.id),
                                 x: flatten(actor.aliases.map(\.value).joined(separator: " ") + " " + (site.bodies[actor.file]?.plainText ?? ""))))
        }
        for event in site.events {
            entries.append(Entry(k: "Event", t: "\(event.title) (\(event.date.display))", u: Paths.event(event.id),
                                 x: flatten(site.bodies[event.file]?.plainText ?? "")))
        }
        for term in site.terms {
            entries.append(Entry(k: "Term", t: term.term, u: Paths.term(term.id),
                                 x: flatten(term.aliases.map(\.value).joined(separator: " ") + " " + (site.bodies[term.file]?.plainText ?? ""))))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: (try? encoder.encode(entries)) ?? Data("[]".utf8), as: UTF8.self)
        return OutputFile(path: path, bytes: Array("window.sitegenSearchIndex = \(json);\n".utf8))
    }

    private static func flatten(_ text: String) -> String { text.collapsingSpaces }
}
