import Mustache

/// A template as swift-mustache parsed it, in a form `TemplateRenderer` renders without
/// swift-mustache's per-lookup costs (splitting each name at dots and several dynamic protocol
/// casts for every value read: half of a large build).
///
/// The parse is swift-mustache's own: its token tree is read with `Mirror`, since the library does
/// not make it public. A template with anything this form does not cover (inheritance blocks,
/// dynamic partials, a partial with overrides, a token of unknown shape, as a newer library
/// could bring) is not compiled, and swift-mustache renders it.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, body: [Node])
        case partial(String, indentation: String?)
        case contentType(any MustacheContentType)
    }

    /// A tag's name, split once here instead of at every lookup.
    struct Name: Sendable {
        /// The dot-separated parts, each as the number `FieldNumbers` gives it; empty for `.`,
        /// the current value.
        var numbers: [Int]
        /// `.name` reads only the innermost value; `name` climbs the context until a value has the first part.
        var anchored: Bool
        /// Transforms such as `empty` in `empty(list)`, applied innermost first.
        var transforms: [String]
    }

    let nodes: [Node]

    /// Nil when the template uses something only swift-mustache renders.
    init?(_ template: MustacheTemplate) {
        guard let nodes = Self.nodes(of: template) else { return nil }
        self.nodes = nodes
    }

    private static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).descendant("tokens") as? [Any] else { return nil }
        var nodes: [Node] = []
        for token in tokens {
            guard let node = node(of: token) else { return nil }
            nodes.append(node)
        }
        return nodes
    }

    private static func node(of token: Any) -> Node? {
        guard let (kind, payload) = Mirror(reflecting: token).children.first.map({ ($0.label, $0.value) }) else { return nil }
        let fields = Mirror(reflecting: payload).children.map(\.value)
        switch kind {
        case "text":
            return (payload as? String).map(Node.text)
        case "variable", "unescapedVariable":
            guard fields.count == 2, let name = name(fields[0], fields[1]) else { return nil }
            return .variable(name, escaped: kind == "variable")
        case "section", "invertedSection":
            guard fields.count == 3, let name = name(fields[0], fields[1]),
                  let template = fields[2] as? MustacheTemplate, let body = nodes(of: template) else { return nil }
            return .section(name, inverted: kind == "invertedSection", body: body)
        case "partial":
            // Overrides (`{{<parent}}…{{/parent}}`) are inheritance: left to swift-mustache.
            guard fields.count == 3, let name = fields[0] as? String, let indentation = fields[1] as? String?,
                  let overrides = fields[2] as? [String: MustacheTemplate]?, overrides == nil else { return nil }
            return .partial(name, indentation: indentation)
        case "contentType":
            return (payload as? any MustacheContentType).map(Node.contentType)
        default:
            return nil
        }
    }

    /// Splits a name as swift-mustache does at each lookup. A bare transform (`{{first()}}`) reads
    /// the position in a list, which only swift-mustache tracks.
    private static func name(_ name: Any, _ transforms: Any) -> Name? {
        guard let name = name as? String, let transforms = transforms as? [String] else { return nil }
        if name.isEmpty, !transforms.isEmpty { return nil }
        let numbers = name == "." ? [] : name.split(separator: ".").map { FieldNumbers.number(of: String($0)) }
        return Name(numbers: numbers, anchored: name.first == ".", transforms: transforms)
    }
}
