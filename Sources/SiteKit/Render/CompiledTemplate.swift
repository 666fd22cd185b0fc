/// A template as `TemplateParser` read it, in the form `TemplateRenderer` renders.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, inverted: Bool, body: [Node])
        /// A standalone partial's indentation is written before every line it renders.
        case partial(String, indentation: String?)
    }

    /// A tag's name, split once here instead of at every lookup.
    struct Name: Sendable {
        /// The dot-separated parts, each as the number `FieldNumbers` gives it; empty for `.`,
        /// the current value.
        var numbers: [Int]
        /// `.name` reads only the innermost value; `name` climbs the context until a value has the first part.
        var anchored: Bool
        /// As in `empty(list)`, applied innermost first.
        var transforms: [Transform]

        init(_ name: String, transforms: [Transform]) {
            numbers = name == "." ? [] : name.split(separator: ".").map { FieldNumbers.number(of: String($0)) }
            anchored = name.first == "."
            self.transforms = transforms
        }
    }

    /// What a transform gives, as in swift-mustache: `empty` is true for an empty list or text;
    /// `count`, `first`, `last` and `reversed` read a list (`reversed` also a text). Applied to a
    /// value of another kind, a transform gives nothing, as a missing field does.
    enum Transform: String, CaseIterable, Sendable {
        case empty, count, first, last, reversed
    }

    /// A `{{> name}}` tag, for the checks of the partials a template includes.
    struct PartialTag: Sendable {
        var name: String
        var line: Int
        var column: Int
    }

    let nodes: [Node]
    let partials: [PartialTag]
}
