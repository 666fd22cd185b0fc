/// Looks up every quotation in the editors' prose in the sources. A quotation matches a span of
/// one paragraph (or section title) when they agree once quotation marks, apostrophes, dashes and white space are
/// set aside, the case of the first letter is ignored and a closing '.', ',', ';' or ':' is
/// dropped; an ellipsis in the quotation matches any gap within the paragraph. One that is in no
/// source gets a warning at its opening mark, with the closest passage of the sources it cites.
struct QuotationCheck: Sendable {
    /// A source's passage most like a quotation it does not hold.
    struct Closest: Sendable {
        var source: SourceID
        var paragraph: Int
        var similarity: Double
        var excerpt: String
    }

    private struct Needle: Sendable {
        /// The parts between ellipses, each as a matching key; in order within one paragraph.
        var parts: [[Unicode.Scalar]]
        /// The whole quotation folded as quotes are, for the closest-passage search.
        var folded: [Unicode.Scalar]
    }

    let quotations: [ProseQuotation]
    private let needles: [Needle]

    init(_ quotations: [ProseQuotation]) {
        self.quotations = quotations
        needles = quotations.map { quotation in
            let folded = NormalizedText.query(quotation.text)
            var parts = Self.split(folded).map(Self.key).filter { !$0.isEmpty }
            while let last = parts.last?.last, ".,;:".unicodeScalars.contains(last) { parts[parts.count - 1].removeLast() }
            return Needle(parts: parts.filter { !$0.isEmpty }, folded: folded)
        }
    }

    /// Whether one source holds each quotation.
    func found(in text: SourceText) -> [Bool] {
        guard !needles.isEmpty else { return [] }
        let keys = text.paragraphs.map { Self.key($0.text.scalars) } + text.headings.map { Self.key($0.scalars) }
        return needles.map { needle in keys.contains { Self.contains(needle.parts, in: $0) } }
    }

    /// The quotations no source holds, by their index in `quotations`, from what each source
    /// holds (`found(in:)`, one list per source).
    func missing(_ found: [[Bool]]) -> [Int] {
        quotations.indices.filter { index in !found.contains { $0[index] } }
    }

    /// The passage of a source most like a quotation it does not hold, when the quotation cites
    /// this source (or cites none) and a passage is at least half similar. Looked for only once
    /// no source holds the quotation: the search is approximate, and slow beside the lookup.
    func closest(_ index: Int, in text: SourceText) -> Closest? {
        let needle = needles[index]
        guard quotations[index].cited.isEmpty || quotations[index].cited.contains(text.sourceID),
              let closest = QuoteAnchor.closestPassage(to: needle.folded, in: text) else { return nil }
        let excerpt = SourceText.excerpt(closest.paragraph, around: closest.range, width: max(needle.folded.count, 40))
        return Closest(source: text.sourceID, paragraph: closest.paragraph.number, similarity: closest.similarity,
                       excerpt: excerpt.text(in: closest.paragraph.collapsed))
    }

    /// The warning for a quotation no source holds, naming the most similar of `closest`.
    func warning(_ index: Int, closest: [Closest]) -> Diagnostic {
        let quotation = quotations[index]
        // The cited sources in the order cited, so that a tie goes to the first.
        let rank = { (id: SourceID) in quotation.cited.firstIndex(of: id) ?? quotation.cited.count }
        let best = closest.min { ($1.similarity, rank($0.source)) < ($0.similarity, rank($1.source)) }
        let notes = best.map { best in
            [Diagnostic.Note(quotation.location, "closest passage is \(best.source.raw) ¶\(best.paragraph) (\(Int((best.similarity * 100).rounded(.down)))% similar): \"\(best.excerpt)\"")]
        } ?? []
        return .warning(quotation.location, "quotation \"\(Self.shortened(quotation.text))\" is not in the sources; if it is from elsewhere, link it to where it comes from", notes: notes)
    }

    /// Folded text cut at each ellipsis ("...", as '…' is folded).
    private static func split(_ folded: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
        var parts: [ArraySlice<Unicode.Scalar>] = []
        var start = 0, index = 0
        while index + 2 < folded.count {
            if folded[index] == ".", folded[index + 1] == ".", folded[index + 2] == "." {
                parts.append(folded[start..<index])
                index += 3
                while index < folded.count, folded[index] == "." { index += 1 }
                start = index
            } else {
                index += 1
            }
        }
        parts.append(folded[start...])
        return parts
    }

    /// Folded text without white space, quotation marks, apostrophes and dashes.
    private static func key<Scalars: Sequence<Unicode.Scalar>>(_ folded: Scalars) -> [Unicode.Scalar] {
        folded.filter { $0 != " " && $0 != "\"" && $0 != "'" && $0 != "-" }
    }

    /// Whether the parts occur in order, without overlapping, in `key`; each part's first
    /// letter in either case.
    private static func contains(_ parts: [[Unicode.Scalar]], in key: [Unicode.Scalar]) -> Bool {
        var from = 0
        for part in parts {
            let starts = variants(part).flatMap { SubstringSearch.occurrences(of: $0, in: key) }.filter { $0 >= from }
            guard let start = starts.min() else { return false }
            from = start + part.count
        }
        return true
    }

    private static func variants(_ part: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        guard let first = part.first else { return [part] }
        let other = first.properties.isUppercase ? first.properties.lowercaseMapping : first.properties.uppercaseMapping
        guard other.unicodeScalars.count == 1, let swapped = other.unicodeScalars.first, swapped != first else { return [part] }
        return [part, [swapped] + part.dropFirst()]
    }

    private static func shortened(_ text: String) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.count <= 80 ? collapsed : String(collapsed.prefix(79)) + "…"
    }
}
