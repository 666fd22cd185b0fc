extension FrontMatterReader {
    /// `timeline.eras`: a list of `label`, `start`, `end` and optional `passages`, each era within `range` (the
    /// timeline's own start and end, when they were read) and none overlapping another. The
    /// entries' problems come back apart from this reader's, so that a bad era does not stop the
    /// rest of the site from being checked; a bad era is left out.
    mutating func eras(within range: (start: PartialDate, end: PartialDate)?) -> (eras: [Era], diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        var read: [(era: Era, label: Located<String>, start: Located<PartialDate>)] = []
        for var entry in mappingList("eras") {
            let label = entry.string("label", required: true)
            let start = entry.date("start", required: true)
            let end = entry.date("end", required: true)
            let passages = entry.stringList("passages")
            entry.warnUnknownKeys(known: ["label", "start", "end", "passages"])
            log.append(contentsOf: entry.diagnostics)
            guard let label, let start, let end else { continue }
            let era = Era(label: label.value, start: start.value, end: end.value, passages: passages)
            if end.value.lastDay < start.value.firstDay {
                log.error(end.location, "era '\(label.value)' ends (\(end.value)) before it starts (\(start.value))")
            } else if let range, start.value.firstDay < range.start.firstDay || end.value.lastDay > range.end.lastDay {
                log.error(start.location, "era '\(label.value)' (\(start.value) to \(end.value)) lies outside the timeline range \(range.start) to \(range.end)")
            } else {
                read.append((era, label, start))
            }
        }
        read.sort { $0.era.start.firstDay < $1.era.start.firstDay }
        var eras: [Era] = []
        for (index, item) in read.enumerated() {
            if let previous = read[..<index].last(where: { $0.era.end.lastDay >= item.era.start.firstDay }) {
                log.error(item.start.location, "era '\(item.era.label)' (\(item.era.start) to \(item.era.end)) overlaps era '\(previous.era.label)' (\(previous.era.start) to \(previous.era.end))",
                          notes: [.init(previous.label.location, "era '\(previous.era.label)' given here")])
            } else {
                eras.append(item.era)
            }
        }
        return (eras, log.all)
    }
}
