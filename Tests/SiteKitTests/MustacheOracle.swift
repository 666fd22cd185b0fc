import Mustache
@testable import SiteKit

/// swift-mustache as the reference the template engine is compared with. A model reaches it as
/// a `MustacheParent` that reads each field through the model's field list: texts as `String`,
/// numbers as `Int`, booleans as `Bool`, lists as arrays, a page's content as the text its
/// template renders.
enum MustacheOracle {
    /// Templates whose pages swift-mustache renders from the same texts.
    static func templates(_ texts: [String: String]) throws -> Templates {
        let library = MustacheLibrary(templates: try texts.mapValues { try MustacheTemplate(string: $0) })
        return Templates(renderPage: { name, model, _ in Array((library.render(Box(.model(model), library), withTemplate: name) ?? "").utf8) })
    }

    /// `main` of `texts` rendered with `model` by `TemplateRenderer` and by swift-mustache.
    static func renderBothWays(_ texts: [String: String], _ model: some TemplateModel) throws -> (ours: String, reference: String) {
        let renderer = TemplateRenderer(templates: try texts.mapValues { try TemplateParser.parse($0) })
        return (String(decoding: renderer.render("main", model), as: UTF8.self), try templates(texts).render("main", model))
    }

    private final class Box: MustacheParent {
        let value: TemplateRenderValue
        let library: MustacheLibrary
        init(_ value: TemplateRenderValue, _ library: MustacheLibrary) {
            self.value = value
            self.library = library
        }

        func child(named name: String) -> Any? {
            value.child(FieldNumbers.number(of: name)).map(mustacheValue)
        }

        func mustacheValue(_ value: TemplateRenderValue) -> Any {
            switch value {
            case .text(let text): text
            case .number(let number): number
            case .bool(let bool): bool
            case .list(let list): (0..<list.count).map { mustacheValue(list.element($0) ?? .element(list, $0)) }
            case .model, .element: Box(value, library)
            case .content(let content): library.render(Box(.model(content.model), library), withTemplate: content.template) ?? ""
            }
        }
    }
}
