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
        /// The text excerpts are cut from, in UTF-8.
        var text: ArraySlice<UInt8>
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

    /// The passages of one unit numbered `entries` in it, in order.
    private func passages(ofUnit unit: Int, entries: Range<Int>) -> [Passage] {
        guard unit < site.documents.count else { return entries.map(entry) }
        let document = site.documents[unit]
        let title = document.source.title
        let paragraphs = document.paragraphs
        let text = entries.lowerBound < paragraphs.count ? document.textBytes() : []
        let notes = site.annotations[document.source.id] ?? []
        return entries.map { number in
            guard number < paragraphs.count else {
                let note = number - paragraphs.count
                return Passage(kind: .note, title: "“\(notes[note].quote)” (\(title))",
                               link: Paths.annotation(notes[note].source, notes[note].name),
                               names: Self.names(ofNote: note, in: notes), text: Self.text(ofNote: note, in: notes))
            }
            let paragraph = paragraphs[number]
            return Passage(kind: .source, title: "\(title), ¶\(paragraph.number)",
                           link: Paths.paragraph(PassageRef(source: document.source.id, paragraph: paragraph.number)),
                           names: Self.names(ofParagraph: paragraph.number, title: title), text: text[paragraph.textRange])
        }
    }

    /// What the index reads of each passage of one unit, in order: its kind, its names and its
    /// text as UTF-8, made without titles and links, and without decoding a source's text.
    func indexedText(ofUnit unit: Int) -> [(kind: Kind, names: String, text: ArraySlice<UInt8>)] {
        guard unit < site.documents.count else {
            return (0..<(starts[unit + 1] - starts[unit])).map { number in
                let passage = entry(number)
                return (passage.kind, passage.names, passage.text)
            }
        }
        let document = site.documents[unit]
        let all = document.textBytes(), title = document.source.title
        var items = document.paragraphs.map { paragraph in
            (kind: Kind.source, names: Self.names(ofParagraph: paragraph.number, title: title), text: all[paragraph.textRange])
        }
        let notes = site.annotations[document.source.id] ?? []
        for note in notes.indices { items.append((.note, Self.names(ofNote: note, in: notes), Self.text(ofNote: note, in: notes))) }
        return items
    }

    /// How long each passage of one unit is, in bytes of UTF-8, its names' and its text's, in
    /// order: what BM25 weighs a passage's length by. No source's or note's text is read.
    func lengths(ofUnit unit: Int) -> [Int] {
        guard unit < site.documents.count else {
            return (0..<(starts[unit + 1] - starts[unit])).map { number in
                let passage = entry(number)
                return passage.names.utf8.count + passage.text.count
            }
        }
        let document = site.documents[unit]
        let title = document.source.title
        var lengths = document.paragraphs.map { Self.names(ofParagraph: $0.number, title: title).utf8.count + $0.textRange.count }
        let notes = site.annotations[document.source.id] ?? []
        for note in notes.indices { lengths.append(Self.names(ofNote: note, in: notes).utf8.count + (notes[note].note?.textSize ?? 0)) }
        return lengths
    }

    /// A source's title names its first paragraph; the others have no names.
    private static func names(ofParagraph number: Int, title: String) -> String { number == 1 ? title : "" }

    /// A note is named by the span it quotes (read where the note lies, not copied whole).
    private static func names(ofNote note: Int, in notes: [PlacedAnnotation]) -> String { notes[note].quote }

    /// A note's text is its rendered note's plain text.
    private static func text(ofNote note: Int, in notes: [PlacedAnnotation]) -> ArraySlice<UInt8> { ArraySlice(notes[note].note?.textBytes ?? []) }

    /// The passages numbered `range`.
    func passages(in range: Range<Int>) -> [Passage] {
        // The last unit whose start is at or before the range's, by bisection.
        var low = 0, high = units - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= range.lowerBound { low = middle } else { high = middle - 1 }
        }
        var unit = low
        var passages: [Passage] = []
        while unit < units, starts[unit] < range.upperBound {
            let lower = max(range.lowerBound - starts[unit], 0), upper = min(range.upperBound, starts[unit + 1]) - starts[unit]
            if lower < upper {
                passages += self.passages(ofUnit: unit, entries: lower..<upper)
            }
            unit += 1
        }
        return passages
    }

    /// Body text as rendered: links written with empty text show their target's name.
    private func text(of file: String) -> ArraySlice<UInt8> {
        ArraySlice((site.bodies[file].map { links.rewrite($0, root: "").plainText.collapsingSpaces } ?? "").utf8)
    }

    /// The actors, then the events, then the terms, numbered from 0.
    private func entry(_ number: Int) -> Passage {
        if number < site.actors.count {
            let actor = site.actors[number]
            return Passage(kind: .actor, title: actor.name, link: Paths.actor(actor.id),
                           names: ([actor.name] + actor.aliases.map(\.value)).joined(separator: " · "), text: text(of: actor.file))
        }
        if number < site.actors.count + site.events.count {
            let event = site.events[number - site.actors.count]
            return Passage(kind: .event, title: "\(event.title) (\(event.date.display))", link: Paths.event(event.id),
                           names: event.title, text: text(of: event.file))
        }
        let term = site.terms[number - site.actors.count - site.events.count]
        return Passage(kind: .term, title: term.term, link: Paths.term(term.id),
                       names: ([term.term] + term.aliases.map(\.value)).joined(separator: " · "), text: text(of: term.file))
    }
}
