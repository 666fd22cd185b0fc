import Mustache

// Templates read model fields by name. Without this, swift-mustache finds each field with
// `Mirror`, once per lookup and per level of the context stack: half of all rendering time.
// Each model lists its fields once; a test checks the lists against the declarations. The
// tables are immutable key paths, so sharing them across threads is safe.

protocol TemplateModel: MustacheParent {
    static var fields: [String: PartialKeyPath<Self>] { get }
}

extension TemplateModel {
    static var fieldNames: Set<String> { Set(fields.keys) }

    func child(named name: String) -> Any? {
        guard let path = Self.fields[name] else { return nil }
        let value = self[keyPath: path]
        // An absent optional is no value at all, as Mustache expects of a missing field.
        if let optional = value as? any OptionalField { return optional.wrapped }
        return value
    }
}

private protocol OptionalField { var wrapped: Any? { get } }
extension Optional: OptionalField { fileprivate var wrapped: Any? { map { $0 as Any } } }

extension NavItem: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<NavItem>] = [
        "label": \.label, "href": \.href, "current": \.current,
    ]
}
extension LayoutModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<LayoutModel>] = [
        "lang": \.lang, "siteTitle": \.siteTitle, "title": \.title, "description": \.description, "root": \.root,
        "nav": \.nav, "canonical": \.canonical, "contentHTML": \.contentHTML,
    ]
}
extension LinkModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<LinkModel>] = [
        "label": \.label, "href": \.href,
    ]
}
extension SourceSummaryModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<SourceSummaryModel>] = [
        "title": \.title, "titleSupplied": \.titleSupplied, "href": \.href, "author": \.author,
        "publisher": \.publisher, "date": \.date, "summary": \.summary, "annotationCount": \.annotationCount,
        "annotationLabel": \.annotationLabel,
    ]
}
extension IndexModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<IndexModel>] = [
        "siteTitle": \.siteTitle, "subtitle": \.subtitle, "introHTML": \.introHTML, "sources": \.sources,
        "counts": \.counts,
    ]
}
extension CorrectionModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<CorrectionModel>] = [
        "original": \.original, "corrected": \.corrected, "paragraphHref": \.paragraphHref,
        "paragraph": \.paragraph,
    ]
}
extension AnnotationListItem: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<AnnotationListItem>] = [
        "number": \.number, "name": \.name, "kind": \.kind, "kindLabel": \.kindLabel, "paragraph": \.paragraph,
        "quote": \.quote, "noteHTML": \.noteHTML,
    ]
}
extension SourcePageModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<SourcePageModel>] = [
        "title": \.title, "titleSupplied": \.titleSupplied, "author": \.author, "publisher": \.publisher,
        "date": \.date, "url": \.url, "summary": \.summary, "editorNoteHTML": \.editorNoteHTML,
        "corrections": \.corrections, "hasCorrections": \.hasCorrections, "citation": \.citation,
        "pageURL": \.pageURL, "bodyHTML": \.bodyHTML, "annotations": \.annotations,
        "hasAnnotations": \.hasAnnotations,
    ]
}
extension NoteModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<NoteModel>] = [
        "name": \.name, "number": \.number, "kind": \.kind, "kindLabel": \.kindLabel, "bodyHTML": \.bodyHTML,
    ]
}
extension ActorGroupModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ActorGroupModel>] = [
        "label": \.label, "actors": \.actors,
    ]
}
extension ActorSummaryModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ActorSummaryModel>] = [
        "name": \.name, "href": \.href, "mentions": \.mentions, "mentionLabel": \.mentionLabel,
    ]
}
extension ActorsIndexModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ActorsIndexModel>] = [
        "groups": \.groups,
    ]
}
extension MentionModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<MentionModel>] = [
        "paragraph": \.paragraph, "href": \.href, "excerpt": \.excerpt,
    ]
}
extension MentionGroupModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<MentionGroupModel>] = [
        "source": \.source, "sourceHref": \.sourceHref, "year": \.year, "mentions": \.mentions,
    ]
}
extension ActorAnnotationModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ActorAnnotationModel>] = [
        "source": \.source, "quote": \.quote, "href": \.href, "kindLabel": \.kindLabel, "noteHTML": \.noteHTML,
    ]
}
extension RelationRowModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<RelationRowModel>] = [
        "other": \.other, "otherHref": \.otherHref, "category": \.category, "categoryHref": \.categoryHref,
        "source": \.source, "year": \.year, "passageHref": \.passageHref, "paragraph": \.paragraph,
    ]
}
extension EventSummaryModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<EventSummaryModel>] = [
        "title": \.title, "href": \.href, "date": \.date,
    ]
}
extension ActorPageModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<ActorPageModel>] = [
        "name": \.name, "kindLabel": \.kindLabel, "aliases": \.aliases, "profileHTML": \.profileHTML,
        "mentionGroups": \.mentionGroups, "mentionTotal": \.mentionTotal, "annotations": \.annotations,
        "relations": \.relations, "events": \.events, "backlinks": \.backlinks,
    ]
}
extension TimelineEventModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<TimelineEventModel>] = [
        "id": \.id, "title": \.title, "date": \.date, "datetime": \.datetime, "circa": \.circa, "actors": \.actors,
        "terms": \.terms, "passages": \.passages, "bodyHTML": \.bodyHTML,
    ]
}
extension TimelineYearModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<TimelineYearModel>] = [
        "year": \.year, "events": \.events,
    ]
}
extension TimelineModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<TimelineModel>] = [
        "start": \.start, "end": \.end, "svgHTML": \.svgHTML, "years": \.years, "count": \.count,
    ]
}
extension TermUseModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<TermUseModel>] = [
        "source": \.source, "paragraph": \.paragraph, "href": \.href, "excerpt": \.excerpt,
    ]
}
extension TermPairModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<TermPairModel>] = [
        "pair": \.pair, "source": \.source, "year": \.year, "href": \.href,
    ]
}
extension TermModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<TermModel>] = [
        "id": \.id, "term": \.term, "aliases": \.aliases, "definitionHTML": \.definitionHTML, "seeAlso": \.seeAlso,
        "uses": \.uses, "annotations": \.annotations, "pairs": \.pairs,
    ]
}
extension TermFamilyModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<TermFamilyModel>] = [
        "label": \.label, "terms": \.terms,
    ]
}
extension GlossaryModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<GlossaryModel>] = [
        "families": \.families,
    ]
}
extension MatrixCellModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<MatrixCellModel>] = [
        "categories": \.categories,
    ]
}
extension MatrixRowModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<MatrixRowModel>] = [
        "pair": \.pair, "cells": \.cells,
    ]
}
extension RelationsModel: TemplateModel {
    nonisolated(unsafe) static let fields: [String: PartialKeyPath<RelationsModel>] = [
        "matrixShown": \.matrixShown, "sourceCount": \.sourceCount, "sources": \.sources, "rows": \.rows, "svgHTML": \.svgHTML,
        "edgeList": \.edgeList,
    ]
}
