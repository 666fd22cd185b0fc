/// Reads the text of a Mustache template into a `CompiledTemplate`.
///
/// It reads the part of Mustache the site's templates are written in: text, `{{name}}` (escaped),
/// `{{{name}}}` and `{{&name}}` (not escaped), sections `{{#name}}…{{/name}}` and inverted sections
/// `{{^name}}…{{/name}}`, partials `{{> name}}`, comments `{{! … }}`, dotted names (`a.b`, `.`,
/// `.name`) and the transforms of `CompiledTemplate.Transform` (`{{^empty(list)}}`). A tag alone
/// on its line ("standalone": sections, partials, comments) takes its line with it, and a
/// standalone partial indents what it includes, as in swift-mustache, whose output on these
/// templates `TemplateRendererTests` compares.
///
/// Anything else is refused with the line and column of its tag, so a template never renders
/// otherwise than its author meant: set delimiters, inheritance (`{{<parent}}`, `{{$block}}`),
/// pragmas, dynamic partials, unknown transforms, a tag not closed by `}}`, a section closed by
/// another name or never closed, and sections nested deeper than `maximumDepth` (rendering
/// recurses once per level). Lambdas cannot arise: a model's fields are texts, numbers,
/// booleans, lists and models.
struct TemplateParser {
    struct Failure: Error, Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    /// Sections nested deeper than this are refused: the site's templates nest four deep.
    static let maximumDepth = 50

    static func parse(_ text: String) throws(Failure) -> CompiledTemplate {
        var parser = TemplateParser(characters: Array(text))
        let nodes = try parser.nodes(in: nil, startingOnNewLine: true, depth: 0)
        return CompiledTemplate(nodes: nodes, partials: parser.partials)
    }

    private let characters: [Character]
    private var position = 0
    private var partials: [CompiledTemplate.PartialTag] = []

    private init(characters: [Character]) {
        self.characters = characters
    }

    /// A section being read: its name as written, to match its closing tag, and where it opened.
    private struct OpenSection {
        var name: String
        var start: Int
    }

    /// Where the text read next stands on its line.
    private struct LineState {
        /// Whether it starts a line, where a section, partial or comment tag may stand alone.
        var onNewLine: Bool
        /// The spaces and tabs that start the line, kept apart until it is known whether a
        /// standalone tag follows them (and takes them away) or something written.
        var indentation = ""

        mutating func writeIndentation(into nodes: inout [CompiledTemplate.Node]) {
            if !indentation.isEmpty { nodes.append(.text(indentation)) }
            indentation = ""
        }
    }

    /// The nodes up to the end of the text, or up to and including the closing tag of `section`.
    private mutating func nodes(in section: OpenSection?, startingOnNewLine: Bool, depth: Int) throws(Failure) -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        var line = LineState(onNewLine: startingOnNewLine)
        while position < characters.count {
            if line.onNewLine { line.indentation = read(while: { $0 == " " || $0 == "\t" }) }
            let (text, tagStart) = readText()
            if tagStart == nil, position < characters.count {
                nodes.append(.text(line.indentation + text + String(characters[position])))
                position += 1
                line.onNewLine = true
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(line.indentation + text))
                line.indentation = ""
                line.onNewLine = false
            }
            // Spaces and tabs that end the text after its last line break are dropped.
            guard let tagStart else { break }
            guard position < characters.count else { throw failure(at: tagStart, "tag is not closed with '}}'") }
            if try readTag(at: tagStart, in: section, depth: depth, line: &line, into: &nodes) { return nodes }
        }
        if let section { throw failure(at: section.start, "section {{#\(section.name)}} is never closed") }
        return nodes
    }

    /// Reads the tag whose `{{` starts at `tagStart` into `nodes`; true when it closes `section`.
    private mutating func readTag(at tagStart: Int, in section: OpenSection?, depth: Int, line: inout LineState,
                                  into nodes: inout [CompiledTemplate.Node]) throws(Failure) -> Bool {
        var standalone = false
        switch characters[position] {
        case "#", "^":
            let inverted = characters[position] == "^"
            position += 1
            let (written, name) = try readName(tagStart: tagStart)
            guard depth < Self.maximumDepth else { throw failure(at: tagStart, "sections are nested more than \(Self.maximumDepth) deep") }
            standalone = line.onNewLine && finishesLine()
            if !standalone { line.writeIndentation(into: &nodes) }
            // Whether the text after the section starts a line is then taken from its opening
            // tag, not its closing one, as in swift-mustache.
            let body = try self.nodes(in: OpenSection(name: written, start: tagStart), startingOnNewLine: standalone, depth: depth + 1)
            nodes.append(.section(name, inverted: inverted, body: body))
        case "/":
            position += 1
            let (written, _) = try readName(tagStart: tagStart)
            guard let section else { throw failure(at: tagStart, "{{/\(written)}} closes no open section") }
            guard written == section.name else {
                let (line, column) = lineAndColumn(of: section.start)
                throw failure(at: tagStart, "{{/\(written)}} closes the section {{#\(section.name)}} opened at \(line):\(column)")
            }
            if !(line.onNewLine && finishesLine()) { line.writeIndentation(into: &nodes) }
            return true
        case "!":
            try skipComment(tagStart: tagStart)
            standalone = line.onNewLine && finishesLine()
        case "{", "&":
            let tripleBrace = characters[position] == "{"
            line.writeIndentation(into: &nodes)
            position += 1
            let (_, name) = try readName(tagStart: tagStart)
            if tripleBrace {
                guard position < characters.count, characters[position] == "}" else {
                    throw failure(at: tagStart, "tag opened with '{{{' is not closed with '}}}'")
                }
                position += 1
            }
            nodes.append(.variable(name, escaped: false))
        case ">":
            let name = try readPartialName(tagStart: tagStart)
            let (lineNumber, column) = lineAndColumn(of: tagStart)
            partials.append(CompiledTemplate.PartialTag(name: name, line: lineNumber, column: column))
            if !line.indentation.isEmpty { nodes.append(.text(line.indentation)) }
            standalone = line.onNewLine && finishesLine()
            nodes.append(.partial(name, indentation: standalone ? line.indentation : nil))
            line.indentation = ""
        case "=":
            throw failure(at: tagStart, "changing the tag delimiters is not supported; write tags as {{…}}")
        case "<", "$":
            throw failure(at: tagStart, "template inheritance ({{<parent}}, {{$block}}) is not supported; use partials ({{> name}})")
        case "%":
            throw failure(at: tagStart, "pragmas ({{%…}}) are not supported")
        default:
            line.writeIndentation(into: &nodes)
            let (_, name) = try readName(tagStart: tagStart)
            nodes.append(.variable(name, escaped: true))
        }
        line.onNewLine = standalone
        return false
    }

    /// The text up to the next line break (left unread) or tag, and where that tag starts (its
    /// `{{` read); no tag at the end of the text.
    private mutating func readText() -> (String, tagStart: Int?) {
        var text = ""
        while position < characters.count {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { return (text, nil) }
            if character == "{", position + 1 < characters.count, characters[position + 1] == "{" {
                position += 2
                return (text, position - 2)
            }
            text.append(character)
            position += 1
        }
        return (text, nil)
    }

    /// Whether only spaces and tabs follow on this line; if so, they and the line break are read.
    private mutating func finishesLine() -> Bool {
        guard position < characters.count else { return true }
        var end = position
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }

    /// The name of a variable or section tag and the `}}` that closes it: the name as written, to
    /// match a section's closing tag, and as `CompiledTemplate.Name`.
    private mutating func readName(tagStart: Int) throws(Failure) -> (String, CompiledTemplate.Name) {
        _ = read(while: \.isWhitespace)
        let written = read(while: { Self.isNameCharacter($0) || $0 == "(" || $0 == ")" })
        _ = read(while: \.isWhitespace)
        try readClose(tagStart: tagStart)
        // `a(b(name))` applies `b`, then `a`.
        var transforms: [Substring] = []
        var rest = written[...]
        while let open = rest.firstIndex(of: "(") {
            transforms.append(rest[..<open])
            rest = rest[rest.index(after: open)...]
        }
        let name = rest.prefix { $0 != ")" }
        guard rest.dropFirst(name.count) == String(repeating: ")", count: transforms.count),
              transforms.allSatisfy({ !$0.contains(")") }) else {
            throw failure(at: tagStart, "'\(written)' is neither a name nor a transform of one, as in empty(list)")
        }
        guard !name.isEmpty else {
            throw failure(at: tagStart, transforms.isEmpty ? "tag holds no name" : "transform '\(written)' is given no name, as in empty(list)")
        }
        var known: [CompiledTemplate.Transform] = []
        for transform in transforms {
            guard let found = CompiledTemplate.Transform(rawValue: String(transform)) else {
                let all = CompiledTemplate.Transform.allCases.map(\.rawValue).joined(separator: ", ")
                throw failure(at: tagStart, "unknown transform '\(transform)'; the transforms are \(all)")
            }
            known.append(found)
        }
        return (written, CompiledTemplate.Name(String(name), transforms: known))
    }

    /// The name of a `{{> name}}` tag, which names a template of the folder.
    private mutating func readPartialName(tagStart: Int) throws(Failure) -> String {
        position += 1
        _ = read(while: \.isWhitespace)
        if position < characters.count, characters[position] == "*" {
            throw failure(at: tagStart, "dynamic partial names ({{>*name}}) are not supported")
        }
        let name = read(while: Self.isNameCharacter)
        _ = read(while: \.isWhitespace)
        try readClose(tagStart: tagStart)
        guard !name.isEmpty else { throw failure(at: tagStart, "partial tag names no template") }
        return name
    }

    private mutating func skipComment(tagStart: Int) throws(Failure) {
        while position + 1 < characters.count {
            if characters[position] == "}", characters[position + 1] == "}" {
                position += 2
                return
            }
            position += 1
        }
        throw failure(at: tagStart, "comment is not closed with '}}'")
    }

    /// The `}}` that ends a tag. A tag is not closed when another starts before its `}}`.
    private mutating func readClose(tagStart: Int) throws(Failure) {
        guard !characters[position...].starts(with: ["}", "}"]) else {
            position += 2
            return
        }
        let tag = String(characters[tagStart...])
        guard let close = tag.dropFirst(2).range(of: "}}"), !tag[..<close.lowerBound].dropFirst(2).contains("{{") else {
            throw failure(at: tagStart, "tag is not closed with '}}'")
        }
        throw failure(at: tagStart, "'\(tag[..<close.upperBound])' is not a tag: a name holds only letters, digits and . - _")
    }

    private mutating func read(while belongs: (Character) -> Bool) -> String {
        let start = position
        while position < characters.count, belongs(characters[position]) { position += 1 }
        return String(characters[start..<position])
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "_" || character == "-")
    }

    private func lineAndColumn(of index: Int) -> (Int, Int) {
        var line = 1, column = 1
        for character in characters[..<index] {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }

    private func failure(at index: Int, _ message: String) -> Failure {
        let (line, column) = lineAndColumn(of: index)
        return Failure(line: line, column: column, message: message)
    }
}
