/// The glossary page: terms by family, each with where and for whom it is used; and a page of
/// its own for each term used more often than the glossary lists.
struct GlossaryRenderer {
    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates

    /// Uses the glossary lists per term. A big corpus uses a term thousands of times: listing
    /// them all made the glossary one page of tens of megabytes.
    static let usesListed = 20

    /// Terms that get a page of their own.
    var termsWithOwnPage: [Term] { site.terms.filter { (site.termUses[$0.id]?.count ?? 0) > Self.usesListed } }

    func termPageHTML(_ term: Term) -> PageContent {
        let root = Paths.root(of: Paths.termUses(term.id))
        let uses = site.termUses[term.id]?.elements ?? []
        return PageContent(template: "term", model: TermPageModel(term: term.term, definitionHTML: definitionHTML(term, root: root),
                                                      glossaryHref: root + Paths.term(term.id), useCount: uses.count,
                                                      uses: useModels(of: term, uses[...], root: root)))
    }

    /// `uses` are the term's first uses, or all.
    private func useModels(of term: Term, _ uses: ArraySlice<Occurrence>, root: String) -> [TermUseModel] {
        let excerpts = site.excerpts(of: .term(term.id), uses)
        // Uses are in reading order, so each source's uses form one run, as on actor pages.
        return site.runs(of: uses).flatMap { document, run in
            let sourceHref = root + Paths.source(document.source.id)
            return run.indices.map { index in
                TermUseModel(source: document.source.title, paragraph: run[index].paragraph,
                             href: sourceHref + Paths.paragraphFragment(run[index].paragraph), excerpt: excerpts[index - uses.startIndex])
            }
        }
    }

    private func definitionHTML(_ term: Term, root: String) -> String {
        site.bodies[term.file].map { Cmark.renderHTML(links.rewrite($0, root: root)) } ?? ""
    }

    func html() -> PageContent {
        let root = Paths.root(of: Paths.glossary)
        // What each term lists, gathered in one pass rather than one pass per term.
        var annotationsByTerm: [TermID: [ActorAnnotationModel]] = [:]
        for document in site.documents {
            for item in site.annotations[document.source.id] ?? [] {
                for term in item.termsNamed {
                    annotationsByTerm[term, default: []].append(
                        ActorAnnotationModel(source: document.source.title, quote: item.quote,
                                             href: root + Paths.annotation(item.source, item.name),
                                             kindLabel: item.kind.label, noteHTML: ""))
                }
            }
        }
        let relationsByTerm = Dictionary(grouping: site.relations, by: \.category)
        let families = TermFamily.allCases.compactMap { family -> TermFamilyModel? in
            let terms = site.terms.filter { $0.family == family }
            guard !terms.isEmpty else { return nil }
            return TermFamilyModel(label: family.label, terms: terms.map { term in
                let uses = site.termUses[term.id]
                let useCount = uses?.count ?? 0
                let listed = uses?.prefix(Self.usesListed) ?? []
                let annotations = annotationsByTerm[term.id] ?? []
                let pairs = (relationsByTerm[term.id] ?? []).map { edge in
                    TermPairModel(pair: edge.roleHolder == nil ? "\(links.actors[edge.actors.0]!.name) – \(links.actors[edge.actors.1]!.name)" : TieWording(links: links).label(edge),
                                  source: site.document(edge.passage.source)!.source.title,
                                  year: String(site.document(edge.passage.source)!.source.date.year),
                                  href: root + Paths.annotation(edge.passage.source, edge.annotationName))
                }
                return TermModel(
                    id: term.id.raw, term: term.term, aliases: term.aliases.map(\.value).joined(separator: ", "),
                    definitionHTML: definitionHTML(term, root: root),
                    seeAlso: term.seeAlso.compactMap { ref in links.terms[TermID(ref.value)].map { LinkModel(label: $0.term, href: "#" + $0.id.raw) } },
                    uses: useModels(of: term, listed[...], root: root), useCount: useCount,
                    allUsesHref: useCount > Self.usesListed ? root + Paths.termUses(term.id) : nil,
                    annotations: annotations, pairs: pairs)
            })
        }
        return PageContent(template: "glossary", model: GlossaryModel(families: families))
    }
}
