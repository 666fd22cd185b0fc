/// The Mustache templates of `templates/`, parsed up front so that every error is reported with
/// its file, line and column before anything is rendered.
public struct Templates: Sendable {
    /// Every page template the renderer uses; each must exist.
    public static let required = ["layout", "index", "source", "actors", "actor", "relations", "pair", "annotations", "timeline", "glossary", "term", "search", "not-found"]

    /// Renders a page template with a model into UTF-8: `TemplateRenderer` over the parsed
    /// templates in a build; in tests, also a reference implementation to compare it with.
    let renderPage: @Sendable (_ name: String, _ model: any TemplateModel, _ capacity: Int) -> [UInt8]

    /// Parses `name.mustache` texts (partials included); diagnostics name the template file.
    public static func parse(_ texts: [String: String], folder: String) -> (Templates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: CompiledTemplate] = [:]
        func at(_ name: String, _ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(file: "\(folder)/\(name).mustache", line: line, column: column)
        }
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            do {
                templates[name] = try TemplateParser.parse(text)
            } catch {
                diagnostics.append(.error(at(name, error.line, error.column), "template cannot be used: \(error.message)"))
            }
        }
        for name in required where texts[name] == nil {
            diagnostics.append(.error(at(name, 1, 1), "missing template"))
        }
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for tag in template.partials where texts[tag.name] == nil {
                diagnostics.append(.error(at(name, tag.line, tag.column), "unknown partial '\(tag.name)'"))
            }
        }
        for cycle in PartialCycles.find(in: templates.mapValues(\.partials)) {
            diagnostics.append(.error(at(cycle.template, cycle.tag.line, cycle.tag.column),
                                      "partials include each other without end: \(cycle.path.joined(separator: " → "))"))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        let renderer = TemplateRenderer(templates: templates)
        return (Templates(renderPage: { renderer.render($0, $1, capacity: $2) }), [])
    }

    /// A page, as it is written to disk; `capacity` is the size in bytes it is expected to reach.
    func page(_ name: String, _ model: some TemplateModel, capacity: Int) -> [UInt8] {
        renderPage(name, model, capacity)
    }

    /// A piece of a page, such as a note.
    func render(_ name: String, _ model: some TemplateModel) -> String {
        String(decoding: renderPage(name, model, 0), as: UTF8.self)
    }
}
