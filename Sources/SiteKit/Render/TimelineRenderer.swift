/// The timeline page: a drawn overview and the chronological list grouped by year.
struct TimelineRenderer {
    let site: ResolvedSite
    let links: CrossLinks
    let templates: Templates

    func html() -> String {
        let root = Paths.root(of: Paths.timeline)
        var years: [TimelineYearModel] = []
        for event in site.events {
            let model = TimelineEventModel(
                id: event.id.raw, title: event.title, date: dateLabel(event), datetime: event.date.description, circa: event.circa,
                actors: event.actors.compactMap { ref in links.actors[ActorID(ref.value)].map { LinkModel(label: $0.name, href: root + Paths.actor($0.id)) } },
                terms: event.terms.compactMap { ref in links.terms[TermID(ref.value)].map { LinkModel(label: $0.term, href: root + Paths.term($0.id)) } },
                passages: event.passages.compactMap { ref in
                    PassageRef(ref.value).flatMap { passage in
                        site.document(passage.source).map { LinkModel(label: "\($0.source.title), ¶\(passage.paragraph)", href: root + Paths.paragraph(passage)) }
                    }
                },
                bodyHTML: site.bodies[event.file].map { Cmark.renderHTML(links.rewrite($0, root: root)) } ?? "")
            let year = String(event.date.year)
            if years.last?.year == year { years[years.count - 1].events.append(model) } else { years.append(TimelineYearModel(year: year, events: [model])) }
        }
        let model = TimelineModel(start: site.site.timelineStart.display, end: site.site.timelineEnd.display,
                                  svgHTML: TimelineChart(site: site).svg(), years: years, count: site.events.count)
        return templates.render("timeline", model)
    }

    private func dateLabel(_ event: Event) -> String {
        var label = (event.circa ? "c. " : "") + event.date.display
        if let end = event.end { label += " – " + end.display }
        return label
    }
}

/// The timeline drawn at build time as SVG: a year axis, a mark per event, a bar per span,
/// and labels stacked in lanes so that none overlaps another.
struct TimelineChart {
    let site: ResolvedSite
    let width = 1200.0
    let left = 20.0
    let right = 20.0
    let laneHeight = 16.0
    let axisY = 30.0

    func x(_ date: (Int, Int, Int)) -> Double {
        let start = site.site.timelineStart.firstDay, end = site.site.timelineEnd.lastDay
        let value = days(date), from = days(start), to = days(end)
        return left + (width - left - right) * Double(value - from) / Double(max(to - from, 1))
    }

    /// Days since 1 January of year 0 in the proleptic Gregorian calendar; only differences matter.
    func days(_ date: (Int, Int, Int)) -> Int {
        let (y, m, d) = date
        var total = y * 365 + y / 4 - y / 100 + y / 400
        for month in 1..<m { total += PartialDate.daysIn(month: month, year: y) }
        return total + d
    }

    func svg() -> String {
        // Labels: greedy lanes, each label placed in the first lane where it fits.
        var laneEnds: [Double] = []
        var items: [(event: Event, x: Double, xEnd: Double, lane: Int)] = []
        for event in site.events {
            let x0 = x(event.date.firstDay)
            let x1 = event.end.map { x($0.lastDay) } ?? x0
            let labelWidth = Double(event.title.count) * 6.2 + 8
            let lane = laneEnds.firstIndex { $0 < x0 } ?? laneEnds.count
            if lane == laneEnds.count { laneEnds.append(0) }
            laneEnds[lane] = max(x0 + labelWidth, x1) + 6
            items.append((event, x0, x1, lane))
        }
        let height = axisY + 20 + Double(laneEnds.count) * laneHeight + 10
        var svg = "<svg class=\"timeline-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-labelledby=\"timeline-chart-title\">"
        svg += "<title id=\"timeline-chart-title\">Timeline overview, \(site.site.timelineStart.display) to \(site.site.timelineEnd.display): \(site.events.count) events, listed in full below.</title>"
        svg += "<line class=\"axis\" x1=\"\(f(left))\" y1=\"\(f(axisY))\" x2=\"\(f(width - right))\" y2=\"\(f(axisY))\"/>"
        for year in site.site.timelineStart.year...site.site.timelineEnd.year {
            let tx = x((year, 1, 1))
            guard tx >= left - 0.5 else { continue }
            svg += "<line class=\"tick\" x1=\"\(f(tx))\" y1=\"\(f(axisY - 4))\" x2=\"\(f(tx))\" y2=\"\(f(axisY + 4))\"/>"
            if year % 2 == 1 || year == site.site.timelineEnd.year {
                svg += "<text class=\"year\" x=\"\(f(tx))\" y=\"\(f(axisY - 10))\" text-anchor=\"middle\">\(year)</text>"
            }
        }
        for item in items {
            let y = axisY + 20 + Double(item.lane) * laneHeight
            svg += "<a href=\"#\(item.event.id.raw)\">"
            if item.xEnd > item.x + 1 {
                svg += "<rect class=\"span\" x=\"\(f(item.x))\" y=\"\(f(axisY - 3))\" width=\"\(f(item.xEnd - item.x))\" height=\"6\"/>"
            }
            svg += "<circle class=\"mark\" cx=\"\(f(item.x))\" cy=\"\(f(axisY))\" r=\"4\"/>"
            svg += "<line class=\"leader\" x1=\"\(f(item.x))\" y1=\"\(f(axisY + 4))\" x2=\"\(f(item.x))\" y2=\"\(f(y - 4))\"/>"
            svg += "<text class=\"label\" x=\"\(f(item.x + 3))\" y=\"\(f(y + 4))\">\(HTML.escape(item.event.title))</text></a>"
        }
        return svg + "</svg>"
    }

    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
