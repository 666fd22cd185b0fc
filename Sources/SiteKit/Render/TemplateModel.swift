// Templates read model fields by name. Each model lists its fields once, as closures made by
// `field`; `TemplateRenderer` reads them by the number `FieldNumbers` gives each name, and a test
// checks the lists against the declarations.

protocol TemplateModel {
    static var fields: TemplateFields<Self> { get }
    /// The value of a field by its name's number (`FieldNumbers`). A requirement, not only an
    /// extension, so that each model's is compiled for its own type instead of as generic code
    /// that looks up the closure type's metadata at run time.
    func renderValue(number: Int) -> TemplateRenderValue?
    /// The same of an element of a list, read in place: `TemplateList` reaches its elements
    /// through `any TemplateRenderList`, generic code, where `models[index]` would copy the whole
    /// model (retaining every field) for each value read.
    static func renderValue(of models: [Self], at index: Int, number: Int) -> TemplateRenderValue?
}

extension TemplateModel {
    func renderValue(number: Int) -> TemplateRenderValue? {
        Self.fields[number]?(self)
    }

    static func renderValue(of models: [Self], at index: Int, number: Int) -> TemplateRenderValue? {
        // Through the buffer, the element is lent to the field's closure instead of copied.
        models.withUnsafeBufferPointer { fields[number]?($0[index]) }
    }
}

/// Reads one field, already in the form `TemplateRenderer` takes, so a lookup casts nothing; an
/// absent optional comes back as nil, a missing field. Made by `field`.
typealias TemplateField<Model> = @Sendable (Model) -> TemplateRenderValue?

func field<Model>(_ read: @escaping @Sendable (Model) -> String) -> TemplateField<Model> { { .text(read($0)) } }
func field<Model>(_ read: @escaping @Sendable (Model) -> String?) -> TemplateField<Model> { { read($0).map { .text($0) } } }
func field<Model>(_ read: @escaping @Sendable (Model) -> Int) -> TemplateField<Model> { { .number(read($0)) } }
func field<Model>(_ read: @escaping @Sendable (Model) -> Bool) -> TemplateField<Model> { { .bool(read($0)) } }
func field<Model>(_ read: @escaping @Sendable (Model) -> [String]) -> TemplateField<Model> { { .list(read($0)) } }
func field<Model>(_ read: @escaping @Sendable (Model) -> PageContent) -> TemplateField<Model> { { .content(read($0)) } }
func field<Model, Element: SendableMetatype>(_ read: @escaping @Sendable (Model) -> TemplateList<Element>) -> TemplateField<Model> { { .list(read($0)) } }

extension TemplateModel {
    static var fieldNames: Set<String> { Set(fields.names) }
}

/// A list of models as a template reads it; a section renders each element in place.
struct TemplateList<Model: TemplateModel> {
    let models: [Model]

    init(models: [Model]) { self.models = models }
}

extension Array where Element: TemplateModel {
    var templateList: TemplateList<Element> { TemplateList(models: self) }
}

extension NavItem: TemplateModel {
    static let fields: TemplateFields<NavItem> = [
        "label": field { $0.label }, "href": field { $0.href }, "current": field { $0.current },
    ]
}
extension LayoutModel: TemplateModel {
    static let fields: TemplateFields<LayoutModel> = [
        "lang": field { $0.lang }, "siteTitle": field { $0.siteTitle }, "title": field { $0.title }, "description": field { $0.description }, "root": field { $0.root },
        "nav": field { $0.nav.templateList }, "canonical": field { $0.canonical }, "meta": field { $0.meta.templateList }, "contentHTML": field { $0.contentHTML },
    ]
}
extension MetaTag: TemplateModel {
    static let fields: TemplateFields<MetaTag> = [
        "name": field { $0.name }, "content": field { $0.content },
    ]
}
extension LinkModel: TemplateModel {
    static let fields: TemplateFields<LinkModel> = [
        "label": field { $0.label }, "href": field { $0.href },
    ]
}
extension RootModel: TemplateModel {
    static let fields: TemplateFields<RootModel> = ["root": field { $0.root }]
}
extension SourceSummaryModel: TemplateModel {
    static let fields: TemplateFields<SourceSummaryModel> = [
        "title": field { $0.title }, "titleSupplied": field { $0.titleSupplied }, "href": field { $0.href }, "author": field { $0.author },
        "publisher": field { $0.publisher }, "date": field { $0.date }, "summary": field { $0.summary }, "annotationCount": field { $0.annotationCount },
        "annotationLabel": field { $0.annotationLabel },
    ]
}
extension IndexModel: TemplateModel {
    static let fields: TemplateFields<IndexModel> = [
        "siteTitle": field { $0.siteTitle }, "subtitle": field { $0.subtitle }, "introHTML": field { $0.introHTML }, "sources": field { $0.sources.templateList },
        "counts": field { $0.counts.templateList }, "annotationsHref": field { $0.annotationsHref },
    ]
}
extension CorrectionModel: TemplateModel {
    static let fields: TemplateFields<CorrectionModel> = [
        "original": field { $0.original }, "corrected": field { $0.corrected }, "paragraphHref": field { $0.paragraphHref },
        "paragraph": field { $0.paragraph },
    ]
}
extension AnnotationListItem: TemplateModel {
    static let fields: TemplateFields<AnnotationListItem> = [
        "number": field { $0.number }, "name": field { $0.name }, "kind": field { $0.kind }, "kindLabel": field { $0.kindLabel }, "paragraph": field { $0.paragraph },
        "quote": field { $0.quote }, "noteHTML": field { $0.noteHTML },
    ]
}
extension SourcePageModel: TemplateModel {
    static let fields: TemplateFields<SourcePageModel> = [
        "title": field { $0.title }, "titleSupplied": field { $0.titleSupplied }, "author": field { $0.author }, "publisher": field { $0.publisher },
        "date": field { $0.date }, "url": field { $0.url }, "summary": field { $0.summary }, "editorNoteHTML": field { $0.editorNoteHTML },
        "corrections": field { $0.corrections.templateList }, "hasCorrections": field { $0.hasCorrections }, "citation": field { $0.citation },
        "pageURL": field { $0.pageURL }, "bibHref": field { $0.bibHref }, "risHref": field { $0.risHref },
        "annotationsHref": field { $0.annotationsHref }, "bodyHTML": field { $0.bodyHTML }, "annotations": field { $0.annotations.templateList },
        "hasAnnotations": field { $0.hasAnnotations },
    ]
}
extension NoteModel: TemplateModel {
    static let fields: TemplateFields<NoteModel> = [
        "name": field { $0.name }, "number": field { $0.number }, "kind": field { $0.kind }, "kindLabel": field { $0.kindLabel }, "bodyHTML": field { $0.bodyHTML },
    ]
}
extension ActorGroupModel: TemplateModel {
    static let fields: TemplateFields<ActorGroupModel> = [
        "label": field { $0.label }, "actors": field { $0.actors.templateList },
    ]
}
extension ActorSummaryModel: TemplateModel {
    static let fields: TemplateFields<ActorSummaryModel> = [
        "name": field { $0.name }, "href": field { $0.href }, "mentions": field { $0.mentions }, "mentionLabel": field { $0.mentionLabel },
    ]
}
extension ActorsIndexModel: TemplateModel {
    static let fields: TemplateFields<ActorsIndexModel> = [
        "groups": field { $0.groups.templateList },
    ]
}
extension MentionModel: TemplateModel {
    static let fields: TemplateFields<MentionModel> = [
        "paragraph": field { $0.paragraph }, "href": field { $0.href }, "excerpt": field { $0.excerpt },
    ]
}
extension MentionGroupModel: TemplateModel {
    static let fields: TemplateFields<MentionGroupModel> = [
        "source": field { $0.source }, "sourceHref": field { $0.sourceHref }, "year": field { $0.year }, "mentions": field { $0.mentions.templateList },
    ]
}
extension ActorAnnotationModel: TemplateModel {
    static let fields: TemplateFields<ActorAnnotationModel> = [
        "source": field { $0.source }, "quote": field { $0.quote }, "href": field { $0.href }, "kindLabel": field { $0.kindLabel }, "noteHTML": field { $0.noteHTML },
    ]
}
extension RelationRowModel: TemplateModel {
    static let fields: TemplateFields<RelationRowModel> = [
        "other": field { $0.other }, "otherHref": field { $0.otherHref }, "category": field { $0.category }, "categoryHref": field { $0.categoryHref },
        "source": field { $0.source }, "year": field { $0.year }, "passageHref": field { $0.passageHref }, "paragraph": field { $0.paragraph },
    ]
}
extension EventSummaryModel: TemplateModel {
    static let fields: TemplateFields<EventSummaryModel> = [
        "title": field { $0.title }, "href": field { $0.href }, "date": field { $0.date },
    ]
}
extension ActorPageModel: TemplateModel {
    static let fields: TemplateFields<ActorPageModel> = [
        "name": field { $0.name }, "kindLabel": field { $0.kindLabel }, "aliases": field { $0.aliases }, "profileHTML": field { $0.profileHTML },
        "mentionGroups": field { $0.mentionGroups.templateList }, "mentionTotal": field { $0.mentionTotal }, "annotations": field { $0.annotations.templateList },
        "relations": field { $0.relations.templateList }, "events": field { $0.events.templateList }, "backlinks": field { $0.backlinks.templateList },
    ]
}
extension TimelineEventModel: TemplateModel {
    static let fields: TemplateFields<TimelineEventModel> = [
        "id": field { $0.id }, "title": field { $0.title }, "date": field { $0.date }, "datetime": field { $0.datetime }, "circa": field { $0.circa }, "actors": field { $0.actors.templateList },
        "terms": field { $0.terms.templateList }, "passages": field { $0.passages.templateList }, "bodyHTML": field { $0.bodyHTML },
        "actorIDs": field { $0.actorIDs }, "termIDs": field { $0.termIDs }, "sourceIDs": field { $0.sourceIDs },
    ]
}
extension TimelinePassageModel: TemplateModel {
    static let fields: TemplateFields<TimelinePassageModel> = [
        "label": field { $0.label }, "href": field { $0.href }, "firstWords": field { $0.firstWords }, "source": field { $0.source },
    ]
}
extension OverviewItemModel: TemplateModel {
    static let fields: TemplateFields<OverviewItemModel> = [
        "id": field { $0.id }, "label": field { $0.label }, "date": field { $0.date }, "era": field { $0.era }, "span": field { $0.span }, "circa": field { $0.circa },
    ]
}
extension EraModel: TemplateModel {
    static let fields: TemplateFields<EraModel> = [
        "label": field { $0.label }, "dates": field { $0.dates }, "passages": field { $0.passages.templateList },
    ]
}
extension FilterOptionModel: TemplateModel {
    static let fields: TemplateFields<FilterOptionModel> = [
        "id": field { $0.id }, "label": field { $0.label },
    ]
}
extension TimelineYearModel: TemplateModel {
    static let fields: TemplateFields<TimelineYearModel> = [
        "year": field { $0.year }, "events": field { $0.events.templateList },
    ]
}
extension TimelineModel: TemplateModel {
    static let fields: TemplateFields<TimelineModel> = [
        "start": field { $0.start }, "end": field { $0.end }, "svgHTML": field { $0.svgHTML }, "years": field { $0.years.templateList }, "count": field { $0.count },
        "root": field { $0.root }, "actorOptions": field { $0.actorOptions.templateList }, "termOptions": field { $0.termOptions.templateList },
        "sourceOptions": field { $0.sourceOptions.templateList }, "eras": field { $0.eras.templateList }, "overview": field { $0.overview.templateList },
    ]
}
extension TermUseModel: TemplateModel {
    static let fields: TemplateFields<TermUseModel> = [
        "source": field { $0.source }, "paragraph": field { $0.paragraph }, "href": field { $0.href }, "excerpt": field { $0.excerpt },
    ]
}
extension TermPairModel: TemplateModel {
    static let fields: TemplateFields<TermPairModel> = [
        "pair": field { $0.pair }, "source": field { $0.source }, "year": field { $0.year }, "href": field { $0.href },
    ]
}
extension TermModel: TemplateModel {
    static let fields: TemplateFields<TermModel> = [
        "id": field { $0.id }, "term": field { $0.term }, "aliases": field { $0.aliases }, "definitionHTML": field { $0.definitionHTML }, "seeAlso": field { $0.seeAlso.templateList },
        "uses": field { $0.uses.templateList }, "useCount": field { $0.useCount }, "allUsesHref": field { $0.allUsesHref }, "annotations": field { $0.annotations.templateList },
        "pairs": field { $0.pairs.templateList },
    ]
}
extension TermPageModel: TemplateModel {
    static let fields: TemplateFields<TermPageModel> = [
        "term": field { $0.term }, "definitionHTML": field { $0.definitionHTML }, "glossaryHref": field { $0.glossaryHref },
        "useCount": field { $0.useCount }, "uses": field { $0.uses.templateList },
    ]
}
extension TermFamilyModel: TemplateModel {
    static let fields: TemplateFields<TermFamilyModel> = [
        "label": field { $0.label }, "terms": field { $0.terms.templateList },
    ]
}
extension GlossaryModel: TemplateModel {
    static let fields: TemplateFields<GlossaryModel> = [
        "families": field { $0.families.templateList },
    ]
}
extension NamedLinkModel: TemplateModel {
    static let fields: TemplateFields<NamedLinkModel> = [
        "label": field { $0.label }, "href": field { $0.href }, "name": field { $0.name },
    ]
}
extension MatrixGroupModel: TemplateModel {
    static let fields: TemplateFields<MatrixGroupModel> = [
        "label": field { $0.label }, "href": field { $0.href }, "repeats": field { $0.repeats }, "passages": field { $0.passages.templateList },
    ]
}
extension MatrixCellModel: TemplateModel {
    static let fields: TemplateFields<MatrixCellModel> = [
        "groups": field { $0.groups.templateList },
    ]
}
extension MatrixRowModel: TemplateModel {
    static let fields: TemplateFields<MatrixRowModel> = [
        "pair": field { $0.pair }, "pairHref": field { $0.pairHref }, "cells": field { $0.cells.templateList },
    ]
}
extension TieModel: TemplateModel {
    static let fields: TemplateFields<TieModel> = [
        "pair": field { $0.pair }, "pairHref": field { $0.pairHref }, "label": field { $0.label }, "source": field { $0.source },
        "paragraph": field { $0.paragraph }, "passageHref": field { $0.passageHref },
    ]
}
extension RelationsModel: TemplateModel {
    static let fields: TemplateFields<RelationsModel> = [
        "matrixShown": field { $0.matrixShown }, "sourceCount": field { $0.sourceCount }, "sources": field { $0.sources.templateList }, "rows": field { $0.rows.templateList }, "svgHTML": field { $0.svgHTML },
        "ties": field { $0.ties.templateList },
    ]
}
extension PairPassageModel: TemplateModel {
    static let fields: TemplateFields<PairPassageModel> = [
        "category": field { $0.category }, "categoryHref": field { $0.categoryHref }, "quote": field { $0.quote }, "paragraph": field { $0.paragraph },
        "passageHref": field { $0.passageHref }, "annotationHref": field { $0.annotationHref }, "noteHTML": field { $0.noteHTML },
    ]
}
extension PairSourceModel: TemplateModel {
    static let fields: TemplateFields<PairSourceModel> = [
        "id": field { $0.id }, "title": field { $0.title }, "href": field { $0.href }, "date": field { $0.date }, "passages": field { $0.passages.templateList },
    ]
}
extension PairPageModel: TemplateModel {
    static let fields: TemplateFields<PairPageModel> = [
        "title": field { $0.title }, "firstName": field { $0.firstName }, "firstHref": field { $0.firstHref }, "secondName": field { $0.secondName },
        "secondHref": field { $0.secondHref }, "summary": field { $0.summary }, "relationsHref": field { $0.relationsHref }, "sources": field { $0.sources.templateList },
    ]
}
extension AnnotationIndexItem: TemplateModel {
    static let fields: TemplateFields<AnnotationIndexItem> = [
        "href": field { $0.href }, "source": field { $0.source }, "sourceID": field { $0.sourceID }, "paragraph": field { $0.paragraph },
        "kind": field { $0.kind }, "kindLabel": field { $0.kindLabel }, "quote": field { $0.quote }, "actors": field { $0.actors.templateList },
        "terms": field { $0.terms.templateList }, "actorIDs": field { $0.actorIDs }, "termIDs": field { $0.termIDs },
    ]
}
extension AnnotationGroupModel: TemplateModel {
    static let fields: TemplateFields<AnnotationGroupModel> = [
        "id": field { $0.id }, "title": field { $0.title }, "href": field { $0.href }, "date": field { $0.date }, "items": field { $0.items().templateList },
    ]
}
extension AnnotationIndexModel: TemplateModel {
    static let fields: TemplateFields<AnnotationIndexModel> = [
        "count": field { $0.count }, "groups": field { $0.groups.templateList }, "kindOptions": field { $0.kindOptions.templateList },
        "sourceOptions": field { $0.sourceOptions.templateList }, "actorOptions": field { $0.actorOptions.templateList },
        "termOptions": field { $0.termOptions.templateList },
    ]
}
