/// Where the timeline's overview draws each event and era, worked out at build time so that the
/// drawing is right without JavaScript. The overview is drawn at its own size, never scaled, so
/// that its labels read at `fontSize`: a horizontal axis of `width` pixels, each event in a
/// lane (row) with its mark and its label, and each era as a band with its label in a lane above
/// the axis. Labels sit after their mark, or before it when they would pass the right edge; a
/// lane holds an event only where nothing else in it is drawn, so no two labels or marks overlap.
struct TimelineLayout {
    struct Item {
        var start: PartialDate
        var end: PartialDate?
        var label: String

        /// Known to the day, without an end: drawn as a dot; anything else as a bar.
        var isDay: Bool { end == nil && start.precision == 3 }
    }

    /// One event or era as drawn: the mark from `markStart` to `markEnd` (an event known to the
    /// day is a dot at `markStart`), the label from `labelStart`, `labelWidth` wide, in `lane`.
    struct Placement: Equatable {
        var lane: Int
        var markStart: Double
        var markEnd: Double
        var labelStart: Double
        var labelWidth: Double

        var labelEnd: Double { labelStart + labelWidth }
        var extent: ClosedRange<Double> { min(markStart, labelStart)...max(markEnd, labelEnd) }
    }

    static let width = 944.0
    static let margin = 8.0
    static let fontSize = 13.0
    static let dotRadius = 4.5
    /// Space between a mark and its label, and between two things drawn in one lane.
    static let gap = 5.0

    let years: ClosedRange<Int>
    private let firstDay: Int
    /// The day after the axis ends.
    private let lastDay: Int

    /// An axis from 1 January of the start's year to 31 December of the end's.
    init(start: PartialDate, end: PartialDate) {
        years = start.year...max(start.year, end.year)
        firstDay = Self.dayNumber((years.lowerBound, 1, 1))
        lastDay = Self.dayNumber((years.upperBound + 1, 1, 1))
    }

    /// The x of the start of a day.
    func x(_ date: (Int, Int, Int)) -> Double {
        Self.margin + (Self.width - 2 * Self.margin) * Double(Self.dayNumber(date) - firstDay) / Double(lastDay - firstDay)
    }

    /// From the start of the first day an item covers to the end of its last (`2001` covers all
    /// of 2001; an `end` extends it).
    func span(_ item: Item) -> ClosedRange<Double> {
        x(item.start.firstDay)...x(Self.dayAfter((item.end ?? item.start).lastDay))
    }

    /// Events: a dot for a single day, a bar for a month, a year or a range.
    func placeEvents(_ items: [Item]) -> [Placement] {
        Self.packLanes(items.map { item in
            let span = span(item)
            let mark = item.isDay ? (span.lowerBound - Self.dotRadius)...(span.lowerBound + Self.dotRadius) : span.lowerBound...max(span.upperBound, span.lowerBound + 3)
            return label(item.label, after: mark)
        })
    }

    /// Eras: a band over their span, the label inside it from its start.
    func placeEras(_ items: [Item]) -> [Placement] {
        Self.packLanes(items.map { item in
            let span = span(item)
            return label(item.label, after: span.lowerBound...span.lowerBound, band: span)
        })
    }

    private func label(_ text: String, after mark: ClosedRange<Double>, band: ClosedRange<Double>? = nil) -> Placement {
        let width = Self.estimatedWidth(text)
        let drawn = band ?? mark
        var start = mark.upperBound + Self.gap
        if start + width > Self.width - Self.margin { start = max(Self.margin, mark.lowerBound - Self.gap - width) }
        return Placement(lane: 0, markStart: drawn.lowerBound, markEnd: drawn.upperBound, labelStart: start, labelWidth: width)
    }

    /// Puts each placement, in order, in the first lane where its extent, with `gap` around it,
    /// overlaps nothing already there.
    static func packLanes(_ placements: [Placement]) -> [Placement] {
        var lanes: [[ClosedRange<Double>]] = []
        return placements.map { placement in
            var placed = placement
            let extent = (placement.extent.lowerBound - gap)...(placement.extent.upperBound + gap)
            let lane = lanes.firstIndex { $0.allSatisfy { !$0.overlaps(extent) } } ?? lanes.count
            if lane == lanes.count { lanes.append([]) }
            lanes[lane].append(extent)
            placed.lane = lane
            return placed
        }
    }

    /// A generous estimate of a label's width at `fontSize` in a sans-serif system font (widths
    /// in ems, rounded up from the widest common such font), so that a label is never wider
    /// than the room it was given.
    static func estimatedWidth(_ text: String) -> Double {
        var ems = 0.0
        for character in text {
            switch character {
            case "i", "j", "l", "I", ".", ",", ":", ";", "'", "’", "‘", "!", "|": ems += 0.32
            case " ", "f", "t", "r", "(", ")", "-", "“", "”", "\"": ems += 0.42
            case "m", "w", "M", "W", "—": ems += 1.0
            case "–": ems += 0.55
            default: ems += character.isUppercase ? 0.8 : 0.65
            }
        }
        return (ems * fontSize + 2).rounded(.up)
    }

    static func dayAfter(_ date: (Int, Int, Int)) -> (Int, Int, Int) {
        let (y, m, d) = date
        if d < PartialDate.daysIn(month: m, year: y) { return (y, m, d + 1) }
        return m < 12 ? (y, m + 1, 1) : (y + 1, 1, 1)
    }

    /// Days since 1 January of year 0 in the proleptic Gregorian calendar; only differences matter.
    static func dayNumber(_ date: (Int, Int, Int)) -> Int {
        let (y, m, d) = date
        let before = y - 1
        var total = y * 365 + (y > 0 ? before / 4 - before / 100 + before / 400 + 1 : 0)
        for month in 1..<m { total += PartialDate.daysIn(month: month, year: y) }
        return total + d - 1
    }
}

extension TimelineLayout.Item {
    /// An event, labelled with its title, marked when its date is approximate.
    init(_ event: Event) { self.init(start: event.date, end: event.end, label: (event.circa ? "c. " : "") + event.title) }
}
