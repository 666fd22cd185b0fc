/// What a link previews, made at build time and written as scripts, one per folder of pages, so
/// that previews work from a plain folder as from a server and a reader downloads only the
/// folders they point into. `templates/assets/preview.js` reads a link's address, loads
/// `<folder>previews.js` once and looks the link up by its key:
///
///     actors/previews.js          key: the actor id       kind and the profile's first sentence
///     glossary/previews.js        key: the term id        the definition's first sentence
///     timeline/previews.js        key: the event id       date, title, the first sentence
///     relations/previews.js       key: `<a>--<b>`         what the sources call the pair
///     sources/<id>/previews.js    key: "" (the source), `p<N>` (first words of ¶N),
///                                 `n-<name>` (the annotation's note, which a link to its
///                                 highlight `a-<name>` previews too)
///
/// Each file sets `window.sitegenPreviews[folder]` to an object of `key: [heading, text]`.
struct PreviewData {
    /// How much of a paragraph a ¶ link previews, in words.
    static let paragraphWords = 40
    /// How much of a note, or of a source's summary, a link previews, in characters.
    static let noteLimit = 400

    static let actorsPath = "actors/previews.js"
    static let glossaryPath = "glossary/previews.js"
    static let timelinePath = "timeline/previews.js"
    static let relationsPath = "relations/previews.js"
    static func sourcePath(_ id: SourceID) -> String { "sources/\(id.raw)/previews.js" }

    let site: ResolvedSite
    let links: CrossLinks

    func actors() -> OutputFile {
        file(Self.actorsPath, site.actors.map { actor in
            let kind = actor.kind.rawValue.prefix(1).uppercased() + actor.kind.rawValue.dropFirst()
            return (actor.id.raw, "\(actor.name) · \(kind)", firstSentence(of: actor.file))
        })
    }

    func glossary() -> OutputFile {
        file(Self.glossaryPath, site.terms.map { term in
            (term.id.raw, "\(term.term) · Glossary", firstSentence(of: term.file))
        })
    }

    func timeline() -> OutputFile {
        file(Self.timelinePath, site.events.map { event in
            (event.id.raw, "\(event.circa ? "c. " : "")\(event.date.display) · \(event.title)",
             firstSentence(of: event.file))
        })
    }

    func relations(_ ties: TiedPairs) -> OutputFile {
        let wording = TieWording(links: links)
        return file(Self.relationsPath, ties.pairs.map { pair in
            let path = Paths.pair(pair.first, pair.second)
            let key = String(path.dropFirst("relations/".count).dropLast("/index.html".count))
            let bySource = ties.sources(of: pair, in: site).map { document, edges -> String in
                var labels: [String] = []
                for label in edges.map(wording.label) where !labels.contains(label) { labels.append(label) }
                return "\(labels.joined(separator: ", ")) (\(document.source.date.year))"
            }
            return (key, PairPageRenderer.title(pair, links: links), bySource.joined(separator: "; ") + ".")
        })
    }

    func source(_ document: SourceDocument) -> OutputFile {
        let source = document.source
        var entries = [("", "\(source.title) · \(source.date.display)", PreviewText.cut(source.summary, limit: Self.noteLimit))]
        for (paragraph, text) in zip(document.paragraphs, document.paragraphTexts()) {
            entries.append(("p\(paragraph.number)", "\(source.title), ¶\(paragraph.number)",
                            PreviewText.firstWords(of: text, count: Self.paragraphWords)))
        }
        for item in site.annotations[source.id] ?? [] {
            let heading = "Note \(item.number) · \(item.kind.label) · ¶\(item.anchor.paragraph)"
            let note = PreviewText.cut(item.note?.text ?? "", limit: Self.noteLimit)
            entries.append(("n-\(item.name.raw)", heading, note))
        }
        return file(Self.sourcePath(source.id), entries)
    }

    /// The first sentence of a profile, definition or event as a reader sees it: a link written
    /// with empty text reads as its target's name, as on the page (`CrossLinks.rewrite`).
    private func firstSentence(of file: String) -> String {
        site.bodies[file].map { PreviewText.firstSentence(of: links.rewrite($0, root: "")) } ?? ""
    }

    /// The script: `(window.sitegenPreviews = window.sitegenPreviews || {})["<folder>"] = {…};`.
    private func file(_ path: String, _ entries: [(key: String, heading: String, text: String)]) -> OutputFile {
        let folder = String(path.dropLast("previews.js".count))
        var bytes = Array("(window.sitegenPreviews = window.sitegenPreviews || {})[".utf8)
        JSONString.append(folder, to: &bytes)
        bytes.append(contentsOf: "] = {".utf8)
        for (index, entry) in entries.enumerated() {
            bytes.append(contentsOf: (index == 0 ? "\n" : ",\n").utf8)
            JSONString.append(entry.key, to: &bytes)
            bytes.append(contentsOf: ": [".utf8)
            JSONString.append(entry.heading, to: &bytes)
            bytes.append(UInt8(ascii: ","))
            JSONString.append(entry.text, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "\n};\n".utf8)
        return OutputFile(path: path, bytes: bytes)
    }
}
