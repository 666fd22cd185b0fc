/// What search finds, one result each: every source paragraph, every note, every actor, event
/// and term. Each has a number, its place in this order: a source's paragraphs, then its notes,
/// source after source; then the actors, the events and the terms. Any range of them can be
/// made alone, so that the index and each fragment file are made without holding all the text.
struct SearchPassages: Sendable {
    enum Kind: Int {
        case source, note, actor, event, term
        /// The letter search.js shows the kind by.
        var code: String { ["s", "n", "a", "e", "t"][rawValue] }
    }

    struct Passage: Equatable {
        var kind: Kind
        var title: String
        /// Relative to the site's root.
        var link: String
        /// Words that name the passage (a name and its aliases, a quoted span, a source's title
        /// on its first paragraph): weighted above `text`.
        var names: String
        /// The text excerpts are cut from.
        var text: String
    }

    let site: ResolvedSite
    let links: CrossLinks
    /// Where each source's passages start, then where the actors, events and terms start, then the count.
    let starts: [Int]

    init(site: ResolvedSite, links: CrossLinks) {
        self.site = site
        self.links = links
        var starts = [0]
        starts.reserveCapacity(site.documents.count + 2)
        for document in site.documents {
            starts.append(starts.last! + document.paragraphs.count + (site.annotations[document.source.id]?.count ?? 0))
        }
        starts.append(starts.last! + site.actors.count + site.events.count + site.terms.count)
        self.starts = starts
    }

    var count: Int { starts.last! }
    /// Sources, then one unit for the actors, events and terms.
    var units: Int { starts.count - 1 }

    /// The passages of one unit, in order.
    func passages(ofUnit unit: Int) -> [Passage] {
        guard unit < site.documents.count else { return entries() }
        let document = site.documents[unit]
        let title = document.source.title
        var passages = zip(document.paragraphs, document.paragraphTexts()).map { paragraph, text in
            Passage(kind: .source, title: "\(title), ¶\(paragraph.number)",
                    link: Paths.paragraph(PassageRef(source: document.source.id, paragraph: paragraph.number)),
                    names: paragraph.number == 1 ? title : "", text: text)
        }
        for item in site.annotations[document.source.id] ?? [] {
            passages.append(Passage(kind: .note, title: "“\(item.annotation.quote.value)” (\(title))",
                                    link: Paths.annotation(item.source, item.annotation.name),
                                    names: item.annotation.quote.value, text: item.note?.text ?? ""))
        }
        return passages
    }

    /// The passages numbered `range`.
    func passages(in range: Range<Int>) -> [Passage] {
        var unit = starts.lastIndex(where: { $0 <= range.lowerBound }) ?? 0
        var passages: [Passage] = []
        while unit < units, starts[unit] < range.upperBound {
            let all = self.passages(ofUnit: unit)
            let lower = max(range.lowerBound - starts[unit], 0), upper = min(range.upperBound - starts[unit], all.count)
            if lower < upper { passages += all[lower..<upper] }
            unit += 1
        }
        return passages
    }

    /// Body text as rendered: links written with empty text show their target's name.
    private func text(of file: String) -> String {
        site.bodies[file].map { links.rewrite($0, root: "").plainText.collapsingSpaces } ?? ""
    }

    private func entries() -> [Passage] {
        site.actors.map { Passage(kind: .actor, title: $0.name, link: Paths.actor($0.id),
                                  names: ([$0.name] + $0.aliases.map(\.value)).joined(separator: " · "), text: text(of: $0.file)) }
        + site.events.map { Passage(kind: .event, title: "\($0.title) (\($0.date.display))", link: Paths.event($0.id),
                                    names: $0.title, text: text(of: $0.file)) }
        + site.terms.map { Passage(kind: .term, title: $0.term, link: Paths.term($0.id),
                                   names: ([$0.term] + $0.aliases.map(\.value)).joined(separator: " · "), text: text(of: $0.file)) }
    }
}
