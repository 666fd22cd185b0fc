/// The tags of a Mustache template's text, with where each stands, for the checks made before
/// swift-mustache parses it: the partials it includes, how deep its sections nest and whether
/// partials include each other in a cycle. Parsing and rendering a section or partial recurses,
/// so a template nested thousands deep, or a partial that includes itself, would exhaust the
/// stack instead of failing with a message.
struct TemplateTags {
    struct Tag {
        /// The sigil after `{{` (`#`, `^`, `/`, `>`, `=`, `!`, `&`, `{`, `$`, `<`), or nil for a variable.
        var sigil: Character?
        var name: String
        var line: Int
        var column: Int
    }

    /// Sections nested deeper than this are refused: the site's templates nest four deep.
    static let maximumDepth = 50

    let tags: [Tag]

    init(_ text: String) {
        var tags: [Tag] = []
        var rest = text[...]
        // Line and column are counted on from the previous tag, so that the text is walked once;
        // a tag may span lines.
        var line = 1, column = 1
        func advance(over part: Substring) {
            for character in part {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
        }
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            advance(over: rest[..<open.lowerBound])
            var inside = rest[open.upperBound..<close.lowerBound]
            var sigil: Character?
            if let first = inside.first, "#^/>=!&{$<".contains(first) {
                sigil = first
                inside = inside.dropFirst()
            }
            tags.append(Tag(sigil: sigil, name: inside.trimmingCharacters(in: .whitespacesAndNewlines), line: line, column: column))
            advance(over: rest[open.lowerBound..<close.upperBound])
            rest = rest[close.upperBound...]
        }
        self.tags = tags
    }

    /// `{{> name}}` tags.
    var partials: [Tag] { tags.filter { $0.sigil == ">" } }

    /// Problems that would keep the template from being parsed and rendered safely, each at its tag.
    func problems() -> [(Tag, String)] {
        var problems: [(Tag, String)] = []
        var depth = 0
        for tag in tags {
            switch tag.sigil {
            case "=":
                problems.append((tag, "changing the tag delimiters is not supported; write tags as {{…}}"))
            case "#", "^", "$", "<":
                depth += 1
                if depth == Self.maximumDepth + 1 {
                    problems.append((tag, "sections are nested more than \(Self.maximumDepth) deep"))
                }
            case "/":
                depth = max(depth - 1, 0)
            default:
                break
            }
        }
        return problems
    }

    /// The first cycle of partials found from each template in name order, as the names along it
    /// (`[a, b, a]`) and the tag in the first template that starts it.
    static func partialCycles(_ templates: [String: TemplateTags]) -> [(template: String, tag: Tag, path: [String])] {
        var cycles: [(template: String, tag: Tag, path: [String])] = []
        var reported: Set<String> = []
        for name in templates.keys.sorted() {
            for tag in templates[name]!.partials {
                guard let path = pathBack(to: name, from: tag.name, templates: templates, seen: []) else { continue }
                let members = Set(path)
                guard reported.isDisjoint(with: members) else { continue }
                reported.formUnion(members)
                cycles.append((name, tag, [name] + path))
            }
        }
        return cycles
    }

    /// The partials from `current` that lead back to `start`, ending with `start`; nil if none do.
    private static func pathBack(to start: String, from current: String, templates: [String: TemplateTags], seen: Set<String>) -> [String]? {
        if current == start { return [start] }
        guard !seen.contains(current), let tags = templates[current] else { return nil }
        var seen = seen
        seen.insert(current)
        for tag in tags.partials {
            if let rest = pathBack(to: start, from: tag.name, templates: templates, seen: seen) { return [current] + rest }
        }
        return nil
    }
}
