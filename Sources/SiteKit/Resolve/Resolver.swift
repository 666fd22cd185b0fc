/// Checks every reference in the corpus and works out anchors, mentions, relations and
/// cross-links. Pure but for keeping the sources' text in a `TextStore`: values in, values and
/// diagnostics out.
public enum Resolver {
    /// A corpus passed as the only copy is freed as it is used: its annotations once placed.
    public static func resolve(_ corpus: consuming Corpus, texts: TextStore = .scratch()) -> (ResolvedSite, [Diagnostic]) {
        var log = DiagnosticLog()
        let site = corpus.site

        // Each source is read from its file again (`Corpus.bodyReader`) and parsed once here: its
        // tree gives the paragraphs and, folded, serves its quotes, its corrections and the
        // mentions in it; only the paragraphs' numbers and text are kept.
        // Each alias is matched to its target's number in `targets`: actors, then terms.
        let targets: [LinkTarget] = corpus.actors.map { .actor($0.id) } + corpus.terms.map { .term($0.id) }
        let actorMatcher = aliasMatcher(corpus.actors.map { ($0.id, $0.aliases) }, firstNumber: 0, what: "actor", log: &log)
        let termMatcher = aliasMatcher(corpus.terms.map { ($0.id, $0.aliases) }, firstNumber: corpus.actors.count, what: "term", log: &log)
        let annotationsBySource = Dictionary(grouping: corpus.annotations.indices) { SourceID(corpus.annotations[$0].source.value) }
        let quotationCheck = QuotationCheck(ProseQuotations.all(in: corpus))
        let parsed = corpus.sources.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.parallelMap { source -> Result<(SourceDocument, SourceFindings), Diagnostic> in
            let document: SourceDocument, text: SourceText
            switch SourceDocument.read(source, reader: corpus.bodyReader, store: texts) {
            case .success(let read): (document, text) = read
            case .failure(let diagnostic): return .failure(diagnostic)
            }
            let annotations = annotationsBySource[document.source.id] ?? []
            let matches = text.paragraphs.map { paragraph in
                let starts = WordStarts(paragraph.text.scalars)
                return (actorMatcher.matches(in: paragraph.text.scalars, from: starts), termMatcher.matches(in: paragraph.text.scalars, from: starts))
            }
            // Made at their final size: a big build keeps its million places through rendering.
            let count = matches.reduce(0) { $0 + $1.0.count + $1.1.count }
            var places: [MentionPlace] = [], excerpts: [Excerpt] = []
            places.reserveCapacity(count)
            excerpts.reserveCapacity(count)
            for (paragraph, (actors, terms)) in zip(text.paragraphs, matches) {
                for match in [actors, terms].joined() {
                    let range = paragraph.text.originalRange(match.range)
                    places.append(MentionPlace(paragraph: paragraph.number, range: range, target: match.payload))
                    excerpts.append(SourceText.excerpt(paragraph, around: range))
                }
            }
            return .success((document, SourceFindings(
                anchors: annotations.map { index in
                    let annotation = corpus.annotations[index]
                    return (index, QuoteAnchor.anchor(quote: annotation.quote, prefix: annotation.prefix, suffix: annotation.suffix, in: text))
                },
                corrections: document.source.corrections.map { text.occurrences(of: $0.corrected.value) },
                places: places, excerpts: excerpts, quotations: quotationCheck.search(text))))
        }
        // Each document holds its source; the corpus's list was 4 MB more at 10,000 sources.
        corpus.sources = []
        var read: [(SourceDocument, SourceFindings)] = []
        for result in parsed {
            switch result {
            case .success(let pair): read.append(pair)
            case .failure(let diagnostic): log.report(diagnostic)
            }
        }
        let documents = read.map(\.0)
        var findings = read.map(\.1)
        read = []
        let documentIndex = Dictionary(uniqueKeysWithValues: documents.map { ($0.source.id, $0) })
        let actorIndex = Dictionary(uniqueKeysWithValues: corpus.actors.map { ($0.id, $0) })
        let termIndex = Dictionary(uniqueKeysWithValues: corpus.terms.map { ($0.id, $0) })
        let eventIndex = Dictionary(uniqueKeysWithValues: corpus.events.map { ($0.id, $0) })
        let links = CrossLinks(actors: actorIndex, terms: termIndex, events: eventIndex, documents: documentIndex, unloaded: corpus.unloaded)
        var references = ReferenceChecker(actors: actorIndex, terms: termIndex, events: eventIndex, documents: documentIndex,
                                          unloaded: corpus.unloaded)

        log.append(contentsOf: quotationCheck.diagnostics(findings.map(\.quotations)))
        var correctionPlaces: [SourceID: [[TextPlace]]] = [:]
        for (document, found) in zip(documents, findings) {
            for (correction, places) in zip(document.source.corrections, found.corrections) where places.isEmpty {
                log.error(correction.corrected.location, "corrected text '\(correction.corrected.value)' does not occur in the source text")
            }
            if !found.corrections.isEmpty { correctionPlaces[document.source.id] = found.corrections }
        }

        // Annotations: check each one's references and place it where its quote was found.
        var placed: [SourceID: [PlacedAnnotation]] = .init(minimumCapacity: annotationsBySource.count)
        // A source's list is made, at its final size, when its first annotation is placed: grown
        // by doubling, five annotations took room for eight.
        func newList(for source: SourceID) -> [PlacedAnnotation] {
            var list: [PlacedAnnotation] = []
            list.reserveCapacity(annotationsBySource[source]?.count ?? 1)
            return list
        }
        // The bodies, taken now: the annotations are let go of once placed.
        var allBodies = corpus.annotations.map { ($0.body, true) } + (corpus.actors.map(\.body) + corpus.events.map(\.body) + corpus.terms.map(\.body)).map { ($0, false) }
        let noteCount = corpus.annotations.count
        var anchors = [Result<Anchor, Diagnostic>?](repeating: nil, count: corpus.annotations.count)
        for (index, anchor) in findings.lazy.flatMap(\.anchors) { anchors[index] = anchor }
        for (annotation, anchor) in zip(corpus.annotations, anchors) {
            references.actors(annotation.actors, log: &log)
            references.terms(annotation.terms, log: &log)
            references.events(annotation.events, log: &log)
            if let relation = annotation.relation {
                references.actors(relation.between, log: &log)
                references.terms([relation.category], log: &log)
                if relation.between.count == 2, relation.between[0].value == relation.between[1].value {
                    log.error(relation.between[1].location, "a relation needs two different actors")
                }
                if let holder = relation.roleOf, !relation.between.contains(where: { $0.value == holder.value }) {
                    log.error(holder.location, "'role_of' must name one of 'between' (\(relation.between.map { "'\($0.value)'" }.joined(separator: " or "))), not '\(holder.value)'")
                }
            }
            let sourceID = SourceID(annotation.source.value)
            guard let anchor else {
                if corpus.unloaded.sources.contains(annotation.source.value) { continue }
                log.error(annotation.source.location,
                          "annotation folder '\(annotation.source.value)' names no source; it must be a source id"
                            + (Suggestion.closest(to: annotation.source.value, in: documentIndex.keys.map(\.raw)).map { "; did you mean '\($0)'?" } ?? ""))
                continue
            }
            switch anchor {
            case .success(let anchor):
                placed[sourceID, default: newList(for: sourceID)].append(PlacedAnnotation(annotation: annotation, source: sourceID, anchor: anchor, number: 0, note: nil))
            case .failure(let diagnostic):
                log.report(diagnostic)
            }
            if annotation.body.markdown.isBlank {
                log.warning(SourceLocation(file: annotation.file, line: 1, column: 1), "annotation has no note; write what the reader should know below the front matter")
            }
        }
        // Each placed annotation holds its own copy; the corpus's list was 17 MB at 10,000 sources.
        corpus.annotations = []
        anchors = []
        // Sorted and numbered in place: new lists, beside the old, were 20 MB at 10,000 sources.
        // (The keys are copied out first: a view of them would share the dictionary and make
        // every list below be copied before it is sorted.)
        for source in Array(placed.keys) {
            placed[source]!.sort {
                ($0.anchor.paragraph, $0.anchor.range.lowerBound, -$0.anchor.range.upperBound, $0.annotation.name)
                    < ($1.anchor.paragraph, $1.anchor.range.lowerBound, -$1.anchor.range.upperBound, $1.annotation.name)
            }
            for index in placed[source]!.indices { placed[source]![index].number = index + 1 }
        }

        // Events: range, references.
        for event in corpus.events {
            references.actors(event.actors, log: &log)
            references.terms(event.terms, log: &log)
            references.passages(event.passages, log: &log)
            let location = SourceLocation(file: event.file, line: 1, column: 1)
            if event.date.firstDay < site.timelineStart.firstDay || (event.end ?? event.date).lastDay > site.timelineEnd.lastDay {
                log.error(location, "event '\(event.id.raw)' (\(event.date)) lies outside the timeline range \(site.timelineStart) to \(site.timelineEnd) set in site.yml")
            }
        }
        for term in corpus.terms { references.terms(term.seeAlso, log: &log) }
        for era in site.eras { references.passages(era.passages, log: &log) }

        // Mentions of actors and uses of terms, in reading order, gathered on one core each.
        let actorNumbers = 0..<corpus.actors.count, termNumbers = corpus.actors.count..<targets.count
        let (actorLists, termLists) = gather(findings, actors: actorNumbers, terms: termNumbers)
        var mentionPlaces: [SourceID: [MentionPlace]] = [:]
        for (document, found) in zip(documents, findings) where !found.places.isEmpty {
            mentionPlaces[document.source.id] = found.places
        }
        // The book is made beside the rest, which needs none of it: its sorting of excerpts into
        // pieces runs on one core, and the annotations are placed on one core too.
        let found = findings.map { ($0.places, $0.excerpts) }, targetCount = targets.count
        let excerptBook = Later { ExcerptBook.make(documents: documents, found: found, targetCount: targetCount, store: texts) }
        // What was found is now held by the lists; the excerpts were 12 MB more at 10,000 sources.
        findings = []
        var actorMentions: [ActorID: [Occurrence]] = [:], termUses: [TermID: [Occurrence]] = [:]
        for (actor, list) in zip(corpus.actors, actorLists) where !list.isEmpty { actorMentions[actor.id] = list }
        for (term, list) in zip(corpus.terms, termLists) where !list.isEmpty { termUses[term.id] = list }

        // Relations.
        var relations: [RelationEdge] = []
        for (source, list) in placed {
            for item in list {
                guard let relation = item.annotation.relation, relation.between.count == 2 else { continue }
                let a = ActorID(relation.between[0].value), b = ActorID(relation.between[1].value)
                let category = TermID(relation.category.value)
                guard actorIndex[a] != nil, actorIndex[b] != nil, termIndex[category] != nil, a != b else { continue }
                let holder = relation.roleOf.map { ActorID($0.value) }
                if let holder, holder != a, holder != b { continue }
                relations.append(RelationEdge(actors: a < b ? (a, b) : (b, a), category: category, roleHolder: holder,
                                              passage: PassageRef(source: source, paragraph: item.anchor.paragraph), annotationName: item.annotation.name))
            }
        }
        // By actors, date and passage, on keys worked out once per edge, with each id replaced by
        // its rank in id order: comparing the ids and looking up dates in every comparison made
        // sorting 10,000 edges take 0.14 s on one core.
        let actorRank = Dictionary(uniqueKeysWithValues: actorIndex.keys.sorted().enumerated().map { ($1, $0) })
        let sourceRank = Dictionary(uniqueKeysWithValues: documentIndex.keys.sorted().enumerated().map { ($1, $0) })
        let keys = relations.map { edge in
            (actorRank[edge.actors.0]!, actorRank[edge.actors.1]!, documentIndex[edge.passage.source]!.source.date,
             sourceRank[edge.passage.source]!, edge.passage.paragraph)
        }
        relations = relations.indices.sorted { keys[$0] < keys[$1] }.map { relations[$0] }

        // Bodies: parse once, check cross-links, on every core; diagnostics are sorted in the end.
        // Notes are rendered here, once, and only their HTML and text kept (`RenderedNote`).
        // A placed annotation's note is kept rendered (`PlacedAnnotation.note`), not as Markdown:
        // let go of here, once each body is rendered below, it was 8 MB at 10,000 sources.
        for source in Array(placed.keys) {
            for index in placed[source]!.indices { placed[source]![index].annotation.body.markdown = "" }
        }
        let checkedBodies = allBodies.parallelMap { body, isNote in
            let parsed = Cmark.parse(body.markdown)
            var bodyLog = DiagnosticLog()
            let targets = links.check(parsed, body: body, log: &bodyLog)
            // A note's text, as its HTML, shows links written with empty text as their targets' names.
            let rewritten = isNote ? links.rewrite(parsed, root: Paths.notePagesRoot) : parsed
            let content: CheckedBody = isNote
                ? .note(RenderedNote(html: Cmark.renderHTML(rewritten), text: rewritten.plainText.collapsingSpaces,
                                     file: body.file, store: texts))
                : .parsed(parsed)
            return (content, targets, bodyLog.all)
        }
        let bodyFiles = allBodies.map { body, _ in body.file }
        allBodies = []
        var bodies: [String: MarkdownNode] = .init(minimumCapacity: bodyFiles.count - noteCount)
        var notes: [String: RenderedNote] = .init(minimumCapacity: noteCount)
        // Only bodies with pages of their own show backlinks; what notes link to counts as referenced.
        var bodyLinks: [String: [LinkTarget]] = .init(minimumCapacity: bodyFiles.count - noteCount)
        var linkedFromNotes: Set<LinkTarget> = []
        for (file, (content, targets, diagnostics)) in zip(bodyFiles, checkedBodies) {
            switch content {
            case .parsed(let parsed):
                bodies[file] = parsed
                bodyLinks[file] = targets
            case .note(let note):
                notes[file] = note
                linkedFromNotes.formUnion(targets)
            }
            log.append(contentsOf: diagnostics)
        }
        // Each placed annotation keeps its note (a dictionary of the notes by file was 5 MB at
        // 10,000 sources).
        for source in Array(placed.keys) {
            for index in placed[source]!.indices { placed[source]![index].note = notes[placed[source]![index].annotation.file] }
        }

        // Warnings for content nobody reaches.
        let linked = Array(bodyLinks.values.joined()) + linkedFromNotes
        let referencedActors = references.seenActors.union(linked.compactMap { if case .actor(let id) = $0 { return id } else { return nil } })
        for actor in corpus.actors where actorMentions[actor.id] == nil && !referencedActors.contains(actor.id) {
            log.warning(SourceLocation(file: actor.file, line: 1, column: 1), "actor '\(actor.id.raw)' is never mentioned in a source nor referenced")
        }
        let referencedTerms = references.seenTerms.union(linked.compactMap { if case .term(let id) = $0 { return id } else { return nil } })
        for term in corpus.terms where termUses[term.id] == nil && !referencedTerms.contains(term.id) {
            log.warning(SourceLocation(file: term.file, line: 1, column: 1), "term '\(term.id.raw)' is used nowhere: no source uses an alias and nothing refers to it")
        }
        for event in corpus.events where event.passages.isEmpty {
            log.warning(SourceLocation(file: event.file, line: 1, column: 1), "event '\(event.id.raw)' cites no passage")
        }

        let resolved = ResolvedSite(
            site: site, documents: documents, annotations: placed,
            actors: corpus.actors.sorted { ($0.name, $0.id) < ($1.name, $1.id) },
            actorMentions: actorMentions, termUses: termUses, mentionPlaces: mentionPlaces, mentionTargets: targets, relations: relations,
            events: corpus.events.sorted { ($0.date, $0.id) < ($1.date, $1.id) },
            terms: corpus.terms.sorted { ($0.term.lowercased(), $0.id) < ($1.term.lowercased(), $1.id) },
            bodies: bodies, bodyLinks: bodyLinks, correctionPlaces: correctionPlaces, excerptBook: excerptBook.value, texts: texts)
        return (resolved, log.all)
    }

    /// Every occurrence of the actors and of the terms, as `gather(_:targets:)` lists them, on one core each.
    private static func gather(_ findings: [SourceFindings], actors: Range<Int>, terms: Range<Int>) -> ([[Occurrence]], [[Occurrence]]) {
        let termLists = Later { gather(findings, targets: terms) }
        let actorLists = gather(findings, targets: actors)
        return (actorLists, termLists.value)
    }

    /// Every occurrence of the targets numbered `targets`, a list per target in that order, each
    /// in reading order and made at its final size: grown by doubling, the lists of a
    /// 10,000-source build's million mentions took 25 MB more.
    private static func gather(_ findings: [SourceFindings], targets: Range<Int>) -> [[Occurrence]] {
        var counts = [Int](repeating: 0, count: targets.count)
        for place in findings.lazy.flatMap(\.places) where targets.contains(Int(place.target)) {
            counts[Int(place.target) - targets.lowerBound] += 1
        }
        var lists = counts.map { count in
            var list: [Occurrence] = []
            list.reserveCapacity(count)
            return list
        }
        for (document, found) in findings.enumerated() {
            for (place, excerpt) in zip(found.places, found.excerpts) where targets.contains(Int(place.target)) {
                lists[Int(place.target) - targets.lowerBound].append(Occurrence(document: document, paragraph: place.paragraph, excerpt: excerpt))
            }
        }
        return lists
    }

    /// A body as the resolver keeps it: parsed, or rendered if it is a note.
    private enum CheckedBody {
        case parsed(MarkdownNode)
        case note(RenderedNote)
    }

    /// What one pass over a source's folded text finds.
    private struct SourceFindings {
        /// Each of the source's annotations, by its index in the corpus, with its anchor.
        var anchors: [(Int, Result<Anchor, Diagnostic>)]
        /// For each of the source's corrections, where the corrected text stands.
        var corrections: [[TextPlace]]
        /// Every actor and term named in the source, in paragraph order: each paragraph's actors,
        /// then its terms. (Kept until gathered as id, range and occurrence, 64 bytes a mention
        /// instead of 28, they held about 50 MB more at the end of resolving 10,000 sources.)
        var places: [MentionPlace]
        /// The excerpt around each place, for the pages that list it.
        var excerpts: [Excerpt]
        /// What this source says about each quotation in the editors' prose.
        var quotations: [QuotationCheck.Finding]
    }

    /// One matcher over all aliases, each found as its entry's number: `firstNumber` for the first
    /// entry, counting up. The same alias on two entries is an error.
    private static func aliasMatcher<ID: Hashable & Sendable>(_ entries: [(ID, [Located<String>])], firstNumber: Int, what: String,
                                                              log: inout DiagnosticLog) -> MultiPatternMatcher<Int32> where ID: CustomStringConvertible {
        var owner: [String: (ID, SourceLocation)] = [:]
        var patterns: [(String, Int32)] = []
        for (number, (id, aliases)) in zip(firstNumber..., entries) {
            for alias in aliases {
                let folded = NormalizedText.query(alias.value)
                guard let first = folded.first else {
                    log.error(alias.location, "empty alias")
                    continue
                }
                var key = String.UnicodeScalarView()
                key.append(contentsOf: first.properties.lowercaseMapping.unicodeScalars)
                key.append(contentsOf: folded.dropFirst())
                let keyString = String(key)
                if let (other, location) = owner[keyString] {
                    if other != id {
                        log.error(alias.location, "alias '\(alias.value)' is also an alias of \(what) '\(other)'",
                                  notes: [.init(location, "first given here")])
                    }
                    continue
                }
                owner[keyString] = (id, alias.location)
                patterns.append((alias.value, Int32(number)))
            }
        }
        return MultiPatternMatcher(patterns: patterns)
    }
}

/// Checks ids named in front matter against what exists, remembering what was referenced.
struct ReferenceChecker {
    let actors: [ActorID: Actor]
    let terms: [TermID: Term]
    let events: [EventID: Event]
    let documents: [SourceID: SourceDocument]
    /// Ids whose files did not load: a reference to one is not reported again.
    let unloaded: UnloadedIDs
    var seenActors: Set<ActorID> = []
    var seenTerms: Set<TermID> = []

    mutating func actors(_ ids: [Located<String>], log: inout DiagnosticLog) {
        for id in ids {
            if actors[ActorID(id.value)] == nil {
                if unloaded.actors.contains(id.value) { continue }
                log.error(id.location, "unknown actor '\(id.value)'" + hint(id.value, actors.keys.map(\.raw)))
            } else {
                seenActors.insert(ActorID(id.value))
            }
        }
    }

    mutating func terms(_ ids: [Located<String>], log: inout DiagnosticLog) {
        for id in ids {
            if terms[TermID(id.value)] == nil {
                if unloaded.terms.contains(id.value) { continue }
                log.error(id.location, "unknown glossary term '\(id.value)'" + hint(id.value, terms.keys.map(\.raw)))
            } else {
                seenTerms.insert(TermID(id.value))
            }
        }
    }

    func events(_ ids: [Located<String>], log: inout DiagnosticLog) {
        for id in ids where events[EventID(id.value)] == nil && !unloaded.events.contains(id.value) {
            log.error(id.location, "unknown event '\(id.value)'" + hint(id.value, events.keys.map(\.raw)))
        }
    }

    func passages(_ refs: [Located<String>], log: inout DiagnosticLog) {
        for ref in refs {
            guard let passage = PassageRef(ref.value) else {
                log.error(ref.location, "'\(ref.value)' is not a passage reference; write <source-id>#p<number>")
                continue
            }
            guard let document = documents[passage.source] else {
                if unloaded.sources.contains(passage.source.raw) { continue }
                log.error(ref.location, "unknown source '\(passage.source.raw)'" + hint(passage.source.raw, documents.keys.map(\.raw)))
                continue
            }
            if document.paragraph(passage.paragraph) == nil {
                log.error(ref.location, "source '\(passage.source.raw)' has no paragraph \(passage.paragraph) (it has \(document.paragraphs.count))")
            }
        }
    }

    private func hint(_ word: String, _ candidates: [String]) -> String {
        Suggestion.closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}

import Foundation
