/// Renders `CompiledTemplate`s: sections over lists, models, booleans and texts, inverted
/// sections, escaped and unescaped values, transforms, and partials with their indentation.
/// Models give their fields as `TemplateRenderValue`s, so no lookup makes a dynamic cast.
///
/// A value is written as text when it is one (escaped by `HTML.escape` unless the tag is
/// `{{{…}}}` or `{{&…}}`), a number in decimal, a boolean as `true` or `false`, a page's content
/// (`PageContent`) as its template renders it; a list or a model written as a value writes
/// nothing. A missing field writes nothing and makes a section empty. Pages are written as UTF-8
/// bytes, the form they are written to disk in.
struct TemplateRenderer: Sendable {
    let templates: [String: CompiledTemplate]

    /// The page; empty for a template of no such name. `capacity` is the size in bytes the page
    /// is expected to reach, when known.
    func render(_ name: String, _ model: some TemplateModel, capacity: Int = 0) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(capacity)
        render(name, .model(model), into: &output)
        return output
    }

    private func render(_ name: String, _ model: TemplateRenderValue, into output: inout [UInt8]) {
        guard let template = templates[name] else { return }
        var stack: [TemplateRenderValue] = [model]
        render(template.nodes, stack: &stack, indentation: nil, into: &output)
    }

    private func render(_ nodes: [CompiledTemplate.Node], stack: inout [TemplateRenderValue], indentation: String?, into output: inout [UInt8]) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes {
                render(node, stack: &stack, indentation: indentation, into: &output)
            }
            return
        }
        // Inside an indented partial, each non-empty piece that follows a newline in the text
        // this template has rendered so far is indented.
        var text: [UInt8] = []
        for node in nodes {
            var piece: [UInt8] = []
            render(node, stack: &stack, indentation: indentation, into: &piece)
            if !piece.isEmpty, text.last == UInt8(ascii: "\n") { text += indentation.utf8 }
            text += piece
        }
        output += text
    }

    private func render(_ node: CompiledTemplate.Node, stack: inout [TemplateRenderValue], indentation: String?, into output: inout [UInt8]) {
        switch node {
        case .text(let text):
            output += text.utf8
        case .variable(let name, let escaped):
            let text: String
            switch lookUp(name, in: stack) {
            case .text(let string): text = string
            case .number(let number): text = String(number)
            case .bool(let bool): text = String(bool)
            case .content(let content):
                // Written in place, into the page's own bytes, unless it must be escaped.
                guard escaped else { return render(content.template, .model(content.model), into: &output) }
                var part: [UInt8] = []
                render(content.template, .model(content.model), into: &part)
                text = String(decoding: part, as: UTF8.self)
            case .list, .model, .element, nil: return
            }
            output += (escaped ? HTML.escape(text) : text).utf8
        case .section(let name, let inverted, let body):
            renderSection(lookUp(name, in: stack), inverted: inverted, body: body, stack: &stack, indentation: indentation, into: &output)
        case .partial(let name, let indented):
            // `Templates.parse` refuses a partial of no such name.
            guard let partial = templates[name] else { return }
            let indentation = indented.map { (indentation ?? "") + $0 } ?? indentation
            render(partial.nodes, stack: &stack, indentation: indentation, into: &output)
        }
    }

    /// A section renders for a true boolean, for each element of a list, and once for any other
    /// value, which it puts on the context; an inverted section for a missing value, a false
    /// boolean or an empty list.
    private func renderSection(_ value: TemplateRenderValue?, inverted: Bool, body: [CompiledTemplate.Node],
                               stack: inout [TemplateRenderValue], indentation: String?, into output: inout [UInt8]) {
        switch value {
        case nil:
            if inverted { render(body, stack: &stack, indentation: indentation, into: &output) }
        case .bool(let bool):
            if bool != inverted { render(body, stack: &stack, indentation: indentation, into: &output) }
        case .list(let list):
            if inverted {
                guard list.count == 0 else { return }
                render(body, pushing: .list(list), stack: &stack, indentation: indentation, into: &output)
            } else {
                for index in 0..<list.count {
                    render(body, pushing: list.element(index) ?? .element(list, index), stack: &stack, indentation: indentation, into: &output)
                }
            }
        case .some(let value):
            if !inverted { render(body, pushing: value, stack: &stack, indentation: indentation, into: &output) }
        }
    }

    private func render(_ nodes: [CompiledTemplate.Node], pushing value: TemplateRenderValue, stack: inout [TemplateRenderValue],
                        indentation: String?, into output: inout [UInt8]) {
        stack.append(value)
        defer { stack.removeLast() }
        render(nodes, stack: &stack, indentation: indentation, into: &output)
    }

    /// The first part of a name is looked for from the innermost value outwards (only in the
    /// innermost for `.name`); the rest in what it found. A field that is absent or nil counts as
    /// missing, so the search goes on outwards. Transforms apply last, innermost first.
    private func lookUp(_ name: CompiledTemplate.Name, in stack: [TemplateRenderValue]) -> TemplateRenderValue? {
        var found: TemplateRenderValue?
        if let first = name.numbers.first {
            // By index, each level read in place through the buffer, so that no level is copied
            // (retaining its model or list) on the way.
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
            found = found?.transformed(transform)
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
    /// A page's content, rendered where the value is written.
    case content(PageContent)
    /// An element of a list a section walks, read through the list: an element of its own
    /// would be a model copied into a new heap box, for every element of every list.
    case element(any TemplateRenderList, Int)

    /// The field whose name has this number (`FieldNumbers`).
    func child(_ number: Int) -> TemplateRenderValue? {
        switch self {
        case .model(let model): model.renderValue(number: number)
        case .element(let list, let index): list.value(at: index, number: number)
        case .text, .number, .bool, .list, .content: nil
        }
    }

    func transformed(_ transform: CompiledTemplate.Transform) -> TemplateRenderValue? {
        switch (self, transform) {
        case (.text(let text), .empty): .bool(text.isEmpty)
        case (.text(let text), .reversed): .text(String(text.reversed()))
        case (.list(let list), _): list.transformed(transform)
        default: nil
        }
    }
}

/// A list a section walks.
protocol TemplateRenderList {
    var count: Int { get }
    /// The element at `index`; nil for a model, read through the list as `.element(list, index)`
    /// instead of copied into a box of its own.
    func element(_ index: Int) -> TemplateRenderValue?
    /// A field of the element at `index`, for `TemplateRenderValue.element`.
    func value(at index: Int, number: Int) -> TemplateRenderValue?
    func transformed(_ transform: CompiledTemplate.Transform) -> TemplateRenderValue?
}

extension TemplateList: TemplateRenderList {
    var count: Int { models.count }
    func element(_ index: Int) -> TemplateRenderValue? { nil }
    func value(at index: Int, number: Int) -> TemplateRenderValue? { Model.renderValue(of: models, at: index, number: number) }
    func transformed(_ transform: CompiledTemplate.Transform) -> TemplateRenderValue? {
        switch transform {
        case .first: models.first.map { .model($0) }
        case .last: models.last.map { .model($0) }
        case .reversed: .list(TemplateList(models: models.reversed()))
        case .count: .number(models.count)
        case .empty: .bool(models.isEmpty)
        }
    }
}

/// A list of texts, such as the relations page's edge list.
extension Array: TemplateRenderList where Element == String {
    func element(_ index: Int) -> TemplateRenderValue? { .text(self[index]) }
    func value(at index: Int, number: Int) -> TemplateRenderValue? { nil }
    func transformed(_ transform: CompiledTemplate.Transform) -> TemplateRenderValue? {
        switch transform {
        case .first: first.map { .text($0) }
        case .last: last.map { .text($0) }
        case .reversed: .list(Array(reversed()))
        case .count: .number(count)
        case .empty: .bool(isEmpty)
        }
    }
}
