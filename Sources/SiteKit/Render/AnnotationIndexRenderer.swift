/// `annotations/index.html`: every annotation of every source, in reading order of the sources,
/// with what its filters (`?kind=`, `?source=`, `?actor=`, `?term=`) match. The page lists them
/// all; `templates/assets/filters.js` hides those a filter leaves out.
///
/// A class, so that each source's group holds one reference to it, not a copy of the site.
final class AnnotationIndexRenderer {
    /// The longest quote excerpt, in words.
    static let excerptWords = 30

    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates
    /// Links from the index's folder.
    private let root = Paths.root(of: Paths.annotations)

    init(site: ResolvedSite, links: CrossLinks, templates: Templates) {
        self.site = site
        self.links = links
        self.templates = templates
    }

    func html() -> PageContent {
        var actorsUsed: Set<ActorID> = [], termsUsed: Set<TermID> = [], kindsUsed: Set<NoteKind> = []
        var count = 0
        var groups: [AnnotationGroupModel] = []
        for document in site.documents {
            let placed = site.annotations[document.source.id] ?? []
            guard !placed.isEmpty else { continue }
            for item in placed {
                actorsUsed.formUnion(actors(of: item))
                termsUsed.formUnion(terms(of: item))
                kindsUsed.insert(item.kind)
            }
            count += placed.count
            // Each group's items are made as the template reaches them, so that a big site's
            // index holds one source's items at a time beside the page, not all of them.
            let (id, title) = (document.source.id, document.source.title)
            groups.append(AnnotationGroupModel(id: "s-\(id.raw)", title: title, href: root + Paths.source(id), date: document.source.date.display) { [self] in
                placed.map { item(of: $0, sourceTitle: title) }
            })
        }
        let byLabel = { (a: FilterOptionModel, b: FilterOptionModel) in a.label < b.label }
        return PageContent(template: "annotations", model: AnnotationIndexModel(
            count: count, groups: groups,
            kindOptions: NoteKind.allCases.filter(kindsUsed.contains).map { FilterOptionModel(id: $0.rawValue, label: $0.label) },
            sourceOptions: site.documents.map { FilterOptionModel(id: $0.source.id.raw, label: "\($0.source.title) (\($0.source.date.year))") },
            actorOptions: actorsUsed.map { FilterOptionModel(id: $0.raw, label: links.actors[$0]!.name) }.sorted(by: byLabel),
            termOptions: termsUsed.map { FilterOptionModel(id: $0.raw, label: links.terms[$0]!.term) }.sorted(by: byLabel)))
    }

    private func item(of placed: PlacedAnnotation, sourceTitle: String) -> AnnotationIndexItem {
        let actors = actors(of: placed), terms = terms(of: placed)
        return AnnotationIndexItem(
            href: root + Paths.annotation(placed.source, placed.name), source: sourceTitle, sourceID: placed.source.raw,
            paragraph: placed.anchor.paragraph, kind: placed.kind.rawValue, kindLabel: placed.kind.label,
            quote: PreviewText.firstWords(of: placed.quote, count: Self.excerptWords),
            actors: actors.map { LinkModel(label: links.actors[$0]!.name, href: root + Paths.actor($0)) },
            terms: terms.map { LinkModel(label: links.terms[$0]!.term, href: root + Paths.term($0)) },
            actorIDs: actors.map(\.raw).joined(separator: " "), termIDs: terms.map(\.raw).joined(separator: " "))
    }

    /// The actors an annotation names or relates, those with a page.
    private func actors(of annotation: PlacedAnnotation) -> [ActorID] { annotation.actorsNamed.filter { links.actors[$0] != nil } }

    /// The terms an annotation names or characterises a relation by, those with a page.
    private func terms(of annotation: PlacedAnnotation) -> [TermID] { annotation.termsNamed.filter { links.terms[$0] != nil } }
}
