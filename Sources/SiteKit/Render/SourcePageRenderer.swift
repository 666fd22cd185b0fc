/// Builds a source's reader text: numbered paragraphs with permalinks, links on the first
/// mention of each actor and term per paragraph, highlighted annotations with their notes
/// beside the paragraph, and links to the events that cite it.
struct SourcePageRenderer {
    /// The events citing each source, by paragraph, and the link on each mention target, gathered
    /// once for all source pages: each page looking through every event would grow with sources ×
    /// events, and a link's path and order are worked out once per target, not per mention.
    /// (Mentions come gathered by source from the resolver, as `ResolvedSite.mentionPlaces`.)
    struct Marks {
        var citingEvents: [SourceID: [Int: [Event]]] = [:]
        /// By number in `ResolvedSite.mentionTargets`.
        var mentionLinks: [MentionLink] = []

        /// A mention's link, escaped, but for the page's root before `afterRoot`.
        struct MentionLink {
            var beforeRoot: String
            var afterRoot: String
            /// The target's place in `LinkTarget.sortKey` order, which settles two mentions of one span.
            var order: Int
            /// The whole link from a source page (`Paths.notePagesRoot`), made once: made for each
            /// mention, it was a new string per link of every page.
            var fromSourcePage: String

            init(beforeRoot: String, afterRoot: String, order: Int) {
                self.beforeRoot = beforeRoot
                self.afterRoot = afterRoot
                self.order = order
                fromSourcePage = beforeRoot + HTML.escape(Paths.notePagesRoot) + afterRoot
            }

            func enter(root: String, escapedRoot: String) -> String {
                root == Paths.notePagesRoot ? fromSourcePage : beforeRoot + escapedRoot + afterRoot
            }
        }

        init(site: ResolvedSite, links: CrossLinks) {
            for event in site.events {
                for passage in event.passages {
                    if let ref = PassageRef(passage.value) { citingEvents[ref.source, default: [:]][ref.paragraph, default: []].append(event) }
                }
            }
            let targets = site.mentionTargets
            var order = [Int](repeating: 0, count: targets.count)
            for (place, number) in targets.indices.sorted(by: { targets[$0].sortKey < targets[$1].sortKey }).enumerated() {
                order[number] = place
            }
            mentionLinks = targets.indices.map { number in
                let target = targets[number]
                return MentionLink(beforeRoot: "<a class=\"\(Self.linkClass(target))\" href=\"",
                                   afterRoot: "\(HTML.escape(links.path(of: target)))\">", order: order[number])
            }
        }

        /// A mention link's class; what it previews is in the previews of its target's folder (`PreviewData`).
        private static func linkClass(_ target: LinkTarget) -> String {
            switch target {
            case .actor: return "mention"
            case .term: return "term"
            default: return "xref"
            }
        }
    }

    let site: ResolvedSite
    let templates: Templates
    let marks: Marks
    let root: String

    /// The id of an actor's mention in a paragraph, escaped; nil for a term.
    private func mentionID(_ target: Int32, _ paragraph: Int) -> String? {
        guard case .actor(let actor) = site.mentionTargets[Int(target)] else { return nil }
        return HTML.escape(Paths.mentionID(actor, paragraph: paragraph))
    }

    func bodyHTML(_ document: SourceDocument) -> String {
        let annotations = Dictionary(grouping: site.annotations[document.source.id] ?? [], by: \.anchor.paragraph)
        let mentions = site.mentionPlaces[document.source.id]?.elements ?? []
        var nextMention = mentions.startIndex
        let citingEvents = marks.citingEvents[document.source.id] ?? [:]
        var corrections: [Int: [Range<Int>]] = [:]
        for (paragraph, range) in (site.correctionPlaces[document.source.id] ?? []).joined() {
            corrections[paragraph, default: []].append(range)
        }

        let escapedRoot = HTML.escape(root)
        var output = document.tree()
        // The blocks are changed in a list of their own and given back once: each change through
        // `output.children` would measure every block again (`MarkdownNode.plainLength`), which
        // grows with the square of the paragraphs.
        var blocks = output.children
        output.children = []
        for paragraph in document.paragraphs {
            // Both in paragraph order: this paragraph's places come next in the list.
            let firstMention = nextMention
            while nextMention < mentions.endIndex && mentions[nextMention].paragraph == paragraph.number { nextMention += 1 }
            var wraps = mentionWraps(mentions[firstMention..<nextMention], paragraph: paragraph.number, escapedRoot: escapedRoot)
            // Editorial corrections are shown as insertions.
            for range in corrections[paragraph.number] ?? [] {
                wraps.append(InlineWrap(range: range) { _ in
                    ("<ins class=\"correction\" title=\"Editorial correction\">", "</ins>")
                })
            }
            let here = annotations[paragraph.number] ?? []
            wraps += highlightWraps(here)
            // Read before this paragraph's block is replaced below.
            let block = blocks[paragraph.blockIndex].wrapping(wraps)
            let notes = here.map { item in
                templates.render("note", NoteModel(
                    name: item.name.raw, number: item.number, kind: item.kind.rawValue,
                    kindLabel: item.kind.label, bodyHTML: item.note?.html ?? ""))
            }.joined()
            let events = (citingEvents[paragraph.number] ?? []).map { event in
                "<a href=\"\(HTML.escape(root + Paths.event(event.id)))\">\(HTML.escape(event.title))</a>"
            }
            var aside = ""
            if !notes.isEmpty || !events.isEmpty {
                aside = "<div class=\"notes\">" + notes
                if !events.isEmpty { aside += "<p class=\"para-events\">Timeline: " + events.joined(separator: "; ") + "</p>" }
                aside += "</div>"
            }
            let n = paragraph.number
            blocks[paragraph.blockIndex] = MarkdownNode(
                .customBlock(enter: "<div class=\"para\" id=\"p\(n)\"><a class=\"pnum\" href=\"#p\(n)\" aria-label=\"Paragraph \(n), permalink\">\(n)</a><div class=\"ptext\">",
                             exit: "</div>\(aside)</div>"),
                children: [block])
        }
        output.children = blocks
        return Cmark.renderHTML(output)
    }

    /// Links on the first mention of each actor and term in a paragraph, never two links on one
    /// span. An actor's first mention carries the id its page links to (`Paths.mentionID`): on its
    /// link, or on a span of its own where another link holds its words.
    private func mentionWraps(_ places: ArraySlice<MentionPlace>, paragraph: Int, escapedRoot: String) -> [InlineWrap] {
        let matches = places.map { (range: $0.range, target: $0.target, order: marks.mentionLinks[Int($0.target)].order) }
            .sorted { ($0.range.lowerBound, -$0.range.count, $0.order) < ($1.range.lowerBound, -$1.range.count, $1.order) }
        var wraps: [InlineWrap] = []
        var linked: Set<Int32> = []
        var taken: [Range<Int>] = []
        for match in matches where !linked.contains(match.target) && !taken.contains(where: { $0.overlaps(match.range) }) {
            linked.insert(match.target)
            taken.append(match.range)
            var enter = marks.mentionLinks[Int(match.target)].enter(root: root, escapedRoot: escapedRoot)
            // The link's markup opens with "<a".
            if let id = mentionID(match.target, paragraph) { enter = "<a id=\"\(id)\"" + enter.dropFirst(2) }
            wraps.append(InlineWrap(range: match.range) { [enter] _ in (enter, "</a>") })
        }
        for match in matches where linked.insert(match.target).inserted {
            guard let id = mentionID(match.target, paragraph) else { continue }
            wraps.append(InlineWrap(range: match.range) { piece in (piece == 0 ? "<span id=\"\(id)\">" : "<span>", "</span>") })
        }
        return wraps
    }

    /// A paragraph's highlights, outermost first so that nested ones sit inside, each followed by
    /// its note's number.
    private func highlightWraps(_ annotations: [PlacedAnnotation]) -> [InlineWrap] {
        annotations.sorted { ($0.anchor.range.lowerBound, -$0.anchor.range.upperBound) < ($1.anchor.range.lowerBound, -$1.anchor.range.upperBound) }
            .map { item in
                let name = HTML.escape(item.name.raw)
                let kind = item.kind.rawValue
                let number = item.number
                let ref = "<a class=\"note-ref\" href=\"#n-\(name)\" aria-label=\"Note \(number)\">\(number)</a>"
                return InlineWrap(range: item.anchor.range, trailer: ref) { piece in
                    ("<mark\(piece == 0 ? " id=\"a-\(name)\"" : "") class=\"hl hl-\(kind)\" data-note=\"\(name)\">", "</mark>")
                }
            }
    }
}
