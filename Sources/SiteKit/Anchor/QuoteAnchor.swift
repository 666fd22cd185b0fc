/// Where an annotation's quote lies: one range of one paragraph's plain text.
public struct Anchor: Sendable, Equatable {
    public var paragraph: Int
    public var range: Range<Int>
    /// The same span in what a reader sees of the paragraph (`SourceText.Paragraph.collapsed`),
    /// in UTF-8 bytes: what the W3C export's selectors state.
    public var shown: Range<Int32>
}

/// Finds the one passage a reviewer's quote names, or explains precisely why it cannot.
public enum QuoteAnchor {
    /// Below this similarity the closest passage is not worth showing: it would mislead.
    static let minimumReportedSimilarity = 0.5

    public static func anchor(quote: Located<String>, prefix: String?, suffix: String?,
                              in document: SourceText) -> Result<Anchor, Diagnostic> {
        let needle = NormalizedText.query(quote.value)
        let wantedPrefix = prefix.map(NormalizedText.query) ?? []
        let wantedSuffix = suffix.map { Array(NormalizedText.query($0).drop { $0 == " " }) } ?? []
        var found: [(paragraph: SourceText.Paragraph, start: Int)] = []
        var unfiltered = 0
        for paragraph in document.paragraphs {
            let text = paragraph.text.scalars
            for start in SubstringSearch.occurrences(of: needle, in: text) {
                unfiltered += 1
                var before = text[..<start]
                while before.last == " " { before.removeLast() }
                var after = text[(start + needle.count)...]
                while after.first == " " { after.removeFirst() }
                if before.hasSuffix(wantedPrefix) && after.starts(with: wantedSuffix) {
                    found.append((paragraph, start))
                }
            }
        }
        let sourceID = document.sourceID.raw
        if found.count == 1 {
            let match = found[0]
            let range = match.paragraph.text.originalRange(match.start..<(match.start + needle.count))
            return .success(Anchor(paragraph: match.paragraph.number, range: range, shown: match.paragraph.collapsedBytes(range)))
        }
        if found.count > 1 {
            let notes = found.map { match in
                let range = match.paragraph.text.originalRange(match.start..<(match.start + needle.count))
                return Diagnostic.Note(quote.location, "¶\(match.paragraph.number): \"\(SourceText.excerpt(match.paragraph, around: range, width: 90).text(in: match.paragraph.collapsed))\"")
            }
            return .failure(.error(quote.location,
                "quote matches \(found.count) passages in source '\(sourceID)'; add 'prefix' or 'suffix' to pick one",
                notes: notes))
        }
        if unfiltered > 0 {
            return .failure(.error(quote.location,
                "quote occurs \(unfiltered) time\(unfiltered == 1 ? "" : "s") in source '\(sourceID)' but never with the given prefix/suffix"))
        }
        var notes: [Diagnostic.Note] = []
        if let closest = closestPassage(to: needle, in: document) {
            let percent = Int((closest.similarity * 100).rounded(.down))
            notes.append(Diagnostic.Note(quote.location,
                "closest passage is ¶\(closest.paragraph.number) (\(percent)% similar): \"\(SourceText.excerpt(closest.paragraph, around: closest.range, width: max(needle.count, 40)).text(in: closest.paragraph.collapsed))\""))
        }
        return .failure(.error(quote.location, "quote not found in source '\(sourceID)'", notes: notes))
    }

    /// The passage most like the quote, judged on the quote's first 64 folded scalars with an
    /// approximate-substring search (linear in the text), so no quote or paragraph length can
    /// make it slow. Nil when nothing is even half similar.
    static func closestPassage(to needle: [Unicode.Scalar], in document: SourceText)
        -> (paragraph: SourceText.Paragraph, range: Range<Int>, similarity: Double)? {
        let probe = needle.prefix(64)
        var best: (paragraph: SourceText.Paragraph, end: Int, distance: Int)?
        for paragraph in document.paragraphs {
            guard let hit = SubstringSearch.bestApproximateEnd(of: probe, in: paragraph.text.scalars) else { continue }
            if best == nil || hit.distance < best!.distance { best = (paragraph, hit.end, hit.distance) }
        }
        guard let best else { return nil }
        let similarity = 1 - Double(best.distance) / Double(probe.count)
        guard similarity >= minimumReportedSimilarity else { return nil }
        let folded = best.paragraph.text
        let start = max(best.end - probe.count, 0)
        let end = min(start + needle.count, folded.scalars.count)
        return (best.paragraph, folded.originalRange(start..<max(end, start + 1)), similarity)
    }
}

private extension ArraySlice where Element == Unicode.Scalar {
    func hasSuffix(_ suffix: [Unicode.Scalar]) -> Bool {
        suffix.count <= count && Array(self[(endIndex - suffix.count)...]) == suffix
    }
}
