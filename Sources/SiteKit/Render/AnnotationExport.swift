import Foundation

/// `annotations.jsonld`: every annotation as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/)
/// in one `AnnotationCollection`, sources oldest first and each source's notes in reading order.
///
/// Selectors are stated over the source page's text as this rule defines it: each numbered
/// paragraph's text as the page shows it (without the note numbers after highlights), with a
/// line break after each block inside it, runs of spaces and line breaks as one space and none at
/// either end; paragraphs joined by a blank line ("\n\n"); positions counted in Unicode code points.
/// `Tests/site/check_site.py` reads the pages by the same rule and checks every selector.
struct AnnotationExport {
    static let path = "annotations.jsonld"
    /// Characters of context a `TextQuoteSelector` gives on each side, as Hypothesis gives.
    static let contextLength = 32

    let site: ResolvedSite

    /// The collection in pieces, each made as it is read: its fields, then a line of each
    /// source's annotations (nothing for a source without any), then its end; each object's keys
    /// in alphabetical order. A piece holds one source's annotations, and making it one source's
    /// page text, so that the file is never held whole (`OutputSink`).
    func pieces() -> some Sequence<[UInt8]> {
        let root = site.site.rootURL ?? ""
        let actorNames = Dictionary(uniqueKeysWithValues: site.actors.map { ($0.id.raw, $0.name) })
        let termNames = Dictionary(uniqueKeysWithValues: site.terms.map { ($0.id.raw, $0.term) })
        let total = site.documents.reduce(0) { $0 + (site.annotations[$1.source.id]?.count ?? 0) }
        var head: [UInt8] = Array(#"{"@context":"http://www.w3.org/ns/anno.jsonld","id":"#.utf8)
        JSONString.append(root + Self.path, to: &head)
        head += #","label":"#.utf8
        JSONString.append("Annotations: \(site.site.title)", to: &head)
        head += #","total":\#(total),"type":"AnnotationCollection","items":["#.utf8
        let first = site.documents.firstIndex { !(site.annotations[$0.source.id] ?? []).isEmpty }
        return (-1...site.documents.count).lazy.map { position -> [UInt8] in
            if position < 0 { return head }
            if position == site.documents.count { return Array("\n]}\n".utf8) }
            let document = site.documents[position]
            let placed = site.annotations[document.source.id] ?? []
            guard !placed.isEmpty else { return [] }
            let text = PageText(document.paragraphTexts())
            let page = site.site.rootURL.map { $0 + "sources/\(document.source.id.raw)/" } ?? Paths.source(document.source.id)
            var bytes = Array((position == first ? "\n" : ",\n").utf8)
            for (index, item) in placed.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                let quote = text.quote(paragraph: item.anchor.paragraph, bytes: item.anchor.shown, context: Self.contextLength)
                let tags = item.actors.compactMap { actorNames[$0] } + item.terms.compactMap { termNames[$0] }
                append(item, page: page, root: root, quote: quote, tags: tags, to: &bytes)
            }
            return bytes
        }
    }

    /// One annotation: its note as a TextualBody, its actors and terms as tags, and its target
    /// as a TextQuoteSelector and a TextPositionSelector over the page text.
    private func append(_ item: PlacedAnnotation, page: String, root: String, quote: (exact: String, prefix: String, suffix: String, position: Range<Int>),
                        tags: [String], to bytes: inout [UInt8]) {
        bytes += #"{"body":[{"format":"text/html","language":"#.utf8
        JSONString.append(site.site.language, to: &bytes)
        bytes += #","type":"TextualBody","value":"#.utf8
        JSONString.append(Self.linkedFromRoot(item.note?.html ?? "", root: root), to: &bytes)
        bytes += "}".utf8
        for tag in tags {
            bytes += #",{"purpose":"tagging","type":"TextualBody","value":"#.utf8
            JSONString.append(tag, to: &bytes)
            bytes += "}".utf8
        }
        bytes += #"],"id":"#.utf8
        JSONString.append(page + "#n-\(item.name.raw)", to: &bytes)
        bytes += #","motivation":""#.utf8
        bytes += item.kind.motivation.utf8
        bytes += #"","target":{"selector":[{"exact":"#.utf8
        JSONString.append(quote.exact, to: &bytes)
        bytes += #","prefix":"#.utf8
        JSONString.append(quote.prefix, to: &bytes)
        bytes += #","suffix":"#.utf8
        JSONString.append(quote.suffix, to: &bytes)
        bytes += #","type":"TextQuoteSelector"},{"end":\#(quote.position.upperBound),"start":\#(quote.position.lowerBound),"type":"TextPositionSelector"}],"source":"#.utf8
        JSONString.append(page, to: &bytes)
        bytes += #"},"type":"Annotation"}"#.utf8
    }

    /// A note's HTML with its links to pages of the site made from the site's root (`root`, the
    /// base URL or nothing) instead of from a source page: every link the generator writes in a
    /// note starts with `Paths.notePagesRoot` (`CrossLinks.rewrite`).
    static func linkedFromRoot(_ html: String, root: String) -> String {
        html.replacing("href=\"\(Paths.notePagesRoot)", with: "href=\"\(root)")
    }

    /// The page text of one source (see above) as UTF-8, and where each paragraph starts in it,
    /// in bytes and in code points. Kept as bytes: as code points it would take four times the
    /// room, and the time to make them for every source.
    struct PageText {
        private let bytes: [UInt8]
        private let starts: [(byte: Int, scalar: Int)]

        init(_ texts: [String]) {
            var bytes: [UInt8] = [], starts: [(byte: Int, scalar: Int)] = []
            var scalars = 0
            for text in texts {
                if !bytes.isEmpty {
                    bytes += [UInt8(ascii: "\n"), UInt8(ascii: "\n")]
                    scalars += 2
                }
                starts.append((bytes.count, scalars))
                let first = bytes.count
                bytes += text.utf8
                scalars += Self.scalarCount(bytes[first...])
            }
            self.bytes = bytes
            self.starts = starts
        }

        /// A span given in bytes of one paragraph's text: its text, up to `context` code points
        /// of the page text on either side, and where it lies in code points.
        func quote(paragraph number: Int, bytes span: Range<Int32>, context: Int)
            -> (exact: String, prefix: String, suffix: String, position: Range<Int>) {
            let paragraph = starts[number - 1]
            let lower = paragraph.byte + Int(span.lowerBound), upper = paragraph.byte + Int(span.upperBound)
            let start = paragraph.scalar + Self.scalarCount(bytes[paragraph.byte..<lower])
            var before = lower, after = upper
            for _ in 0..<context where before > 0 {
                before -= 1
                while before > 0 && Self.isContinuation(bytes[before]) { before -= 1 }
            }
            for _ in 0..<context where after < bytes.count {
                after += 1
                while after < bytes.count && Self.isContinuation(bytes[after]) { after += 1 }
            }
            func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
            return (text(lower..<upper), text(before..<lower), text(upper..<after),
                    start..<(start + Self.scalarCount(bytes[lower..<upper])))
        }

        private static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

        /// Code points counted as the bytes that start one.
        private static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
            bytes.reduce(0) { $0 + (isContinuation($1) ? 0 : 1) }
        }
    }
}

extension NoteKind {
    /// The Web Annotation motivation that fits the kind of note.
    var motivation: String {
        switch self {
        case .context: return "commenting"
        case .claim: return "questioning"
        case .term: return "describing"
        case .correction: return "editing"
        case .crossReference: return "linking"
        }
    }
}
