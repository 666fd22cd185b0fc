/// The pass that checks every id named in front matter (an annotation's actors, terms, events
/// and relation; an event's actors, terms and passages; a term's `see_also`; an era's passages)
/// against what exists, and each event's dates against the timeline.
enum CheckReferences {
    /// What was referenced: the actors and terms named in front matter.
    static func check(annotations: [Annotation], events: [Event], terms: [Term], eras: [Era], timeline site: SiteConfig,
                      in index: CrossLinks, log: inout DiagnosticLog) -> Set<LinkTarget> {
        var references = ReferenceChecker(index: index)
        for annotation in annotations {
            references.actors(annotation.actors, log: &log)
            references.terms(annotation.terms, log: &log)
            references.events(annotation.events, log: &log)
            if let relation = annotation.relation { check(relation, references: &references, log: &log) }
        }
        for event in events {
            references.actors(event.actors, log: &log)
            references.terms(event.terms, log: &log)
            references.passages(event.passages, log: &log)
            if event.date.firstDay < site.timelineStart.firstDay || (event.end ?? event.date).lastDay > site.timelineEnd.lastDay {
                log.error(SourceLocation(file: event.file, line: 1, column: 1),
                          "event '\(event.id.raw)' (\(event.date)) lies outside the timeline range \(site.timelineStart) to \(site.timelineEnd) set in site.yml")
            }
        }
        for term in terms { references.terms(term.seeAlso, log: &log) }
        for era in eras { references.passages(era.passages, log: &log) }
        return Set(references.seenActors.map(LinkTarget.actor)).union(references.seenTerms.map(LinkTarget.term))
    }

    private static func check(_ relation: Relation, references: inout ReferenceChecker, log: inout DiagnosticLog) {
        references.actors(relation.between, log: &log)
        references.terms([relation.category], log: &log)
        if relation.between.count == 2, relation.between[0].value == relation.between[1].value {
            log.error(relation.between[1].location, "a relation needs two different actors")
        }
        if let holder = relation.roleOf, !relation.between.contains(where: { $0.value == holder.value }) {
            log.error(holder.location, "'role_of' must name one of 'between' (\(relation.between.map { "'\($0.value)'" }.joined(separator: " or "))), not '\(holder.value)'")
        }
    }
}

/// Checks ids named in front matter against what exists, remembering what was referenced.
private struct ReferenceChecker {
    let index: CrossLinks
    var actors: [ActorID: Actor] { index.actors }
    var terms: [TermID: Term] { index.terms }
    var events: [EventID: Event] { index.events }
    var documents: [SourceID: SourceDocument] { index.documents }
    /// Ids whose files did not load: a reference to one is not reported again.
    var unloaded: UnloadedIDs { index.unloaded }
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
