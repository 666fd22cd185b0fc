/// An annotation placed in its source, as its pages show it: its note rendered (`note`), and the
/// values of its front matter without where each was written, which nothing after placing reports
/// on. A build holds one for every annotation through its rendering.
public struct PlacedAnnotation: Sendable {
    public var name: AnnotationName
    public var file: String
    public var source: SourceID
    public var quote: String
    public var kind: NoteKind
    /// The ids its front matter names, as written; only those with a page are linked.
    public var actors: [String]
    public var terms: [String]
    public var relation: Tie?
    public var anchor: Anchor
    /// 1-based position in the source's reading order.
    public var number: Int
    public var note: RenderedNote?

    /// The tie its `relation` characterises, by ids as written.
    public struct Tie: Sendable {
        public var between: [String]
        public var category: String
        /// Which of `between` holds the role the category names, if the annotation says.
        public var roleOf: String?
    }

    /// The actors it names, then those its tie is between, each once, as written.
    var actorsNamed: [ActorID] { Self.once(actors + (relation?.between ?? [])).map(ActorID.init) }
    /// The terms it names, then the category of its tie, each once, as written.
    var termsNamed: [TermID] { Self.once(terms + (relation.map { [$0.category] } ?? [])).map(TermID.init) }

    private static func once(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// Numbered 0 until its source's annotations are put in reading order.
    init(_ annotation: Annotation, anchor: Anchor, note: RenderedNote?) {
        name = annotation.name
        file = annotation.file
        source = SourceID(annotation.source.value)
        quote = annotation.quote.value
        kind = annotation.kind
        actors = annotation.actors.map(\.value)
        terms = annotation.terms.map(\.value)
        relation = annotation.relation.map { Tie(between: $0.between.map(\.value), category: $0.category.value, roleOf: $0.roleOf?.value) }
        self.anchor = anchor
        number = 0
        self.note = note
    }
}

/// One occurrence of an actor's or term's alias in a source, as pages list it. (Where in the
/// paragraph it stands is kept in `ResolvedSite.mentionPlaces`, not here: a big build holds a
/// million of these through its rendering.) Its source is a position in `ResolvedSite.documents`;
/// its excerpt is in `ResolvedSite.excerptBook`, and only its size here. All three numbers are
/// 32 bits: 12 bytes, where a source id made it 32.
public struct Occurrence: Sendable, BitwiseCopyable {
    private var number: Int32
    private var document: Int32
    private var size: UInt32

    public var paragraph: Int { Int(number) }
    /// Position of its source in `ResolvedSite.documents`.
    public var documentIndex: Int { Int(document) }
    /// The size of its excerpt as a reader sees it, in UTF-8 bytes.
    var excerptSize: Int { Int(size) }

    init(document: Int, paragraph: Int, excerpt: Excerpt) {
        self.document = Int32(document)
        number = Int32(paragraph)
        size = UInt32(excerpt.textSize)
    }
}

/// A range of one paragraph's plain text.
public typealias TextPlace = (paragraph: Int, range: Range<Int>)

/// Where a paragraph names an actor or uses a term, in the paragraph's plain text. Offsets are
/// kept in 32 bits, what it names by its number in `ResolvedSite.mentionTargets` (a target is
/// 25 bytes), and a source's places in one list: a big build holds a million of these through
/// its rendering.
public struct MentionPlace: Sendable, BitwiseCopyable {
    private var number: Int32, start: Int32, end: Int32
    /// Index in `ResolvedSite.mentionTargets`.
    public private(set) var target: Int32

    public var paragraph: Int { Int(number) }
    public var range: Range<Int> { Int(start)..<Int(end) }

    init(paragraph: Int, range: Range<Int>, target: Int32) {
        number = Int32(paragraph)
        start = Int32(range.lowerBound)
        end = Int32(range.upperBound)
        self.target = target
    }
}

/// An annotation's note as its pages show it, rendered once: a note is shown on its source's
/// page, on the page of every actor it names and in the search index. Rendered, a note is
/// smaller than parsed, and it waits in the text store with the sources' text.
public struct RenderedNote: Sendable {
    /// The HTML, then the text.
    private let bytes: StoredBytes
    private let textStart: Int

    /// `file` is the annotation's.
    init(html: String, text: String, file: String, store: TextStore) {
        var bytes = Array(html.utf8)
        bytes.append(contentsOf: text.utf8)
        self.bytes = StoredBytes(bytes, file: file, store: store)
        textStart = html.utf8.count
    }

    /// The size of its HTML in UTF-8 bytes, known without reading it.
    public var htmlSize: Int { textStart }

    /// Its HTML, links written from `Paths.notePagesRoot`.
    public var html: String { String(decoding: bytes[0..<textStart], as: UTF8.self) }
    /// What search finds: its plain text, runs of spaces as one.
    public var text: String { String(decoding: textBytes, as: UTF8.self) }
    /// `text` in UTF-8.
    var textBytes: [UInt8] { bytes[textStart..<bytes.count] }
    /// The size of `text` in UTF-8 bytes, known without reading it.
    var textSize: Int { bytes.count - textStart }
}

/// How one passage characterises the tie between two actors.
public struct RelationEdge: Sendable {
    public var actors: (ActorID, ActorID)
    public var category: TermID
    /// The actor that holds the role the category names, when the passage says which.
    public var roleHolder: ActorID?
    public var passage: PassageRef
    /// The name of the annotation that says so, in the passage's source: only the name, as a
    /// big edition holds many edges.
    public var annotationName: AnnotationName
}

/// The content with every reference checked and every cross-link worked out: what the
/// renderer needs, and nothing it must compute again.
public struct ResolvedSite: Sendable {
    public var site: SiteConfig
    /// Oldest first.
    public let documents: [SourceDocument]
    public var annotations: [SourceID: [PlacedAnnotation]]
    public var actors: [Actor]
    public var actorMentions: [ActorID: StoredList<Occurrence>]
    public var termUses: [TermID: StoredList<Occurrence>]
    /// The same mentions and uses by source, in paragraph order, for marking up the text.
    public var mentionPlaces: [SourceID: StoredList<MentionPlace>]
    /// What mention places name: every actor, then every term, in the corpus's order.
    public var mentionTargets: [LinkTarget]
    public var relations: [RelationEdge]
    /// Chronological.
    public var events: [Event]
    public var terms: [Term]
    /// Parsed Markdown bodies of actors, events and terms, by file.
    public var bodies: [String: MarkdownNode]
    /// What the body of each actor, event and term links to, to show as backlinks.
    public var bodyLinks: [String: [LinkTarget]]
    /// For each source with corrections, where each correction's corrected text stands.
    public var correctionPlaces: [SourceID: [[TextPlace]]]

    /// Where the sources' reader text and the rendered notes are kept.
    public let texts: TextStore

    /// Position of each source in `documents`, so that lookups by id stay constant-time at scale.
    private var documentPositions: [SourceID: Int] = [:]
    /// The excerpts that `actorMentions` and `termUses` show, by target number.
    let excerptBook: ExcerptBook
    /// Each target's number in `mentionTargets`.
    private var targetNumbers: [LinkTarget: Int] = [:]

    init(site: SiteConfig, documents: [SourceDocument], annotations: [SourceID: [PlacedAnnotation]], actors: [Actor],
         actorMentions: [ActorID: StoredList<Occurrence>], termUses: [TermID: StoredList<Occurrence>],
         mentionPlaces: [SourceID: StoredList<MentionPlace>],
         mentionTargets: [LinkTarget], relations: [RelationEdge], events: [Event],
         terms: [Term], bodies: [String: MarkdownNode], bodyLinks: [String: [LinkTarget]],
         correctionPlaces: [SourceID: [[TextPlace]]], excerptBook: ExcerptBook, texts: TextStore) {
        self.site = site
        self.documents = documents
        self.annotations = annotations
        self.actors = actors
        self.actorMentions = actorMentions
        self.termUses = termUses
        self.mentionPlaces = mentionPlaces
        self.mentionTargets = mentionTargets
        self.relations = relations
        self.events = events
        self.terms = terms
        self.bodies = bodies
        self.bodyLinks = bodyLinks
        self.correctionPlaces = correctionPlaces
        self.excerptBook = excerptBook
        self.texts = texts
        targetNumbers = Dictionary(uniqueKeysWithValues: mentionTargets.enumerated().map { ($1, $0) })
        documentPositions = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.source.id, $0) })
    }

    public func document(_ id: SourceID) -> SourceDocument? { documentPositions[id].map { documents[$0] } }

    /// Position of a source in `documents`.
    func position(of id: SourceID) -> Int? { documentPositions[id] }

    /// The source an occurrence stands in.
    public func document(of occurrence: Occurrence) -> SourceDocument { documents[occurrence.documentIndex] }

    /// The excerpts of an actor's mentions (`actorMentions`) or a term's uses (`termUses`), as a
    /// reader sees them: of `occurrences`, the list or its first elements, as the page read them.
    public func excerpts(of target: LinkTarget, _ occurrences: some Collection<Occurrence>) -> [String] {
        guard let number = targetNumbers[target] else { return [] }
        return excerptBook.excerpts(of: number, occurrences)
    }

    /// Occurrences cut into runs of the same source, in order.
    func runs(of occurrences: ArraySlice<Occurrence>) -> [(document: SourceDocument, occurrences: ArraySlice<Occurrence>)] {
        var runs: [(document: SourceDocument, occurrences: ArraySlice<Occurrence>)] = []
        var start = occurrences.startIndex
        while start < occurrences.endIndex {
            let position = occurrences[start].documentIndex
            let end = occurrences[start...].firstIndex { $0.documentIndex != position } ?? occurrences.endIndex
            runs.append((documents[position], occurrences[start..<end]))
            start = end
        }
        return runs
    }
}
