// Values handed to the Mustache templates. Every field that comes from content is plain text,
// escaped by the template (`{{x}}`); fields named `…HTML` hold markup the generator produced
// (rendered Markdown, SVG) and are inserted with `{{{x}}}`.

struct NavItem { var label: String; var href: String; var current: Bool }

struct LayoutModel {
    var lang: String
    var siteTitle: String
    var title: String
    var description: String
    var root: String
    var nav: [NavItem]
    var canonical: String?
    /// `citation_*` tags for reference managers, on source pages.
    var meta: [MetaTag]
    var contentHTML: PageContent
}

/// The main part of a page: the template it is rendered from and that template's model. The
/// layout renders it in place, so that a page is made in one buffer, the bytes written to disk.
struct PageContent {
    var template: String
    var model: any TemplateModel
}

struct LinkModel { var label: String; var href: String }

/// The search and not-found pages, which read only the way back to the site's root.
struct RootModel { var root: String }

struct SourceSummaryModel {
    var title: String
    var titleSupplied: Bool
    var href: String
    var author: String?
    var publisher: String?
    var date: String
    var summary: String
    var annotationCount: Int
    var annotationLabel: String
}

struct IndexModel {
    var siteTitle: String
    var subtitle: String
    var introHTML: String
    var sources: [SourceSummaryModel]
    var counts: [LinkModel]
    /// `annotations.jsonld`, from the home page.
    var annotationsHref: String
}

struct CorrectionModel { var original: String; var corrected: String; var paragraphHref: String?; var paragraph: String? }

struct AnnotationListItem {
    var number: Int
    var name: String
    var kind: String
    var kindLabel: String
    var paragraph: Int
    var quote: String
    var noteHTML: String
}

struct SourcePageModel {
    var title: String
    var titleSupplied: Bool
    var author: String?
    var publisher: String?
    var date: String
    var url: String?
    var summary: String
    var editorNoteHTML: String?
    var corrections: [CorrectionModel]
    var hasCorrections: Bool
    var citation: String
    /// The page's absolute address, when the site has a base URL.
    var pageURL: String?
    /// The source's `citation.bib` and `citation.ris`, and the site's `annotations.jsonld`, from the page.
    var bibHref: String
    var risHref: String
    var annotationsHref: String
    var bodyHTML: String
    var annotations: [AnnotationListItem]
    var hasAnnotations: Bool
}

struct NoteModel {
    var name: String
    var number: Int
    var kind: String
    var kindLabel: String
    var bodyHTML: String
}

struct ActorGroupModel { var label: String; var actors: [ActorSummaryModel] }
struct ActorSummaryModel { var name: String; var href: String; var mentions: Int; var mentionLabel: String }
struct ActorsIndexModel { var groups: [ActorGroupModel] }

struct MentionModel { var paragraph: Int; var href: String; var excerpt: String }
struct MentionGroupModel { var source: String; var sourceHref: String; var year: String; var mentions: [MentionModel] }
struct ActorAnnotationModel { var source: String; var quote: String; var href: String; var kindLabel: String; var noteHTML: String }
struct RelationRowModel {
    var other: String
    var otherHref: String
    var category: String
    var categoryHref: String
    var source: String
    var year: String
    var passageHref: String
    var paragraph: Int
}
struct EventSummaryModel { var title: String; var href: String; var date: String }

struct ActorPageModel {
    var name: String
    var kindLabel: String
    var aliases: String
    var profileHTML: String
    var mentionGroups: [MentionGroupModel]
    var mentionTotal: Int
    var annotations: [ActorAnnotationModel]
    var relations: [RelationRowModel]
    var events: [EventSummaryModel]
    var backlinks: [LinkModel]
}

struct TimelineEventModel {
    var id: String
    var title: String
    var date: String
    var datetime: String
    var circa: Bool
    var actors: [LinkModel]
    var terms: [LinkModel]
    var passages: [TimelinePassageModel]
    var bodyHTML: String
    /// Space-separated ids, which the filters match.
    var actorIDs: String
    var termIDs: String
    var sourceIDs: String
}
/// An event or an era in the overview's list, in order of time.
struct OverviewItemModel {
    var id: String
    var label: String
    var date: String
    var era: Bool
    /// Drawn as a bar: known to the month or year only, or with an end.
    var span: Bool
    var circa: Bool
}
struct EraModel { var label: String; var dates: String; var passages: [TimelinePassageModel] }
struct TimelinePassageModel { var label: String; var href: String; var firstWords: String; var source: String }
struct TimelineYearModel { var year: String; var events: [TimelineEventModel] }
struct FilterOptionModel { var id: String; var label: String }
struct TimelineModel {
    var start: String
    var end: String
    var svgHTML: String
    var years: [TimelineYearModel]
    var count: Int
    var root: String
    var actorOptions: [FilterOptionModel]
    var termOptions: [FilterOptionModel]
    var sourceOptions: [FilterOptionModel]
    var eras: [EraModel]
    var overview: [OverviewItemModel]
}

struct TermUseModel { var source: String; var paragraph: Int; var href: String; var excerpt: String }
struct TermPairModel { var pair: String; var source: String; var year: String; var href: String }
struct TermModel {
    var id: String
    var term: String
    var aliases: String
    var definitionHTML: String
    var seeAlso: [LinkModel]
    var uses: [TermUseModel]
    var useCount: Int
    /// The term's own page with every use, when there are more than the glossary lists.
    var allUsesHref: String?
    var annotations: [ActorAnnotationModel]
    var pairs: [TermPairModel]
}
struct TermPageModel { var term: String; var definitionHTML: String; var glossaryHref: String; var useCount: Int; var uses: [TermUseModel] }
struct TermFamilyModel { var label: String; var terms: [TermModel] }
struct GlossaryModel { var families: [TermFamilyModel] }

/// A link whose text ("¶7") needs its accessible name ("¶7 of What Russia Really Wants") spelt out.
struct NamedLinkModel { var label: String; var href: String; var name: String }
/// One category in a matrix cell, once however often the source uses it: `repeats` ("4") when
/// more than once, and every paragraph that says so.
struct MatrixGroupModel { var label: String; var href: String; var repeats: String?; var passages: [NamedLinkModel] }
struct MatrixCellModel { var groups: [MatrixGroupModel] }
struct MatrixRowModel { var pair: String; var pairHref: String; var cells: [MatrixCellModel] }
struct TieModel { var pair: String; var pairHref: String; var label: String; var source: String; var paragraph: Int; var passageHref: String }
struct RelationsModel { var matrixShown: Bool; var sourceCount: Int; var sources: [LinkModel]; var rows: [MatrixRowModel]; var svgHTML: String; var ties: [TieModel] }

struct PairPassageModel {
    var category: String
    var categoryHref: String
    var quote: String
    var paragraph: Int
    var passageHref: String
    var annotationHref: String
    var noteHTML: String
}
struct PairSourceModel { var id: String; var title: String; var href: String; var date: String; var passages: [PairPassageModel] }
struct PairPageModel {
    var title: String
    var firstName: String
    var firstHref: String
    var secondName: String
    var secondHref: String
    var summary: String
    var relationsHref: String
    var sources: [PairSourceModel]
}

/// One annotation in the index of all of them, with the ids its filters match, space-separated.
struct AnnotationIndexItem {
    var href: String
    var source: String
    var sourceID: String
    var paragraph: Int
    var kind: String
    var kindLabel: String
    var quote: String
    var actors: [LinkModel]
    var terms: [LinkModel]
    var actorIDs: String
    var termIDs: String
}
/// A source's annotations in the index; `id` is its heading's, and `items` makes the annotations'
/// models when the template reads them.
struct AnnotationGroupModel { var id: String; var title: String; var href: String; var date: String; var items: () -> [AnnotationIndexItem] }
struct AnnotationIndexModel {
    var count: Int
    var groups: [AnnotationGroupModel]
    var kindOptions: [FilterOptionModel]
    var sourceOptions: [FilterOptionModel]
    var actorOptions: [FilterOptionModel]
    var termOptions: [FilterOptionModel]
}
