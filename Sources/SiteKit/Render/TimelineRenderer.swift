import Foundation

/// The timeline page: links to each year, the filters, the drawn overview and the chronological
/// list grouped by year, each entry with the first words of the passages it cites.
struct TimelineRenderer {
    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates

    /// How much of a cited paragraph an entry shows.
    static let excerptLength = 110

    func html() -> PageContent {
        let root = Paths.root(of: Paths.timeline)
        var filters = (actors: Set<ActorID>(), terms: Set<TermID>(), sources: Set<SourceID>())
        var years: [TimelineYearModel] = []
        var erasToShow = site.site.eras[...]
        var overview: [OverviewItemModel] = []
        for event in site.events {
            let actors = event.actors.compactMap { links.actors[ActorID($0.value)] }
            let terms = event.terms.compactMap { links.terms[TermID($0.value)] }
            let passages = event.passages.compactMap { passage($0, root: root) }
            filters.actors.formUnion(actors.map(\.id))
            filters.terms.formUnion(terms.map(\.id))
            filters.sources.formUnion(passages.map { SourceID($0.source) })
            while let era = erasToShow.first, era.start.firstDay <= (event.end ?? event.date).lastDay {
                overview.append(Self.overviewItem(era))
                erasToShow.removeFirst()
            }
            overview.append(OverviewItemModel(id: event.id.raw, label: event.title, date: TimelineChart.dateLabel(event), era: false,
                                              span: !TimelineLayout.Item(event).isDay, circa: event.circa))
            let model = TimelineEventModel(
                id: event.id.raw, title: event.title, date: TimelineChart.dateLabel(event), datetime: event.date.description, circa: event.circa,
                actors: actors.map { LinkModel(label: $0.name, href: root + Paths.actor($0.id)) },
                terms: terms.map { LinkModel(label: $0.term, href: root + Paths.term($0.id)) },
                passages: passages, bodyHTML: site.bodies[event.file].map { Cmark.renderHTML(links.rewrite($0, root: root)) } ?? "",
                actorIDs: actors.map(\.id.raw).joined(separator: " "), termIDs: terms.map(\.id.raw).joined(separator: " "),
                sourceIDs: Array(Set(passages.map(\.source))).sorted().joined(separator: " "))
            let year = String(event.date.year)
            if years.last?.year == year { years[years.count - 1].events.append(model) } else { years.append(TimelineYearModel(year: year, events: [model])) }
        }
        let options = (
            actors: site.actors.filter { filters.actors.contains($0.id) }.map { FilterOptionModel(id: $0.id.raw, label: $0.name) },
            terms: site.terms.filter { filters.terms.contains($0.id) }.map { FilterOptionModel(id: $0.id.raw, label: $0.term) },
            sources: site.documents.map(\.source).filter { filters.sources.contains($0.id) }.map { FilterOptionModel(id: $0.id.raw, label: $0.title) })
        let eras = site.site.eras.map { era in
            EraModel(label: era.label, dates: TimelineChart.range(era.start, era.end),
                     passages: era.passages.compactMap { passage($0, root: root) })
        }
        let model = TimelineModel(start: site.site.timelineStart.display, end: site.site.timelineEnd.display,
                                  svgHTML: TimelineChart(site: site).svg(), years: years, count: site.events.count, root: root,
                                  actorOptions: options.actors.sorted { $0.label < $1.label }, termOptions: options.terms.sorted { $0.label < $1.label },
                                  sourceOptions: options.sources, eras: eras, overview: overview + erasToShow.map(Self.overviewItem))
        return PageContent(template: "timeline", model: model)
    }

    /// An era as a heading among the events of the overview's list.
    static func overviewItem(_ era: Era) -> OverviewItemModel {
        OverviewItemModel(id: "", label: era.label, date: TimelineChart.range(era.start, era.end), era: true, span: true, circa: false)
    }

    /// A cited passage with its first words, read from the text store alone: keeping each cited
    /// source's text for the whole page held every cited source's text at once.
    private func passage(_ ref: Located<String>, root: String) -> TimelinePassageModel? {
        guard let passage = PassageRef(ref.value), let document = site.document(passage.source) else { return nil }
        return TimelinePassageModel(label: "\(document.source.title), ¶\(passage.paragraph)", href: root + Paths.paragraph(passage),
                                    firstWords: Self.firstWords(of: document.paragraphText(passage.paragraph) ?? ""), source: passage.source.raw)
    }

    /// The start of a paragraph, cut at a word boundary with an ellipsis when it goes on.
    static func firstWords(of text: String) -> String {
        guard text.count > excerptLength else { return text }
        let cut = text.prefix(excerptLength)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return cut[..<end].trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) + "…"
    }
}
