/// The actors index and one page per actor.
struct ActorPagesRenderer {
    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates
    /// What each actor page lists, gathered in one pass over the site rather than one per actor,
    /// which grew with actors × sources. Annotations are kept as their places in
    /// `site.annotations` rather than copied once for every actor they name.
    private let annotationPlaces: [ActorID: [(source: SourceID, index: Int)]]
    private let relationsOf: [ActorID: [RelationEdge]]
    private let eventsOf: [ActorID: [Event]]
    /// Other entries whose text links to a target: label and path from the site root.
    private let backlinksTo: [LinkTarget: [(label: String, path: String)]]

    init(site: ResolvedSite, links: CrossLinks, templates: Templates) {
        self.site = site
        self.links = links
        self.templates = templates
        var annotations: [ActorID: [(source: SourceID, index: Int)]] = [:]
        for document in site.documents {
            for (index, item) in (site.annotations[document.source.id] ?? []).enumerated() {
                for id in item.actorsNamed { annotations[id, default: []].append((document.source.id, index)) }
            }
        }
        annotationPlaces = annotations
        var relations: [ActorID: [RelationEdge]] = [:]
        for edge in site.relations {
            relations[edge.actors.0, default: []].append(edge)
            relations[edge.actors.1, default: []].append(edge)
        }
        relationsOf = relations
        var events: [ActorID: [Event]] = [:]
        for event in site.events {
            var seen: Set<String> = []
            for ref in event.actors where seen.insert(ref.value).inserted { events[ActorID(ref.value), default: []].append(event) }
        }
        eventsOf = events
        var backlinks: [LinkTarget: [(label: String, path: String)]] = [:]
        for actor in site.actors {
            for target in Set(site.bodyLinks[actor.file] ?? []) where target != .actor(actor.id) {
                backlinks[target, default: []].append((actor.name, Paths.actor(actor.id)))
            }
        }
        for event in site.events {
            for target in Set(site.bodyLinks[event.file] ?? []) { backlinks[target, default: []].append(("Event: \(event.title)", Paths.event(event.id))) }
        }
        for term in site.terms {
            for target in Set(site.bodyLinks[term.file] ?? []) { backlinks[target, default: []].append(("Glossary: \(term.term)", Paths.term(term.id))) }
        }
        backlinksTo = backlinks
    }

    /// The annotations that name an actor, in reading order of the sources.
    func annotations(naming actor: ActorID) -> [PlacedAnnotation] {
        (annotationPlaces[actor] ?? []).map { site.annotations[$0.source]![$0.index] }
    }

    func indexHTML() -> PageContent {
        let groups = ActorCategory.allCases.compactMap { kind -> ActorGroupModel? in
            let actors = site.actors.filter { $0.kind == kind }
            guard !actors.isEmpty else { return nil }
            return ActorGroupModel(label: kind.plural, actors: actors.map { actor in
                let count = site.actorMentions[actor.id]?.count ?? 0
                return ActorSummaryModel(name: actor.name, href: "../" + Paths.actor(actor.id), mentions: count,
                                         mentionLabel: count == 1 ? "1 mention" : "\(count) mentions")
            })
        }
        return PageContent(template: "actors", model: ActorsIndexModel(groups: groups))
    }

    func actorHTML(_ actor: Actor, root: String) -> PageContent {
        let mentions = site.actorMentions[actor.id]?.elements ?? []
        let excerpts = site.excerpts(of: .actor(actor.id), mentions)
        // Mentions are in document order, so each source's mentions form one run.
        let groups = site.runs(of: mentions[...]).map { document, run in
            // Each mention's link is the source's with the mention's id added (`Paths.mentionID`),
            // made from the source's once rather than from the parts again for each mention.
            let sourceHref = root + Paths.source(document.source.id)
            return MentionGroupModel(source: document.source.title, sourceHref: sourceHref, year: String(document.source.date.year),
                                     mentions: run.indices.map { index in
                                         MentionModel(paragraph: mentions[index].paragraph, href: sourceHref + "#" + Paths.mentionID(actor.id, paragraph: mentions[index].paragraph),
                                                      excerpt: excerpts[index])
                                     })
        }
        let annotations = annotations(naming: actor.id).map { item in
            ActorAnnotationModel(source: site.document(item.source)!.source.title, quote: item.quote,
                                 href: root + Paths.annotation(item.source, item.name), kindLabel: item.kind.label,
                                 noteHTML: item.note?.html ?? "")
        }
        let relations = (relationsOf[actor.id] ?? [])
            .sorted { (year($0), $0.passage) < (year($1), $1.passage) }
            .map { edge -> RelationRowModel in
                let other = edge.actors.0 == actor.id ? edge.actors.1 : edge.actors.0
                let document = site.document(edge.passage.source)!
                return RelationRowModel(other: links.actors[other]!.name, otherHref: root + Paths.actor(other),
                                        category: TieWording(links: links).label(edge), categoryHref: root + Paths.term(edge.category),
                                        source: document.source.title, year: String(document.source.date.year),
                                        passageHref: root + Paths.annotation(edge.passage.source, edge.annotationName),
                                        paragraph: edge.passage.paragraph)
            }
        let events = (eventsOf[actor.id] ?? [])
            .map { EventSummaryModel(title: $0.title, href: root + Paths.event($0.id), date: $0.date.display) }
        let model = ActorPageModel(
            name: actor.name, kindLabel: actor.kind.rawValue.capitalized,
            aliases: actor.aliases.map(\.value).joined(separator: ", "),
            profileHTML: site.bodies[actor.file].map { Cmark.renderHTML(links.rewrite($0, root: root)) } ?? "",
            mentionGroups: groups, mentionTotal: mentions.count, annotations: annotations, relations: relations,
            events: events, backlinks: backlinks(to: .actor(actor.id), root: root))
        return PageContent(template: "actor", model: model)
    }

    private func year(_ edge: RelationEdge) -> Int { site.document(edge.passage.source)?.source.date.year ?? 0 }

    /// Other actors' profiles, events and glossary entries whose text links here.
    func backlinks(to target: LinkTarget, root: String) -> [LinkModel] {
        (backlinksTo[target] ?? []).map { LinkModel(label: $0.label, href: root + $0.path) }
    }
}

import Foundation
