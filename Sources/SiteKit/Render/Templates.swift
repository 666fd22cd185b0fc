import Mustache

/// The Mustache templates of `templates/`, parsed up front so a syntax error is reported with
/// its file and line before anything is rendered.
public struct Templates: Sendable {
    /// Every page template the renderer uses; each must exist.
    public static let required = ["layout", "index", "source", "actors", "actor", "relations", "pair", "annotations", "timeline", "glossary", "term", "search", "not-found"]

    let library: MustacheLibrary
    /// Renders the pages of the templates it could compile; swift-mustache renders the rest.
    let renderer: TemplateRenderer

    /// `compiling: false` leaves every page to swift-mustache, so tests can compare the two.
    init(templates: [String: MustacheTemplate], compiling: Bool = true) {
        library = MustacheLibrary(templates: templates)
        renderer = TemplateRenderer(templates: templates.mapValues { compiling ? CompiledTemplate($0) : nil })
    }

    /// Parses `name.mustache` texts (partials included); diagnostics name the template file.
    public static func parse(_ texts: [String: String], folder: String, compiling: Bool = true) -> (Templates?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        let tags = texts.mapValues(TemplateTags.init)
        func at(_ name: String, _ tag: TemplateTags.Tag) -> SourceLocation {
            SourceLocation(file: "\(folder)/\(name).mustache", line: tag.line, column: tag.column)
        }
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) {
            let file = "\(folder)/\(name).mustache"
            let problems = tags[name]!.problems()
            guard problems.isEmpty else {
                diagnostics += problems.map { .error(at(name, $0.0), "template cannot be used: \($0.1)") }
                continue
            }
            do {
                templates[name] = try MustacheTemplate(string: escapingPragma + text)
            } catch let error as MustacheTemplate.ParserError {
                // The pragma sits before the first line's text, so columns on that line are shifted by it.
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? escapingPragma.count : 0)
                diagnostics.append(.error(
                    SourceLocation(file: file, line: line, column: max(column, 1)),
                    "template syntax error: \(describe(error.error))"))
            } catch {
                diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "template syntax error: \(error)"))
            }
        }
        for name in required where texts[name] == nil {
            diagnostics.append(.error(SourceLocation(file: "\(folder)/\(name).mustache", line: 1, column: 1), "missing template"))
        }
        for (name, templateTags) in tags.sorted(by: { $0.key < $1.key }) {
            for tag in templateTags.partials where texts[tag.name] == nil {
                diagnostics.append(.error(at(name, tag), "unknown partial '\(tag.name)'"))
            }
        }
        for cycle in TemplateTags.partialCycles(tags) {
            diagnostics.append(.error(at(cycle.template, cycle.tag),
                                      "partials include each other without end: \(cycle.path.joined(separator: " → "))"))
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }
        return (Templates(templates: templates, compiling: compiling), [])
    }

    func render(_ name: String, _ model: some TemplateModel, capacity: Int = 0) -> String {
        renderer.render(name, model, capacity: capacity) ?? library.render(TemplateBox(model), withTemplate: name) ?? ""
    }

    func render(_ name: String, _ values: [String: String]) -> String {
        library.render(values, withTemplate: name) ?? ""
    }

    /// Mustache escapes `{{value}}` by walking grapheme clusters through a dictionary, which was
    /// an eighth of a build; every template is parsed with this pragma in front, so values are
    /// escaped by `HTML.escape` instead. Template authors write plain Mustache.
    static let escapingPragma: String = {
        MustacheContentTypes.register(SiteHTMLEscaping(), named: "SITEGEN_HTML")
        return "{{% CONTENT_TYPE: SITEGEN_HTML}}"
    }()

    private struct SiteHTMLEscaping: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with a different name than it was opened with"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "illegal tag inside an inheritance section"
        case .textInsideInheritSection: return "text inside an inheritance section"
        case .invalidConfigVariableSyntax: return "invalid configuration-variable syntax"
        case .unrecognisedConfigVariable: return "unrecognised configuration variable"
        }
    }
}
