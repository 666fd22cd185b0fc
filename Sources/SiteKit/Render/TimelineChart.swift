/// The timeline's overview drawn as SVG from a `TimelineLayout`: eras as bands with their labels
/// above the year axis, then one lane after another of events, each a link to its entry. The
/// links are left out of the tab order: the list of entries is the keyboard's path.
struct TimelineChart {
    let site: ResolvedSite

    static let laneHeight = 22.0
    static let axisHeight = 26.0

    func svg() -> String {
        let layout = TimelineLayout(start: site.site.timelineStart, end: site.site.timelineEnd)
        let eras = layout.placeEras(site.site.eras.map { .init(start: $0.start, end: $0.end, label: $0.label) })
        let events = layout.placeEvents(site.events.map(TimelineLayout.Item.init))
        let eraLanes = Double((eras.map(\.lane).max() ?? -1) + 1)
        let axisTop = eraLanes * Self.laneHeight
        let eventsTop = axisTop + Self.axisHeight
        let height = eventsTop + Double((events.map(\.lane).max() ?? -1) + 1) * Self.laneHeight + 4
        let width = TimelineLayout.width
        var svg = "<svg class=\"overview-chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(width))\" height=\"\(f(height))\" viewBox=\"0 0 \(f(width)) \(f(height))\">"
        for (era, placed) in zip(site.site.eras, eras) {
            let top = Double(placed.lane) * Self.laneHeight
            svg += "<g class=\"era\"><rect x=\"\(f(placed.markStart))\" y=\"\(f(top))\" width=\"\(f(placed.markEnd - placed.markStart))\" height=\"\(f(height - top))\"/>"
            svg += "<text x=\"\(f(placed.labelStart))\" y=\"\(f(top + 15.5))\"><title>\(HTML.escape(Self.range(era.start, era.end)))</title>\(HTML.escape(era.label))</text></g>"
        }
        svg += "<g class=\"axis\" aria-hidden=\"true\">"
        for year in layout.years {
            let x0 = layout.x((year, 1, 1)), x1 = layout.x((year + 1, 1, 1))
            svg += "<line x1=\"\(f(x0))\" y1=\"\(f(axisTop + 4))\" x2=\"\(f(x0))\" y2=\"\(f(height))\"/>"
            svg += "<text x=\"\(f((x0 + x1) / 2))\" y=\"\(f(axisTop + 17))\" text-anchor=\"middle\">\(year)</text>"
        }
        let end = layout.x((layout.years.upperBound + 1, 1, 1))
        svg += "<line x1=\"\(f(end))\" y1=\"\(f(axisTop + 4))\" x2=\"\(f(end))\" y2=\"\(f(height))\"/></g>"
        for (event, placed) in zip(site.events, events) {
            let top = eventsTop + Double(placed.lane) * Self.laneHeight
            svg += "<a href=\"#\(event.id.raw)\" tabindex=\"-1\" class=\"\(event.circa ? "ov-event circa" : "ov-event")\">"
            svg += "<title>\(HTML.escape(Self.dateLabel(event) + ": " + event.title))</title>"
            if TimelineLayout.Item(event).isDay {
                svg += "<circle cx=\"\(f(placed.markStart + TimelineLayout.dotRadius))\" cy=\"\(f(top + 11))\" r=\"\(f(TimelineLayout.dotRadius - 0.5))\"/>"
            } else {
                svg += "<rect x=\"\(f(placed.markStart))\" y=\"\(f(top + 6))\" width=\"\(f(placed.markEnd - placed.markStart))\" height=\"10\"/>"
            }
            svg += "<text x=\"\(f(placed.labelStart))\" y=\"\(f(top + 15.5))\">\(HTML.escape(TimelineLayout.Item(event).label))</text></a>"
        }
        return svg + "</svg>"
    }

    /// "c. 2001", "24 March 1999 – 10 June 1999".
    static func dateLabel(_ event: Event) -> String {
        (event.circa ? "c. " : "") + (event.end.map { range(event.date, $0) } ?? event.date.display)
    }

    static func range(_ start: PartialDate, _ end: PartialDate) -> String { start.display + " – " + end.display }

    private func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
