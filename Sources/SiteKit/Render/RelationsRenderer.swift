/// The relations page: a pairs × sources matrix of categories, and a network drawing.
struct RelationsRenderer {
    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates

    func html() -> String {
        let root = Paths.root(of: Paths.relations)
        let sources = site.documents.map { LinkModel(label: "\($0.source.title) (\($0.source.date.year))", href: root + Paths.source($0.source.id)) }
        var pairs: [(ActorID, ActorID)] = []
        for edge in site.relations where !pairs.contains(where: { $0 == edge.actors }) { pairs.append(edge.actors) }
        let rows = pairs.map { pair in
            MatrixRowModel(pair: "\(links.actors[pair.0]!.name) – \(links.actors[pair.1]!.name)", cells: site.documents.map { document in
                MatrixCellModel(categories: site.relations.filter { $0.actors == pair && $0.passage.source == document.source.id }.map { edge in
                    LinkModel(label: links.terms[edge.category]!.term, href: root + Paths.annotation(edge.passage.source, edge.annotation.annotation.name))
                })
            })
        }
        let edgeList = site.relations.map { edge in
            "\(links.actors[edge.actors.0]!.name) – \(links.actors[edge.actors.1]!.name): \(links.terms[edge.category]!.term) (\(site.document(edge.passage.source)!.source.title), \(site.document(edge.passage.source)!.source.date.year))"
        }
        return templates.render("relations", RelationsModel(sources: sources, rows: rows, svgHTML: NetworkChart(site: site, links: links).svg(), edgeList: edgeList))
    }
}

/// Actors with characterised ties on a circle (ordered by name, so the layout is the same on
/// every build), one line per tied pair, labelled with the number of characterisations.
struct NetworkChart {
    let site: ResolvedSite
    let links: CrossLinks

    func svg() -> String {
        var ids: [ActorID] = []
        for edge in site.relations {
            for id in [edge.actors.0, edge.actors.1] where !ids.contains(id) { ids.append(id) }
        }
        ids.sort { links.actors[$0]!.name < links.actors[$1]!.name }
        let size = 640.0, center = 320.0, radius = 220.0
        func position(_ id: ActorID) -> (Double, Double) {
            let index = Double(ids.firstIndex(of: id)!)
            let angle = -Double.pi / 2 + 2 * Double.pi * index / Double(max(ids.count, 1))
            return (center + radius * cos(angle), center + radius * sin(angle))
        }
        var svg = "<svg class=\"network\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(size)) \(Int(size))\" role=\"img\" aria-labelledby=\"network-title\">"
        svg += "<title id=\"network-title\">Network of \(ids.count) actors joined by the ties the sources characterise; the same ties are listed in the table and the list on this page.</title>"
        var drawn: [(ActorID, ActorID)] = []
        for edge in site.relations where !drawn.contains(where: { $0 == edge.actors }) {
            drawn.append(edge.actors)
            let count = site.relations.filter { $0.actors == edge.actors }.count
            let (x1, y1) = position(edge.actors.0), (x2, y2) = position(edge.actors.1)
            svg += "<line class=\"tie\" x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke-width=\"\(min(count, 6))\"/>"
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
