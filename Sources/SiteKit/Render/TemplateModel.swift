import Mustache

// Templates read model fields by name. Without this, swift-mustache finds each field with
// `Mirror`, once per lookup and per level of the context stack: half of all rendering time.
// Each model lists its fields once, as closures (a key path read through `PartialKeyPath`
// costs a generic projection and a cast per lookup); a test checks the lists against the
// declarations.

protocol TemplateModel {
    static var fields: [String: TemplateField<Self>] { get }
    /// The value of a field as Mustache gets it. A requirement, not only an extension, so that
    /// each model's is compiled for its own type: read through `TemplateBox<Model>`, generic code,
    /// every lookup in `fields` first built the closure type's metadata at run time.
    func templateValue(named name: String) -> Any?
    /// The value of a field as `TemplateRenderer` gets it; a requirement for the same reason.
    func renderValue(named name: String) throws(TemplateRenderer.Unsupported) -> TemplateRenderValue?
}

extension TemplateModel {
    func templateValue(named name: String) -> Any? {
        switch Self.fields[name]?(self) {
        case let text as String: TemplateValue.text(text)
        case let number as Int: TemplateValue.number(number)
        case let other: other
        }
    }

    func renderValue(named name: String) throws(TemplateRenderer.Unsupported) -> TemplateRenderValue? {
        try TemplateRenderValue(Self.fields[name]?(self))
    }
}

/// Reads one field; an absent optional comes back as nil, as Mustache expects of a missing field.
typealias TemplateField<Model> = @Sendable (Model) -> Any?

extension TemplateModel {
    static var fieldNames: Set<String> { Set(fields.keys) }
}

/// Mustache asks every value it looks up in or finds whether it is a `MustacheCustomRepresentation`.
/// On Linux a cast of a generic class that fails costs nearly twice one that succeeds (190
/// against 105 ns in a small program), and a lookup made two failing ones; these types answer
/// yes, with themselves.
protocol PlainRepresentation: MustacheCustomRepresentation {}

extension PlainRepresentation {
    var representation: Any? { self }
}

/// What Mustache holds instead of a model. It casts every value on its context stack to
/// `MustacheParent` for every lookup; a struct bigger than three words is copied into a new
/// heap box by each such cast, a class is only retained.
final class TemplateBox<Model: TemplateModel>: MustacheParent, PlainRepresentation {
    let model: Model
    init(_ model: Model) { self.model = model }
    func child(named name: String) -> Any? { model.templateValue(named: name) }
}

/// A text or number field as Mustache gets it. A plain `String` or `Int` is written through
/// `String(describing:)` after three failed protocol casts and a few more inside; this type is
/// written by the first cast. It fits in an `Any` without a heap box. Transforms such as
/// `{{lowercased(name)}}` still apply to the value itself.
enum TemplateValue: MustacheCustomRenderable, MustacheTransformable, MustacheParent, PlainRepresentation {
    case text(String)
    case number(Int)

    var renderText: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        }
    }

    var isNull: Bool { false }

    func transform(_ name: String) -> Any? {
        switch self {
        case .text(let text): text.transform(name)
        case .number(let number): number.transform(name)
        }
    }

    /// A section over a value has nothing to look up in it; without this, Mustache would search
    /// it with `Mirror` for every name read inside the section.
    func child(named name: String) -> Any? { nil }
}

/// A list of models as Mustache gets it. Each element is boxed only when a section reaches it:
/// boxing the whole array on every lookup cost an allocation per element even where a template
/// only asks whether the list is empty (`{{^mentions}}`), and an actor page has hundreds.
struct TemplateList<Model: TemplateModel>: MustacheSequence, MustacheTransformable, MustacheParent, PlainRepresentation {
    let models: [Model]
    /// Boxes the element at an index. Made where the list is made, for its concrete model:
    /// Mustache walks a list through `any MustacheSequence`, where a generic iterator (such as a
    /// lazy map's) runs unspecialised, about half a microsecond per element (2% of a build).
    private let box: (Int) -> Any

    init(models: [Model]) {
        self.models = models
        box = { [models] in TemplateBox(models[$0]) }
    }

    func makeIterator() -> TemplateListIterator { TemplateListIterator(count: models.count, box: box) }

    /// The transforms Mustache gives an array.
    func transform(_ name: String) -> Any? {
        switch name {
        case "first": models.first.map { TemplateBox($0) }
        case "last": models.last.map { TemplateBox($0) }
        case "reversed": TemplateList(models: models.reversed())
        case "count": models.count
        case "empty": models.isEmpty
        default: nil
        }
    }

    /// An inverted section over an empty list puts the list on the context; names read inside
    /// it are looked up further down, as they are for an empty array.
    func child(named name: String) -> Any? { nil }
}

/// Gives a `TemplateList`'s elements in order, boxed one at a time.
struct TemplateListIterator: IteratorProtocol {
    let count: Int
    let box: (Int) -> Any
    private var index = 0

    init(count: Int, box: @escaping (Int) -> Any) {
        self.count = count
        self.box = box
    }

    mutating func next() -> Any? {
        guard index < count else { return nil }
        defer { index += 1 }
        return box(index)
    }
}

extension Array where Element: TemplateModel {
    var templateList: TemplateList<Element> { TemplateList(models: self) }
}

extension NavItem: TemplateModel {
    static let fields: [String: TemplateField<NavItem>] = [
        "label": { $0.label }, "href": { $0.href }, "current": { $0.current },
    ]
}
extension LayoutModel: TemplateModel {
    static let fields: [String: TemplateField<LayoutModel>] = [
        "lang": { $0.lang }, "siteTitle": { $0.siteTitle }, "title": { $0.title }, "description": { $0.description }, "root": { $0.root },
        "nav": { $0.nav.templateList }, "canonical": { $0.canonical }, "contentHTML": { $0.contentHTML },
    ]
}
extension LinkModel: TemplateModel {
    static let fields: [String: TemplateField<LinkModel>] = [
        "label": { $0.label }, "href": { $0.href },
    ]
}
extension SourceSummaryModel: TemplateModel {
    static let fields: [String: TemplateField<SourceSummaryModel>] = [
        "title": { $0.title }, "titleSupplied": { $0.titleSupplied }, "href": { $0.href }, "author": { $0.author },
        "publisher": { $0.publisher }, "date": { $0.date }, "summary": { $0.summary }, "annotationCount": { $0.annotationCount },
        "annotationLabel": { $0.annotationLabel },
    ]
}
extension IndexModel: TemplateModel {
    static let fields: [String: TemplateField<IndexModel>] = [
        "siteTitle": { $0.siteTitle }, "subtitle": { $0.subtitle }, "introHTML": { $0.introHTML }, "sources": { $0.sources.templateList },
        "counts": { $0.counts.templateList },
    ]
}
extension CorrectionModel: TemplateModel {
    static let fields: [String: TemplateField<CorrectionModel>] = [
        "original": { $0.original }, "corrected": { $0.corrected }, "paragraphHref": { $0.paragraphHref },
        "paragraph": { $0.paragraph },
    ]
}
extension AnnotationListItem: TemplateModel {
    static let fields: [String: TemplateField<AnnotationListItem>] = [
        "number": { $0.number }, "name": { $0.name }, "kind": { $0.kind }, "kindLabel": { $0.kindLabel }, "paragraph": { $0.paragraph },
        "quote": { $0.quote }, "noteHTML": { $0.noteHTML },
    ]
}
extension SourcePageModel: TemplateModel {
    static let fields: [String: TemplateField<SourcePageModel>] = [
        "title": { $0.title }, "titleSupplied": { $0.titleSupplied }, "author": { $0.author }, "publisher": { $0.publisher },
        "date": { $0.date }, "url": { $0.url }, "summary": { $0.summary }, "editorNoteHTML": { $0.editorNoteHTML },
        "corrections": { $0.corrections.templateList }, "hasCorrections": { $0.hasCorrections }, "citation": { $0.citation },
        "pageURL": { $0.pageURL }, "bodyHTML": { $0.bodyHTML }, "annotations": { $0.annotations.templateList },
        "hasAnnotations": { $0.hasAnnotations },
    ]
}
extension NoteModel: TemplateModel {
    static let fields: [String: TemplateField<NoteModel>] = [
        "name": { $0.name }, "number": { $0.number }, "kind": { $0.kind }, "kindLabel": { $0.kindLabel }, "bodyHTML": { $0.bodyHTML },
    ]
}
extension ActorGroupModel: TemplateModel {
    static let fields: [String: TemplateField<ActorGroupModel>] = [
        "label": { $0.label }, "actors": { $0.actors.templateList },
    ]
}
extension ActorSummaryModel: TemplateModel {
    static let fields: [String: TemplateField<ActorSummaryModel>] = [
        "name": { $0.name }, "href": { $0.href }, "mentions": { $0.mentions }, "mentionLabel": { $0.mentionLabel },
    ]
}
extension ActorsIndexModel: TemplateModel {
    static let fields: [String: TemplateField<ActorsIndexModel>] = [
        "groups": { $0.groups.templateList },
    ]
}
extension MentionModel: TemplateModel {
    static let fields: [String: TemplateField<MentionModel>] = [
        "paragraph": { $0.paragraph }, "href": { $0.href }, "excerpt": { $0.excerpt },
    ]
}
extension MentionGroupModel: TemplateModel {
    static let fields: [String: TemplateField<MentionGroupModel>] = [
        "source": { $0.source }, "sourceHref": { $0.sourceHref }, "year": { $0.year }, "mentions": { $0.mentions.templateList },
    ]
}
extension ActorAnnotationModel: TemplateModel {
    static let fields: [String: TemplateField<ActorAnnotationModel>] = [
        "source": { $0.source }, "quote": { $0.quote }, "href": { $0.href }, "kindLabel": { $0.kindLabel }, "noteHTML": { $0.noteHTML },
    ]
}
extension RelationRowModel: TemplateModel {
    static let fields: [String: TemplateField<RelationRowModel>] = [
        "other": { $0.other }, "otherHref": { $0.otherHref }, "category": { $0.category }, "categoryHref": { $0.categoryHref },
        "source": { $0.source }, "year": { $0.year }, "passageHref": { $0.passageHref }, "paragraph": { $0.paragraph },
    ]
}
extension EventSummaryModel: TemplateModel {
    static let fields: [String: TemplateField<EventSummaryModel>] = [
        "title": { $0.title }, "href": { $0.href }, "date": { $0.date },
    ]
}
extension ActorPageModel: TemplateModel {
    static let fields: [String: TemplateField<ActorPageModel>] = [
        "name": { $0.name }, "kindLabel": { $0.kindLabel }, "aliases": { $0.aliases }, "profileHTML": { $0.profileHTML },
        "mentionGroups": { $0.mentionGroups.templateList }, "mentionTotal": { $0.mentionTotal }, "annotations": { $0.annotations.templateList },
        "relations": { $0.relations.templateList }, "events": { $0.events.templateList }, "backlinks": { $0.backlinks.templateList },
    ]
}
extension TimelineEventModel: TemplateModel {
    static let fields: [String: TemplateField<TimelineEventModel>] = [
        "id": { $0.id }, "title": { $0.title }, "date": { $0.date }, "datetime": { $0.datetime }, "circa": { $0.circa }, "actors": { $0.actors.templateList },
        "terms": { $0.terms.templateList }, "passages": { $0.passages.templateList }, "bodyHTML": { $0.bodyHTML },
    ]
}
extension TimelineYearModel: TemplateModel {
    static let fields: [String: TemplateField<TimelineYearModel>] = [
        "year": { $0.year }, "events": { $0.events.templateList },
    ]
}
extension TimelineModel: TemplateModel {
    static let fields: [String: TemplateField<TimelineModel>] = [
        "start": { $0.start }, "end": { $0.end }, "svgHTML": { $0.svgHTML }, "years": { $0.years.templateList }, "count": { $0.count },
    ]
}
extension TermUseModel: TemplateModel {
    static let fields: [String: TemplateField<TermUseModel>] = [
        "source": { $0.source }, "paragraph": { $0.paragraph }, "href": { $0.href }, "excerpt": { $0.excerpt },
    ]
}
extension TermPairModel: TemplateModel {
    static let fields: [String: TemplateField<TermPairModel>] = [
        "pair": { $0.pair }, "source": { $0.source }, "year": { $0.year }, "href": { $0.href },
    ]
}
extension TermModel: TemplateModel {
    static let fields: [String: TemplateField<TermModel>] = [
        "id": { $0.id }, "term": { $0.term }, "aliases": { $0.aliases }, "definitionHTML": { $0.definitionHTML }, "seeAlso": { $0.seeAlso.templateList },
        "uses": { $0.uses.templateList }, "useCount": { $0.useCount }, "allUsesHref": { $0.allUsesHref }, "annotations": { $0.annotations.templateList },
        "pairs": { $0.pairs.templateList },
    ]
}
extension TermPageModel: TemplateModel {
    static let fields: [String: TemplateField<TermPageModel>] = [
        "term": { $0.term }, "definitionHTML": { $0.definitionHTML }, "glossaryHref": { $0.glossaryHref },
        "useCount": { $0.useCount }, "uses": { $0.uses.templateList },
    ]
}
extension TermFamilyModel: TemplateModel {
    static let fields: [String: TemplateField<TermFamilyModel>] = [
        "label": { $0.label }, "terms": { $0.terms.templateList },
    ]
}
extension GlossaryModel: TemplateModel {
    static let fields: [String: TemplateField<GlossaryModel>] = [
        "families": { $0.families.templateList },
    ]
}
extension MatrixCellModel: TemplateModel {
    static let fields: [String: TemplateField<MatrixCellModel>] = [
        "categories": { $0.categories.templateList },
    ]
}
extension MatrixRowModel: TemplateModel {
    static let fields: [String: TemplateField<MatrixRowModel>] = [
        "pair": { $0.pair }, "cells": { $0.cells.templateList },
    ]
}
extension RelationsModel: TemplateModel {
    static let fields: [String: TemplateField<RelationsModel>] = [
        "matrixShown": { $0.matrixShown }, "sourceCount": { $0.sourceCount }, "sources": { $0.sources.templateList }, "rows": { $0.rows.templateList }, "svgHTML": { $0.svgHTML },
        "edgeList": { $0.edgeList },
    ]
}
