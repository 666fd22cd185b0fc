/// The comparison page of one characterised pair (`Paths.pair`): for each source that
/// characterises the tie, oldest first, what it calls it, the passage that says so and the
/// editors' note on it.
struct PairPageRenderer {
    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates

    /// Where each pair's section for one source starts on its page.
    static func sourceFragment(_ id: SourceID) -> String { "#s-\(id.raw)" }

    /// The pair's names as headings and link texts give them, in the order of the page's path.
    static func title(_ pair: ActorPair, links: CrossLinks) -> String {
        let (a, b) = ordered(pair)
        let title = "\(links.actors[a]!.nameInText) and \(links.actors[b]!.nameInText)"
        return title.prefix(1).uppercased() + title.dropFirst()
    }

    /// `sources` are the pair's characterisations by source, in the order of the site's documents
    /// (`TiedPairs.sources`).
    func html(_ pair: ActorPair, sources: [(document: SourceDocument, edges: [RelationEdge])]) -> PageContent {
        let root = Paths.root(of: Paths.pair(pair.first, pair.second))
        let wording = TieWording(links: links)
        let (a, b) = Self.ordered(pair)
        let sources = sources.map { document, sourceEdges -> PairSourceModel in
            let placed = site.annotations[document.source.id] ?? []
            let passages = sourceEdges.map { edge -> PairPassageModel in
                let item = placed.first { $0.name == edge.annotationName }!
                return PairPassageModel(category: wording.label(edge), categoryHref: root + Paths.term(edge.category),
                                        quote: item.quote, paragraph: edge.passage.paragraph,
                                        passageHref: root + Paths.paragraph(edge.passage),
                                        annotationHref: root + Paths.annotation(edge.passage.source, edge.annotationName),
                                        noteHTML: item.note?.html ?? "")
            }
            return PairSourceModel(id: String(Self.sourceFragment(document.source.id).dropFirst()), title: document.source.title,
                                   href: root + Paths.source(document.source.id), date: document.source.date.display, passages: passages)
        }
        let count = sources.reduce(0) { $0 + $1.passages.count }
        let summary = "\(count == 1 ? "One characterisation" : "\(count) characterisations") in "
            + "\(sources.count == 1 ? "one source" : "\(sources.count) sources"), oldest source first."
        return PageContent(template: "pair", model: PairPageModel(
            title: Self.title(pair, links: links), firstName: links.actors[a]!.name, firstHref: root + Paths.actor(a),
            secondName: links.actors[b]!.name, secondHref: root + Paths.actor(b),
            summary: summary, relationsHref: root + Paths.relations, sources: sources))
    }

    private static func ordered(_ pair: ActorPair) -> (ActorID, ActorID) {
        pair.first.raw <= pair.second.raw ? (pair.first, pair.second) : (pair.second, pair.first)
    }
}
