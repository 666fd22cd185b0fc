/// The actors index and one page per actor.
struct ActorPagesRenderer {
    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates

    func indexHTML() -> String {
        let groups = ActorCategory.allCases.compactMap { kind -> ActorGroupModel? in
            let actors = site.actors.filter { $0.kind == kind }
            guard !actors.isEmpty else { return nil }
            return ActorGroupModel(label: kind.plural, actors: actors.map { actor in
                let count = site.actorMentions[actor.id]?.count ?? 0
                return ActorSummaryModel(name: actor.name, href: "../" + Paths.actor(actor.id), mentions: count,
                                         mentionLabel: count == 1 ? "1 mention" : "\(count) mentions")
            })
        }
        return templates.render("actors", ActorsIndexModel(groups: groups))
    }

    func actorHTML(_ actor: Actor, root: String) -> String {
        let mentions = site.actorMentions[actor.id] ?? []
        let groups = site.documents.compactMap { document -> MentionGroupModel? in
            let here = mentions.filter { $0.passage.source == document.source.id }
            guard !here.isEmpty else { return nil }
            return MentionGroupModel(source: document.source.title, sourceHref: root + Paths.source(document.source.id),
                                     year: String(document.source.date.year),
                                     mentions: here.map { MentionModel(paragraph: $0.passage.paragraph, href: root + Paths.paragraph($0.passage), excerpt: $0.excerpt) })
        }
        let annotations = site.documents.flatMap { document in
            (site.annotations[document.source.id] ?? []).filter { item in
                item.annotation.actors.contains { $0.value == actor.id.raw }
                    || (item.annotation.relation?.between.contains { $0.value == actor.id.raw } ?? false)
            }.map { item in
                ActorAnnotationModel(source: document.source.title, quote: item.annotation.quote.value,
                                     href: root + Paths.annotation(item.source, item.annotation.name), kindLabel: item.annotation.kind.label,
                                     noteHTML: noteHTML(item.annotation, root: root))
            }
        }
        let relations = site.relations.filter { $0.actors.0 == actor.id || $0.actors.1 == actor.id }
            .sorted { (year($0), $0.passage) < (year($1), $1.passage) }
            .map { edge -> RelationRowModel in
                let other = edge.actors.0 == actor.id ? edge.actors.1 : edge.actors.0
                let document = site.document(edge.passage.source)!
                return RelationRowModel(other: links.actors[other]!.name, otherHref: root + Paths.actor(other),
                                        category: links.terms[edge.category]!.term, categoryHref: root + Paths.term(edge.category),
                                        source: document.source.title, year: String(document.source.date.year),
                                        passageHref: root + Paths.annotation(edge.passage.source, edge.annotation.annotation.name),
                                        paragraph: edge.passage.paragraph)
            }
        let events = site.events.filter { $0.actors.contains { $0.value == actor.id.raw } }
            .map { EventSummaryModel(title: $0.title, href: root + Paths.event($0.id), date: $0.date.display) }
        let model = ActorPageModel(
            name: actor.name, kindLabel: actor.kind.rawValue.capitalized,
            aliases: actor.aliases.map(\.value).joined(separator: ", "),
            profileHTML: site.bodies[actor.file].map { Cmark.renderHTML(links.rewrite($0, root: root)) } ?? "",
            mentionGroups: groups, mentionTotal: mentions.count, annotations: annotations, relations: relations,
            events: events, backlinks: backlinks(to: .actor(actor.id), root: root))
        return templates.render("actor", model)
    }

    private func year(_ edge: RelationEdge) -> Int { site.document(edge.passage.source)?.source.date.year ?? 0 }

    func noteHTML(_ annotation: Annotation, root: String) -> String {
        site.bodies[annotation.file].map { Cmark.renderHTML(links.rewrite($0, root: root)) } ?? ""
    }

    /// Other actors' profiles, events and glossary entries whose text links here.
    func backlinks(to target: LinkTarget, root: String) -> [LinkModel] {
        var result: [LinkModel] = []
        for actor in site.actors where site.bodyLinks[actor.file]?.contains(target) == true && LinkTarget.actor(actor.id) != target {
            result.append(LinkModel(label: actor.name, href: root + Paths.actor(actor.id)))
        }
        for event in site.events where site.bodyLinks[event.file]?.contains(target) == true {
            result.append(LinkModel(label: "Event: \(event.title)", href: root + Paths.event(event.id)))
        }
        for term in site.terms where site.bodyLinks[term.file]?.contains(target) == true {
            result.append(LinkModel(label: "Glossary: \(term.term)", href: root + Paths.term(term.id)))
        }
        return result
    }
}

import Foundation
