import Mustache

/// Renders `CompiledTemplate`s with the rules of swift-mustache's renderer, value for value: the
/// same context climbing, section and inverted-section rules, transforms, escaping and partial
/// indentation. `TemplateRendererTests` render every construct both ways, and so does the
/// `template` fuzz target. Models give their fields as `TemplateRenderValue`s, so no lookup makes
/// a dynamic protocol cast.
///
/// What it has no rule for (a list or a model written as text, a transform's result of another
/// kind, a value escaped before any content type is set, a partial it could not compile) makes it
/// give up on the page, which swift-mustache then renders whole.
struct TemplateRenderer: Sendable {
    /// Every template by name; nil for one only swift-mustache renders.
    let templates: [String: CompiledTemplate?]

    struct Unsupported: Error {}

    /// The page, or nil when only swift-mustache can render it. `capacity` is the size in bytes
    /// the page is expected to reach, when known.
    func render(_ name: String, _ model: some TemplateModel, capacity: Int = 0) -> String? {
        guard let template = templates[name] ?? nil else { return nil }
        var stack: [TemplateRenderValue] = [.model(model)]
        var output = ""
        output.reserveCapacity(capacity)
        do {
            try render(template.nodes, stack: &stack, indentation: nil, escaping: nil, into: &output)
        } catch {
            return nil
        }
        return output
    }

    /// `escaping` is the content type set by a pragma; nil is swift-mustache's default HTML escaping,
    /// which it does not make public: a value written under it is unsupported. Every template of
    /// `templates/` is parsed with `Templates.escapingPragma` in front.
    private func render(_ nodes: [CompiledTemplate.Node], stack: inout [TemplateRenderValue], indentation: String?,
                        escaping: (any MustacheContentType)?, into output: inout String) throws(Unsupported) {
        var escaping = escaping
        guard let indentation, !indentation.isEmpty else {
            for node in nodes {
                try render(node, stack: &stack, indentation: indentation, escaping: &escaping, into: &output)
            }
            return
        }
        // Inside an indented partial, swift-mustache indents each non-empty piece that follows a
        // newline in the text this template has rendered so far.
        var text = ""
        for node in nodes {
            var piece = ""
            try render(node, stack: &stack, indentation: indentation, escaping: &escaping, into: &piece)
            if !piece.isEmpty, text.last == "\n" { text += indentation }
            text += piece
        }
        output += text
    }

    private func render(_ node: CompiledTemplate.Node, stack: inout [TemplateRenderValue], indentation: String?,
                        escaping: inout (any MustacheContentType)?, into output: inout String) throws(Unsupported) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            guard let value = try lookUp(name, in: stack) else { return }
            let text: String
            switch value {
            case .text(let string): text = string
            case .number(let number): text = String(number)
            case .bool(let bool): text = String(bool)
            case .list, .model, .element: throw Unsupported()
            }
            if escaped {
                guard let escaping else { throw Unsupported() }
                output += escaping.escapeText(text)
            } else {
                output += text
            }
        case .section(let name, let inverted, let body):
            let value = try lookUp(name, in: stack)
            switch value {
            case nil:
                if inverted { try render(body, stack: &stack, indentation: indentation, escaping: escaping, into: &output) }
            case .bool(let bool):
                if bool != inverted { try render(body, stack: &stack, indentation: indentation, escaping: escaping, into: &output) }
            case .list(let list):
                if inverted {
                    guard list.count == 0 else { return }
                    try render(body, pushing: .list(list), stack: &stack, indentation: indentation, escaping: escaping, into: &output)
                } else {
                    for index in 0..<list.count {
                        try render(body, pushing: list.element(index) ?? .element(list, index), stack: &stack, indentation: indentation, escaping: escaping, into: &output)
                    }
                }
            case .some(let value):
                if !inverted { try render(body, pushing: value, stack: &stack, indentation: indentation, escaping: escaping, into: &output) }
            }
        case .partial(let name, let indented):
            // swift-mustache renders an unknown partial as nothing; `Templates.parse` reports one.
            guard let compiled = templates[name] else { return }
            guard let partial = compiled else { throw Unsupported() }
            let indentation = indented.map { (indentation ?? "") + $0 } ?? indentation
            try render(partial.nodes, stack: &stack, indentation: indentation, escaping: nil, into: &output)
        case .contentType(let contentType):
            escaping = contentType
        }
    }

    private func render(_ nodes: [CompiledTemplate.Node], pushing value: TemplateRenderValue, stack: inout [TemplateRenderValue],
                        indentation: String?, escaping: (any MustacheContentType)?, into output: inout String) throws(Unsupported) {
        stack.append(value)
        defer { stack.removeLast() }
        try render(nodes, stack: &stack, indentation: indentation, escaping: escaping, into: &output)
    }

    /// The first part of a name is looked for from the innermost value outwards (only in the
    /// innermost for `.name`); the rest in what it found. A field that is absent or nil counts as
    /// missing, so the search goes on outwards. Transforms apply last, innermost first.
    private func lookUp(_ name: CompiledTemplate.Name, in stack: [TemplateRenderValue]) throws(Unsupported) -> TemplateRenderValue? {
        var found: TemplateRenderValue?
        if let first = name.numbers.first {
            // By index, each level read in place through the buffer: a reversed slice of the stack
            // copied every level it passed, retaining its model or list.
            stack.withUnsafeBufferPointer { stack in
                var level = stack.count - 1
                let lowest = name.anchored ? level : 0
                while level >= lowest {
                    if let value = stack[level].child(first) {
                        found = value
                        break
                    }
                    level -= 1
                }
            }
            for part in name.numbers.dropFirst() {
                found = found?.child(part)
            }
        } else {
            found = stack.last
        }
        for transform in name.transforms.reversed() {
            found = try found?.transformed(transform)
        }
        return found
    }
}

/// A value as `TemplateRenderer` reads it.
enum TemplateRenderValue {
    case text(String)
    case number(Int)
    case bool(Bool)
    case list(any TemplateRenderList)
    case model(any TemplateModel)
    /// An element of a list a section walks, read through the list: an element of its own
    /// would be a model copied into a new heap box, for every element of every list.
    case element(any TemplateRenderList, Int)

    /// A transform's value.
    init?(_ value: Any?) throws(TemplateRenderer.Unsupported) {
        switch value {
        case nil: return nil
        case let text as String: self = .text(text)
        case let number as Int: self = .number(number)
        case let bool as Bool: self = .bool(bool)
        case let list as any TemplateRenderList: self = .list(list)
        default: throw TemplateRenderer.Unsupported()
        }
    }

    /// The field whose name has this number (`FieldNumbers`).
    func child(_ number: Int) -> TemplateRenderValue? {
        switch self {
        case .model(let model): model.renderValue(number: number)
        case .element(let list, let index): list.value(at: index, number: number)
        case .text, .number, .bool, .list: nil
        }
    }

    /// What swift-mustache's `MustacheTransformable` gives for the value.
    func transformed(_ name: String) throws(TemplateRenderer.Unsupported) -> TemplateRenderValue? {
        switch self {
        case .text(let text): try TemplateRenderValue(text.transform(name))
        case .number(let number): try TemplateRenderValue(number.transform(name))
        case .list(let list): try list.transformed(name)
        case .bool, .model, .element: nil
        }
    }
}

/// A list a section walks.
protocol TemplateRenderList {
    var count: Int { get }
    /// The element at `index`; nil for a model, read through the list as `.element(list, index)`
    /// (boxing the list again for each element, in generic code, looked up its type at run time).
    func element(_ index: Int) -> TemplateRenderValue?
    /// A field of the element at `index`, for `TemplateRenderValue.element`.
    func value(at index: Int, number: Int) -> TemplateRenderValue?
    func transformed(_ name: String) throws(TemplateRenderer.Unsupported) -> TemplateRenderValue?
}

extension TemplateList: TemplateRenderList {
    var count: Int { models.count }
    func element(_ index: Int) -> TemplateRenderValue? { nil }
    func value(at index: Int, number: Int) -> TemplateRenderValue? { Model.renderValue(of: models, at: index, number: number) }
    func transformed(_ name: String) throws(TemplateRenderer.Unsupported) -> TemplateRenderValue? {
        switch name {
        case "first": models.first.map { .model($0) }
        case "last": models.last.map { .model($0) }
        case "reversed": .list(TemplateList(models: models.reversed()))
        case "count": .number(models.count)
        case "empty": .bool(models.isEmpty)
        default: nil
        }
    }
}

/// A list of texts, such as the relations page's edge list.
extension Array: TemplateRenderList where Element == String {
    func element(_ index: Int) -> TemplateRenderValue? { .text(self[index]) }
    func value(at index: Int, number: Int) -> TemplateRenderValue? { nil }
    func transformed(_ name: String) throws(TemplateRenderer.Unsupported) -> TemplateRenderValue? {
        try TemplateRenderValue(transform(name))
    }
}
