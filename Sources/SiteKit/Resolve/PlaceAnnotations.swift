/// The pass that places each annotation where its quote was found and numbers a source's
/// annotations in reading order. A placed annotation keeps its note rendered, not its Markdown.
enum PlaceAnnotations {
    /// Each source's annotations in reading order, numbered from 1.
    static func place(_ annotations: consuming [Annotation], anchors: [Result<Anchor, Diagnostic>?], notes: [RenderedNote],
                      in index: CrossLinks, log: inout DiagnosticLog) -> [SourceID: [PlacedAnnotation]] {
        var placed: [PlacedAnnotation] = []
        placed.reserveCapacity(annotations.count)
        for (number, annotation) in annotations.enumerated() {
            guard let anchor = anchors[number] else {
                if index.unloaded.sources.contains(annotation.source.value) { continue }
                let hint = Suggestion.closest(to: annotation.source.value, in: index.documents.keys.map(\.raw)).map { "; did you mean '\($0)'?" } ?? ""
                log.error(annotation.source.location, "annotation folder '\(annotation.source.value)' names no source; it must be a source id" + hint)
                continue
            }
            switch anchor {
            case .success(let anchor):
                placed.append(PlacedAnnotation(annotation, anchor: anchor, note: notes[number]))
            case .failure(let diagnostic):
                log.report(diagnostic)
            }
            if annotation.body.markdown.isBlank {
                log.warning(SourceLocation(file: annotation.file, line: 1, column: 1),
                            "annotation has no note; write what the reader should know below the front matter")
            }
        }
        placed.sort {
            ($0.source, $0.anchor.paragraph, $0.anchor.range.lowerBound, -$0.anchor.range.upperBound, $0.name)
                < ($1.source, $1.anchor.paragraph, $1.anchor.range.lowerBound, -$1.anchor.range.upperBound, $1.name)
        }
        var bySource: [SourceID: [PlacedAnnotation]] = [:]
        var start = placed.startIndex
        while start < placed.endIndex {
            let source = placed[start].source
            let end = placed[start...].firstIndex { $0.source != source } ?? placed.endIndex
            bySource[source] = placed[start..<end].enumerated().map { offset, item in
                var numbered = item
                numbered.number = offset + 1
                return numbered
            }
            start = end
        }
        return bySource
    }
}
