/// What a cross-reference link in a Markdown body points at: `actor:russia`, `term:strategic-ally`,
/// `event:2008-georgia-war`, `source:memri-2019` or `source:memri-2019#p12`.
public enum LinkTarget: Hashable, Sendable {
    case actor(ActorID)
    case term(TermID)
    case event(EventID)
    case source(SourceID)
    case passage(PassageRef)

    static let schemes = ["actor", "term", "event", "source"]

    /// A stable order between targets that start at the same place (actors before terms).
    var sortKey: String {
        switch self {
        case .actor(let id): return "0" + id.raw
        case .term(let id): return "1" + id.raw
        case .event(let id): return "2" + id.raw
        case .source(let id): return "3" + id.raw
        case .passage(let ref): return "4" + ref.description
        }
    }

    /// Why a cross-reference's target cannot be read.
    struct Malformed: Error { var reason: String }

    /// nil when the URL uses none of the cross-reference schemes (an ordinary link).
    /// A cross-reference with a malformed target gives `.failure` with the reason.
    static func parse(_ url: String) -> Result<LinkTarget, Malformed>? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = String(url[..<colon])
        guard schemes.contains(scheme) else { return nil }
        let target = String(url[url.index(after: colon)...])
        switch scheme {
        case "source":
            if target.contains("#") {
                guard let ref = PassageRef(target) else { return .failure(Malformed(reason: "'\(url)' is not a passage reference; write source:<id>#p<number>")) }
                return .success(.passage(ref))
            }
            return SourceID.isValid(target) ? .success(.source(SourceID(target))) : .failure(Malformed(reason: "'\(target)' is not a valid source id"))
        case "actor":
            return ActorID.isValid(target) ? .success(.actor(ActorID(target))) : .failure(Malformed(reason: "'\(target)' is not a valid actor id"))
        case "term":
            return TermID.isValid(target) ? .success(.term(TermID(target))) : .failure(Malformed(reason: "'\(target)' is not a valid term id"))
        default:
            return EventID.isValid(target) ? .success(.event(EventID(target))) : .failure(Malformed(reason: "'\(target)' is not a valid event id"))
        }
    }
}

/// Checks and rewrites the cross-reference links of Markdown bodies.
struct CrossLinks {
    var actors: [ActorID: Actor]
    var terms: [TermID: Term]
    var events: [EventID: Event]
    var documents: [SourceID: SourceDocument]
    /// Targets whose files did not load: a link to one is not reported again.
    var unloaded = UnloadedIDs()

    /// The reader-facing name of a target, used for links written with empty text.
    func name(of target: LinkTarget) -> String? {
        switch target {
        case .actor(let id): return actors[id]?.name
        case .term(let id): return terms[id]?.term
        case .event(let id): return events[id]?.title
        case .source(let id): return documents[id]?.source.title
        case .passage(let ref):
            guard let document = documents[ref.source], document.paragraph(ref.paragraph) != nil else { return nil }
            return "\(document.source.title), ¶\(ref.paragraph)"
        }
    }

    func path(of target: LinkTarget) -> String {
        switch target {
        case .actor(let id): return Paths.actor(id)
        case .term(let id): return Paths.term(id)
        case .event(let id): return Paths.event(id)
        case .source(let id): return Paths.source(id)
        case .passage(let ref): return Paths.paragraph(ref)
        }
    }

    /// Every cross-reference in a body, checked; unknown targets are errors at the link's position.
    func check(_ node: MarkdownNode, body: Body, log: inout DiagnosticLog) -> [LinkTarget] {
        var targets: [LinkTarget] = []
        // Positions are worked out only for links that are reported.
        var lines: [Substring]?
        func location(of node: MarkdownNode) -> SourceLocation {
            if lines == nil { lines = body.markdown.split(separator: "\n", omittingEmptySubsequences: false) }
            return Self.location(of: node, in: body, lines: lines!)
        }
        func visit(_ node: MarkdownNode) {
            if case .link(let url, _) = node.kind, let parsed = LinkTarget.parse(url) {
                switch parsed {
                case .failure(let malformed):
                    log.error(location(of: node), "malformed cross-reference: \(malformed.reason)")
                case .success(let target):
                    if name(of: target) == nil {
                        if !unloaded.contains(target) { log.error(location(of: node), unknownMessage(target)) }
                    } else {
                        targets.append(target)
                    }
                }
            }
            node.children.forEach(visit)
        }
        visit(node)
        return targets
    }

    private func unknownMessage(_ target: LinkTarget) -> String {
        switch target {
        case .actor(let id): return "unknown actor '\(id.raw)'" + hint(id.raw, actors.keys.map(\.raw))
        case .term(let id): return "unknown glossary term '\(id.raw)'" + hint(id.raw, terms.keys.map(\.raw))
        case .event(let id): return "unknown event '\(id.raw)'" + hint(id.raw, events.keys.map(\.raw))
        case .source(let id): return "unknown source '\(id.raw)'" + hint(id.raw, documents.keys.map(\.raw))
        case .passage(let ref):
            guard let document = documents[ref.source] else {
                return "unknown source '\(ref.source.raw)'" + hint(ref.source.raw, documents.keys.map(\.raw))
            }
            return "source '\(ref.source.raw)' has no paragraph \(ref.paragraph) (it has \(document.paragraphs.count))"
        }
    }

    private func hint(_ word: String, _ candidates: [String]) -> String {
        Suggestion.closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// A body with cross-references turned into relative links from a page at `root`, and
    /// empty link texts filled with the target's name.
    func rewrite(_ node: MarkdownNode, root: String) -> MarkdownNode {
        var node = node
        if case .link(let url, let title) = node.kind, case .success(let target)? = LinkTarget.parse(url) {
            node.kind = .link(url: root + path(of: target), title: title)
            if node.children.isEmpty, let name = name(of: target) {
                node.children = [MarkdownNode(.text(name))]
            }
            // A bare "¶N" says nothing out of its sentence: its accessible name adds the source's title.
            if case .passage(let ref) = target, title.isEmpty, node.plainText.hasPrefix("¶"), let source = name(of: .source(ref.source)) {
                node.kind = .customInline(enter: "<a href=\"\(HTML.escape(root + path(of: target)))\" aria-label=\"\(HTML.escape(node.plainText + " of " + source))\">", exit: "</a>")
            }
        }
        node.children = node.children.map { rewrite($0, root: root) }
        return node
    }

    /// The file position of an inline node: cmark counts columns in bytes of the body.
    static func location(of node: MarkdownNode, in body: Body, lines: [Substring]) -> SourceLocation {
        let line = max(node.line, 1)
        var column = max(node.column, 1)
        if line <= lines.count {
            let bytes = Array(lines[line - 1].utf8)
            let prefix = bytes.prefix(column - 1)
            column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        }
        return SourceLocation(file: body.file, line: line + body.firstLine - 1, column: column)
    }
}

import Foundation
