/// The relations page: a pairs × sources matrix of categories (while the sources are few enough
/// to read across), a network drawing and the list of every characterised tie.
struct RelationsRenderer {
    /// Beyond this many sources the matrix has more columns than a reader can follow, and its
    /// size grows with pairs × sources; the page then keeps the network and the list.
    static let matrixSourceLimit = 12

    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates

    func html() -> PageContent {
        let root = Paths.root(of: Paths.relations)
        let matrixShown = site.documents.count <= Self.matrixSourceLimit
        let ties = TiedPairs(site.relations)
        let wording = TieWording(links: links)
        let sources = !matrixShown ? [] : site.documents.map {
            LinkModel(label: "\($0.source.title) (\($0.source.date.year))", href: root + Paths.source($0.source.id))
        }
        let pairHref = { (pair: ActorPair) in root + Paths.pair(pair.first, pair.second) }
        let rows = !matrixShown ? [] : ties.pairs.map { pair in
            MatrixRowModel(pair: pair.name(links), pairHref: pairHref(pair), cells: site.documents.map { document in
                let source = document.source
                var groups: [MatrixGroupModel] = []
                for edge in ties.edges[pair]?[source.id] ?? [] {
                    let label = wording.label(edge)
                    let passage = NamedLinkModel(label: "¶\(edge.passage.paragraph)", href: root + Paths.annotation(source.id, edge.annotationName),
                                                 name: "¶\(edge.passage.paragraph) of \(source.title)")
                    if let index = groups.firstIndex(where: { $0.label == label }) {
                        groups[index].passages.append(passage)
                        groups[index].repeats = String(groups[index].passages.count)
                    } else {
                        groups.append(MatrixGroupModel(label: label, href: pairHref(pair) + PairPageRenderer.sourceFragment(source.id),
                                                       repeats: nil, passages: [passage]))
                    }
                }
                return MatrixCellModel(groups: groups)
            })
        }
        let tieList = site.relations.map { edge in
            let source = site.document(edge.passage.source)!.source
            let pair = ActorPair(edge.actors)
            return TieModel(pair: pair.name(links), pairHref: pairHref(pair) + PairPageRenderer.sourceFragment(source.id), label: wording.label(edge),
                            source: "\(source.title), \(source.date.year)", paragraph: edge.passage.paragraph,
                            passageHref: root + Paths.annotation(source.id, edge.annotationName))
        }
        let chart = NetworkChart(links: links).svg(ties, alsoIn: matrixShown ? "the table and the list" : "the list")
        return PageContent(template: "relations", model: RelationsModel(matrixShown: matrixShown, sourceCount: site.documents.count, sources: sources,
                                                            rows: rows, svgHTML: chart, ties: tieList))
    }
}

/// Two actors, in the order their relation edges keep them.
struct ActorPair: Hashable {
    var first: ActorID
    var second: ActorID
    init(_ actors: (ActorID, ActorID)) { (first, second) = actors }

    /// "Iran – Russia", in the pair's order.
    func name(_ links: CrossLinks) -> String {
        "\(links.actors[first]!.name) – \(links.actors[second]!.name)"
    }
}

/// The pairs the sources characterise, in the order they first appear, with their edges by source.
struct TiedPairs {
    var pairs: [ActorPair] = []
    var edges: [ActorPair: [SourceID: [RelationEdge]]] = [:]
    /// Characterisations of each pair, in all sources.
    var counts: [ActorPair: Int] = [:]

    init(_ relations: [RelationEdge]) {
        for edge in relations {
            let pair = ActorPair(edge.actors)
            if counts[pair] == nil { pairs.append(pair) }
            edges[pair, default: [:]][edge.passage.source, default: []].append(edge)
            counts[pair, default: 0] += 1
        }
    }

    /// The sources that characterise `pair`, in the order of `site.documents`, each with its
    /// characterisations: found from the pair's own sources, not by asking every source of the site.
    func sources(of pair: ActorPair, in site: ResolvedSite) -> [(document: SourceDocument, edges: [RelationEdge])] {
        (edges[pair] ?? [:]).compactMap { source, edges in site.position(of: source).map { (position: $0, edges: edges) } }
            .sorted { $0.position < $1.position }
            .map { (site.documents[$0.position], $0.edges) }
    }
}

/// Actors with characterised ties on a circle (ordered by name, so the layout is the same on
/// every build), one line per tied pair, labelled with the number of characterisations.
struct NetworkChart {
    let links: CrossLinks

    /// `alsoIn` names where else on the page the ties are listed, for the chart's text alternative.
    func svg(_ ties: TiedPairs, alsoIn: String) -> String {
        var seen: Set<ActorID> = []
        var ids: [ActorID] = []
        for pair in ties.pairs {
            for id in [pair.first, pair.second] where seen.insert(id).inserted { ids.append(id) }
        }
        ids.sort { links.actors[$0]!.name < links.actors[$1]!.name }
        let indexes = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        let size = 640.0, center = 320.0, radius = 220.0
        func position(_ id: ActorID) -> (Double, Double) {
            let index = Double(indexes[id]!)
            let angle = -Double.pi / 2 + 2 * Double.pi * index / Double(max(ids.count, 1))
            return (center + radius * cos(angle), center + radius * sin(angle))
        }
        var svg = "<svg class=\"network\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(size)) \(Int(size))\" aria-labelledby=\"network-title\">"
        svg += "<title id=\"network-title\">Network of \(ids.count) actors joined by the ties the sources characterise; the same ties are listed in \(alsoIn) on this page.</title>"
        for pair in ties.pairs {
            let (x1, y1) = position(pair.first), (x2, y2) = position(pair.second)
            let count = ties.counts[pair]!
            let name = pair.name(links) + ": " + (count == 1 ? "one characterisation" : "\(count) characterisations")
            let line = "x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\""
            // A wide transparent line under the drawn one makes the tie easy to point at.
            svg += "<a class=\"tie-link\" href=\"../\(Paths.pair(pair.first, pair.second))\" aria-label=\"\(HTML.escape(name))\"><title>\(HTML.escape(name))</title>"
            svg += "<line class=\"tie-hit\" \(line)/><line class=\"tie\" \(line) stroke-width=\"\(min(count, 6))\"/></a>"
        }
        for id in ids {
            let (x, y) = position(id)
            let anchor = x < center - 1 ? "end" : x > center + 1 ? "start" : "middle"
            let dx = anchor == "end" ? -9.0 : anchor == "start" ? 9.0 : 0
            let dy = anchor == "middle" ? (y < center ? -10.0 : 18.0) : 4
            svg += "<a href=\"../\(Paths.actor(id))\"><circle class=\"node\" cx=\"\(f(x))\" cy=\"\(f(y))\" r=\"6\"/>"
            svg += "<text class=\"node-label\" x=\"\(f(x + dx))\" y=\"\(f(y + dy))\" text-anchor=\"\(anchor)\">\(HTML.escape(links.actors[id]!.name))</text></a>"
        }
        return svg + "</svg>"
    }

    private func f(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}

import Foundation
