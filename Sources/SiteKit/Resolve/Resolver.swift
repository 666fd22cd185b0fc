/// Checks every reference in the corpus and works out anchors, mentions, relations and
/// cross-links: a build's middle phase, as named passes, each in a file of its own under
/// `Resolve/`, each taking values and giving values and diagnostics back. What a pass is handed
/// to consume is let go of when that pass returns; the site keeps what the renderers need.
public enum Resolver {
    public static func resolve(_ corpus: consuming Corpus) -> (ResolvedSite, [Diagnostic]) {
        var log = DiagnosticLog()
        let site = corpus.site, texts = corpus.texts, actors = corpus.actors, events = corpus.events, terms = corpus.terms
        let quotations = QuotationCheck(ProseQuotations.all(in: corpus))
        let (sources, annotations, unloaded) = (corpus.sources, corpus.annotations, corpus.unloaded)
        _ = consume corpus

        let targets = MentionTargets(actors: actors, terms: terms, log: &log)
        let (documents, anchors, mentions, correctionPlaces) = ScanSources.scan(
            consume sources, annotations: annotations, targets: targets, quotations: quotations, texts: texts, log: &log)
        let links = CrossLinks(actors: Dictionary(uniqueKeysWithValues: actors.map { ($0.id, $0) }),
                               terms: Dictionary(uniqueKeysWithValues: terms.map { ($0.id, $0) }),
                               events: Dictionary(uniqueKeysWithValues: events.map { ($0.id, $0) }),
                               documents: Dictionary(uniqueKeysWithValues: documents.map { ($0.source.id, $0) }),
                               unloaded: unloaded)
        // Gathered beside the passes up to the relations, which do not need it, and some of
        // which run on one core.
        let gathering = Later { GatherMentions.gather(mentions, documents: documents, targets: targets, texts: texts) }
        let referenced = CheckReferences.check(annotations: annotations, events: events, terms: terms, eras: site.eras,
                                               timeline: site, in: links, log: &log)
        let bodies = RenderBodies.render(annotations: annotations, pages: actors.map(\.body) + events.map(\.body) + terms.map(\.body),
                                         links: links, texts: texts, log: &log)
        let placed = PlaceAnnotations.place(consume annotations, anchors: consume anchors, notes: bodies.notes, in: links, log: &log)
        let relations = BuildRelations.build(placed, in: links)
        let gathered = gathering.value
        Warnings.report(actors: actors, terms: terms, events: events, mentions: gathered,
                        referenced: referenced.union(bodies.linked), log: &log)

        let resolved = ResolvedSite(
            site: site, documents: documents, annotations: placed,
            actors: actors.sorted { ($0.name, $0.id) < ($1.name, $1.id) },
            actorMentions: gathered.actorMentions, termUses: gathered.termUses, mentionPlaces: gathered.places,
            mentionTargets: targets.all, relations: relations,
            events: events.sorted { ($0.date, $0.id) < ($1.date, $1.id) },
            terms: terms.sorted { ($0.term.lowercased(), $0.id) < ($1.term.lowercased(), $1.id) },
            bodies: bodies.parsed, bodyLinks: bodies.links, correctionPlaces: correctionPlaces,
            excerptBook: gathered.excerptBook, texts: texts)
        // A tree that could not be read back was scanned as an empty text.
        if let failure = texts.readFailure { log.report(failure.diagnostic) }
        return (resolved, log.all)
    }
}
