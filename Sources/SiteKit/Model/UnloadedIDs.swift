/// The ids of content files that exist but did not load: each has its own error already, so a
/// reference to one is not reported again as unknown. One mistake in a source's front matter
/// would otherwise bury its error under one "unknown source" per annotation and link.
public struct UnloadedIDs: Sendable, Equatable {
    var sources: Set<String> = []
    var actors: Set<String> = []
    var events: Set<String> = []
    var terms: Set<String> = []

    public init() {}

    /// Records a file by its path relative to the content folder (`actors/iran.md`).
    mutating func insert(_ relative: String) {
        let parts = relative.split(separator: "/")
        guard parts.count == 2, parts[1].hasSuffix(".md") else { return }
        let id = String(parts[1].dropLast(3))
        switch parts[0] {
        case "sources": sources.insert(id)
        case "actors": actors.insert(id)
        case "events": events.insert(id)
        case "glossary": terms.insert(id)
        default: break
        }
    }

    func contains(_ target: LinkTarget) -> Bool {
        switch target {
        case .actor(let id): actors.contains(id.raw)
        case .term(let id): terms.contains(id.raw)
        case .event(let id): events.contains(id.raw)
        case .source(let id): sources.contains(id.raw)
        case .passage(let ref): sources.contains(ref.source.raw)
        }
    }
}
