/// An annotation placed in its source.
public struct PlacedAnnotation: Sendable {
    public var annotation: Annotation
    public var source: SourceID
    public var anchor: Anchor
    /// 1-based position in the source's reading order.
    public var number: Int
}

/// One occurrence of an actor's or term's alias in a source.
public struct Occurrence: Sendable {
    public var passage: PassageRef
    /// Range in the paragraph's plain text.
    public var range: Range<Int>
    public var excerpt: String
}

/// How one passage characterises the tie between two actors.
public struct RelationEdge: Sendable {
    public var actors: (ActorID, ActorID)
    public var category: TermID
    public var passage: PassageRef
    public var annotation: PlacedAnnotation
}

/// The content with every reference checked and every cross-link worked out: what the
/// renderer needs, and nothing it must compute again.
public struct ResolvedSite: Sendable {
    public var site: SiteConfig
    /// Oldest first.
    public var documents: [SourceDocument]
    public var annotations: [SourceID: [PlacedAnnotation]]
    public var actors: [Actor]
    public var actorMentions: [ActorID: [Occurrence]]
    public var termUses: [TermID: [Occurrence]]
    public var relations: [RelationEdge]
    /// Chronological.
    public var events: [Event]
    public var terms: [Term]
    /// Parsed Markdown bodies of annotations, actors, events and terms, by file.
    public var bodies: [String: MarkdownNode]
    /// What each body's cross-links point at, to show as backlinks.
    public var bodyLinks: [String: [LinkTarget]]

    public func actor(_ id: ActorID) -> Actor? { actors.first { $0.id == id } }
    public func term(_ id: TermID) -> Term? { terms.first { $0.id == id } }
    public func event(_ id: EventID) -> Event? { events.first { $0.id == id } }
    public func document(_ id: SourceID) -> SourceDocument? { documents.first { $0.source.id == id } }
}
