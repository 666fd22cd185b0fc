/// The first pass: each source's text, from the tree the loader kept, numbered into paragraphs
/// and searched once, on every core, for its annotations' quotes, its corrections, the aliases
/// of every actor and term, and the quotations in the editors' prose.
enum ScanSources {
    /// Every actor and term one source names, in paragraph order (each paragraph's actors, then
    /// its terms), with the excerpt around each.
    struct Mentions {
        var places: [MentionPlace]
        var excerpts: [Excerpt]
    }

    /// What one source's text says, found in one pass over it.
    private struct Findings {
        var document: SourceDocument
        var anchors: [(annotation: Int, anchor: Result<Anchor, Diagnostic>)]
        var corrections: [[TextPlace]]
        var mentions: Mentions
        /// Whether the source holds each quotation of the editors' prose.
        var quotations: [Bool]
    }

    /// What the sources hold, as separate values so that each is let go of after its last use:
    /// the documents, oldest first; each annotation's anchor, by its index in the corpus (nil if
    /// it names no source); for each document, in the same order, every actor and term it names;
    /// for each source with corrections, where each correction's corrected text stands.
    static func scan(_ sources: consuming [Source], annotations: [Annotation], targets: MentionTargets, quotations: QuotationCheck,
                     texts: TextStore, log: inout DiagnosticLog)
        -> (documents: [SourceDocument], anchors: [Result<Anchor, Diagnostic>?], mentions: [Mentions], correctionPlaces: [SourceID: [[TextPlace]]]) {
        let annotationsBySource = Dictionary(grouping: annotations.indices) { SourceID(annotations[$0].source.value) }
        let oldestFirst = sources.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let findings = oldestFirst.parallelMap { source in
            scan(source, annotations: (annotationsBySource[source.id] ?? []).map { ($0, annotations[$0]) },
                 targets: targets, quotations: quotations, texts: texts)
        }
        let missing = quotations.missing(findings.map(\.quotations))
        if !missing.isEmpty {
            // Only for quotations no source holds: the text of each source they cite (of every
            // source, for one that cites none) is read again from its stored tree for the
            // closest-passage search.
            let cited = Set(missing.flatMap { quotations.quotations[$0].cited })
            let citingNone = missing.contains { quotations.quotations[$0].cited.isEmpty }
            let texts = findings.filter { citingNone || cited.contains($0.document.source.id) }.parallelMap { $0.document.text() }
            for index in missing { log.report(quotations.warning(index, closest: texts.compactMap { quotations.closest(index, in: $0) })) }
        }
        var anchors = [Result<Anchor, Diagnostic>?](repeating: nil, count: annotations.count)
        var correctionPlaces: [SourceID: [[TextPlace]]] = [:]
        for found in findings {
            for (index, anchor) in found.anchors { anchors[index] = anchor }
            let source = found.document.source
            for (correction, places) in zip(source.corrections, found.corrections) where places.isEmpty {
                log.error(correction.corrected.location, "corrected text '\(correction.corrected.value)' does not occur in the source text")
            }
            if !found.corrections.isEmpty { correctionPlaces[source.id] = found.corrections }
        }
        return (findings.map(\.document), anchors, findings.map(\.mentions), correctionPlaces)
    }

    /// One source read as a document and searched.
    private static func scan(_ source: Source, annotations: [(Int, Annotation)], targets: MentionTargets, quotations: QuotationCheck,
                             texts: TextStore) -> Findings {
        let (document, text) = SourceDocument.read(source, store: texts)
        let perParagraph = text.paragraphs.map(targets.places(in:))
        // Made at their final size: a build keeps every source's places until its pages are written.
        var places: [MentionPlace] = []
        places.reserveCapacity(perParagraph.reduce(0) { $0 + $1.count })
        for list in perParagraph { places += list }
        let excerpts = places.map { SourceText.excerpt(text.paragraphs[$0.paragraph - 1], around: $0.range) }
        return Findings(
            document: document,
            anchors: annotations.map { index, annotation in
                (index, QuoteAnchor.anchor(quote: annotation.quote, prefix: annotation.prefix, suffix: annotation.suffix, in: text))
            },
            corrections: source.corrections.map { text.occurrences(of: $0.corrected.value) },
            mentions: Mentions(places: places, excerpts: excerpts),
            quotations: quotations.found(in: text))
    }
}
