/// Everything a reviewer wrote, as loaded from `content/`: values only, no rendering.
public struct Corpus: Sendable {
    public var site: SiteConfig
    public var sources: [Source]
    public var annotations: [Annotation]
    public var actors: [Actor]
    public var events: [Event]
    public var terms: [Term]
    /// Files that exist but did not load, each with its own error.
    public var unloaded = UnloadedIDs()
    /// Digest of each file's bytes, by path.
    public var fileDigests: [String: Int] = [:]
    /// Where the sources' trees are kept (`Source.tree`), and the resolver keeps what it makes.
    public var texts: TextStore = .inMemory()
}

public struct SiteConfig: Sendable {
    /// `base_url` ending in exactly one `/`, ready to have a page path appended.
    public var rootURL: String? { baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } }

    /// The path part of `rootURL` (`/reader/` for `https://example.org/reader/`): a root that
    /// holds from any depth, for `404.html`, which a server shows at whatever URL was missing.
    public var rootPath: String? {
        guard let root = rootURL else { return nil }
        let afterScheme = root.range(of: "://").map { root[$0.upperBound...] } ?? root[...]
        return afterScheme.firstIndex(of: "/").map { String(afterScheme[$0...]) } ?? "/"
    }

    public var title: String
    public var subtitle: String
    public var language: String
    public var description: String
    public var baseURL: String?
    public var timelineStart: PartialDate
    public var timelineEnd: PartialDate
    /// Periods drawn as bands on the timeline's overview, in order, none overlapping another.
    public var eras: [Era] = []
}

/// A named period of the timeline (`timeline.eras` in `site.yml`): from the first day of
/// `start` to the last day of `end`, with the passages that frame it (`<source-id>#p<N>`).
public struct Era: Equatable, Sendable {
    public var label: String
    public var start: PartialDate
    public var end: PartialDate
    public var passages: [Located<String>]

    public init(label: String, start: PartialDate, end: PartialDate, passages: [Located<String>] = []) {
        self.label = label
        self.start = start
        self.end = end
        self.passages = passages
    }
}

/// A Markdown body and the line of its file on which it starts.
public struct Body: Sendable {
    public var markdown: String
    public var firstLine: Int
    public var file: String

    public init(markdown: String, firstLine: Int, file: String) {
        self.markdown = markdown
        self.firstLine = firstLine
        self.file = file
    }
}

public struct Source: Sendable {
    public struct Correction: Sendable {
        public var original: String
        public var corrected: Located<String>
    }

    public var id: SourceID
    public var file: String
    public var title: String
    public var titleSupplied: Bool
    public var author: String?
    /// Each person `author` names, for citation metadata; `[author]` when not given.
    public var authors: [String]
    public var publisher: String?
    /// The publisher is a periodical, cited as the journal's title.
    public var journal: Bool
    public var date: PartialDate
    public var url: String?
    public var summary: String
    public var editorNote: String?
    /// The summary and the editor note as written in the file, for the quotation check.
    public var prose: [ProseSpan] = []
    public var corrections: [Correction]
    /// The body; a loaded source's Markdown is empty, its parsed `tree` kept instead.
    public var body: Body
    /// The body as the loader parsed it, kept outside memory until its page is made.
    public var tree: StoredTree?

    public init(id: SourceID, file: String, title: String, titleSupplied: Bool, author: String?, authors: [String] = [],
                publisher: String?, journal: Bool = false,
                date: PartialDate, url: String?, summary: String, editorNote: String?, corrections: [Correction], body: Body) {
        self.id = id
        self.file = file
        self.title = title
        self.titleSupplied = titleSupplied
        self.author = author
        self.authors = authors.isEmpty ? author.map { [$0] } ?? [] : authors
        self.publisher = publisher
        self.journal = journal
        self.date = date
        self.url = url
        self.summary = summary
        self.editorNote = editorNote
        self.corrections = corrections
        self.body = body
    }
}

public enum NoteKind: String, CaseIterable, Sendable {
    case context, claim, term, correction
    case crossReference = "cross-reference"

    public var label: String {
        switch self {
        case .context: return "Context"
        case .claim: return "Claim to weigh"
        case .term: return "Term"
        case .correction: return "Correction"
        case .crossReference: return "Cross-reference"
        }
    }
}

public struct Relation: Sendable {
    public var between: [Located<String>]
    public var category: Located<String>
    /// Which of `between` holds the role the category names (the junior partner, the
    /// bargaining chip); nil for a tie that is the same both ways.
    public var roleOf: Located<String>?
    public var location: SourceLocation
}

public struct Annotation: Sendable {
    public var source: Located<String>
    public var name: AnnotationName
    public var file: String
    public var quote: Located<String>
    public var prefix: String?
    public var suffix: String?
    public var kind: NoteKind
    public var actors: [Located<String>]
    public var terms: [Located<String>]
    public var events: [Located<String>]
    public var relation: Relation?
    public var body: Body
}

public enum ActorCategory: String, CaseIterable, Sendable {
    case state, organisation, group, person

    public var plural: String {
        switch self {
        case .state: return "States"
        case .organisation: return "Organisations"
        case .group: return "Groups"
        case .person: return "People"
        }
    }
}

public struct Actor: Sendable {
    public var id: ActorID
    public var file: String
    public var name: String
    /// The name as it reads inside a sentence ("the United States"); `name` when not given.
    public var nameInText: String
    public var kind: ActorCategory
    public var aliases: [Located<String>]
    public var body: Body
}

public struct Event: Sendable {
    public var id: EventID
    public var file: String
    public var date: PartialDate
    public var end: PartialDate?
    public var circa: Bool
    public var title: String
    public var actors: [Located<String>]
    public var terms: [Located<String>]
    public var passages: [Located<String>]
    public var body: Body
}

public enum TermFamily: String, CaseIterable, Sendable {
    /// `role`: a part one actor plays toward another (junior partner, bargaining chip), not a kind of tie.
    case alliance, partnership, alignment, rivalry, role, other

    public var label: String {
        switch self {
        case .alliance: return "Alliance"
        case .partnership: return "Partnership"
        case .alignment: return "Alignment"
        case .rivalry: return "Rivalry"
        case .role: return "Role"
        case .other: return "Other"
        }
    }
}

public struct Term: Sendable {
    public var id: TermID
    public var file: String
    public var term: String
    public var aliases: [Located<String>]
    public var family: TermFamily
    public var seeAlso: [Located<String>]
    public var body: Body
}
