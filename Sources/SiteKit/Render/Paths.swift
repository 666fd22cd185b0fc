/// Where each page lives, relative to the site root. Every link ends in `index.html` so the
/// site also works opened as a plain folder, where a browser does not look for index files.
public enum Paths {
    public static let home = "index.html"
    public static let sources = "index.html#sources"
    public static func source(_ id: SourceID) -> String { "sources/\(id.raw)/index.html" }
    public static func paragraph(_ ref: PassageRef) -> String { source(ref.source) + paragraphFragment(ref.paragraph) }
    /// What `paragraph` adds to its source's path.
    public static func paragraphFragment(_ number: Int) -> String { "#p\(number)" }
    /// Where a source's paragraph names an actor: the id its page gives the mention (`SourcePageRenderer`).
    public static func mentionID(_ actor: ActorID, paragraph: Int) -> String { "p\(paragraph)-\(actor.raw)" }
    public static func annotation(_ source: SourceID, _ name: AnnotationName) -> String { Paths.source(source) + "#a-\(name.raw)" }
    public static let actors = "actors/index.html"
    public static func actor(_ id: ActorID) -> String { "actors/\(id.raw)/index.html" }
    public static let relations = "relations/index.html"
    /// The comparison page of two actors, the same whichever comes first: their ids in alphabetical order.
    public static func pair(_ a: ActorID, _ b: ActorID) -> String {
        let (first, second) = a.raw <= b.raw ? (a, b) : (b, a)
        return "relations/\(first.raw)--\(second.raw)/index.html"
    }
    /// Every annotation of every source, with filters.
    public static let annotations = "annotations/index.html"
    public static let timeline = "timeline/index.html"
    public static func event(_ id: EventID) -> String { "timeline/index.html#\(id.raw)" }
    public static let glossary = "glossary/index.html"
    public static func term(_ id: TermID) -> String { "glossary/index.html#\(id.raw)" }
    /// Every use of a term used more often than the glossary lists.
    public static func termUses(_ id: TermID) -> String { "glossary/\(id.raw)/index.html" }
    public static let search = "search/index.html"
    public static let notFound = "404.html"

    /// The root of the pages that show annotations' notes, a source's and an actor's, from which
    /// notes are rendered once for all of them (`RenderedNote`).
    public static let notePagesRoot = "../../"

    /// The prefix that leads from a page back to the site root: `../../` for `actors/x/index.html`.
    public static func root(of page: String) -> String {
        String(repeating: "../", count: page.split(separator: "/").count - 1)
    }
}
