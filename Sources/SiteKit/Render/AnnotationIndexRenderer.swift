/// `annotations/index.html`: every annotation of every source, in reading order of the sources,
/// with what its filters (`?kind=`, `?source=`, `?actor=`, `?term=`) match. The page lists them
/// all; `templates/assets/filters.js` hides those a filter leaves out.
struct AnnotationIndexRenderer {
    /// The longest quote excerpt, in words.
    static let excerptWords = 30

    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates

    func html() -> String {
        let root = Paths.root(of: Paths.annotations)
        var actorsUsed: Set<ActorID> = [], termsUsed: Set<TermID> = [], kindsUsed: Set<NoteKind> = []
        var groups: [AnnotationGroupModel] = []
        for document in site.documents {
            var items: [AnnotationIndexItem] = []
            for item in site.annotations[document.source.id] ?? [] {
                let annotation = item.annotation
                let actors = unique(annotation.actors.map(\.value) + (annotation.relation?.between.map(\.value) ?? [])).map(ActorID.init)
                    .filter { links.actors[$0] != nil }
                let terms = unique(annotation.terms.map(\.value) + [annotation.relation?.category.value].compactMap { $0 }).map(TermID.init)
                    .filter { links.terms[$0] != nil }
                actorsUsed.formUnion(actors)
                termsUsed.formUnion(terms)
                kindsUsed.insert(annotation.kind)
                items.append(AnnotationIndexItem(
                    href: root + Paths.annotation(item.source, annotation.name), source: document.source.title, sourceID: document.source.id.raw,
                    paragraph: item.anchor.paragraph, kind: annotation.kind.rawValue, kindLabel: annotation.kind.label,
                    quote: PreviewText.firstWords(of: annotation.quote.value, count: Self.excerptWords),
                    actors: actors.map { LinkModel(label: links.actors[$0]!.name, href: root + Paths.actor($0)) },
                    terms: terms.map { LinkModel(label: links.terms[$0]!.term, href: root + Paths.term($0)) },
                    actorIDs: actors.map(\.raw).joined(separator: " "), termIDs: terms.map(\.raw).joined(separator: " ")))
            }
            if !items.isEmpty {
                groups.append(AnnotationGroupModel(id: "s-\(document.source.id.raw)", title: document.source.title,
                                                   href: root + Paths.source(document.source.id), date: document.source.date.display, items: items))
            }
        }
        let byLabel = { (a: FilterOptionModel, b: FilterOptionModel) in a.label < b.label }
        return templates.render("annotations", AnnotationIndexModel(
            count: groups.reduce(0) { $0 + $1.items.count }, groups: groups,
            kindOptions: NoteKind.allCases.filter(kindsUsed.contains).map { FilterOptionModel(id: $0.rawValue, label: $0.label) },
            sourceOptions: site.documents.map { FilterOptionModel(id: $0.source.id.raw, label: "\($0.source.title) (\($0.source.date.year))") },
            actorOptions: actorsUsed.map { FilterOptionModel(id: $0.raw, label: links.actors[$0]!.name) }.sorted(by: byLabel),
            termOptions: termsUsed.map { FilterOptionModel(id: $0.raw, label: links.terms[$0]!.term) }.sorted(by: byLabel)))
    }

    private func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
