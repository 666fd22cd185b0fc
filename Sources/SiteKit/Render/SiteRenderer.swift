import Synchronization

/// One file of the built site.
public struct OutputFile: Sendable, Equatable {
    public var path: String
    public var bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// Where a build's files go as they are rendered (`StagedOutput`), so that a big site is never in
/// memory whole.
public protocol OutputSink: Sendable {
    func write(_ file: OutputFile)
    /// A file made in pieces, never held whole; `pieces` may be walked more than once, each walk
    /// making them again.
    func write(_ path: String, pieces: some Sequence<[UInt8]>)
}

/// Turns a resolved site into pages. No clock and no disk, but for reading back what the build
/// keeps in its scratch file (`TextStore`): two runs give the same bytes.
///
/// A class, so that each page's job holds one reference to it, not a copy of all of it in each of
/// its closures.
public final class SiteRenderer {
    let site: ResolvedSite
    let templates: Templates
    let links: CrossLinks

    let digests: InputDigests
    let marks: SourcePageRenderer.Marks

    public init(site: ResolvedSite, templates: Templates, digests: InputDigests) {
        self.site = site
        self.templates = templates
        self.digests = digests
        let links = CrossLinks(site: site)
        self.links = links
        marks = SourcePageRenderer.Marks(site: site, links: links)
    }

    /// A page to render: where it goes, what it is rendered from, and how. Its inputs are worked
    /// out when it runs, on every core: for an actor page they include the files of every
    /// annotation naming it.
    private struct Job {
        var path: String
        var inputs: () -> PageInputs
        var render: () throws(Diagnostic) -> OutputFile
        /// For a file too big to hold whole beside the pages rendering with it: its pieces, for
        /// an `OutputSink` to take one at a time.
        var pieces: (() -> AnySequence<[UInt8]>)?
    }

    public struct Result: Sendable {
        /// Every page's path, in the order of the jobs.
        public var paths: [String]
        /// The pages themselves, unless they were handed to a `deliver` function instead.
        public var files: [OutputFile]
        /// Paths of the pages rendered, not taken from the cache; site-wide pages first.
        public var rendered: [String]
        public var cache: RenderCache
        /// Why pages could not be rendered; when there are any, the site must not be written.
        public var failures: [Diagnostic]
    }

    /// What became of a job: its path, its bytes unless they went to an `OutputSink`, the
    /// fingerprint of its inputs, and whether it was rendered rather than taken from the cache.
    private struct Done {
        var path: String
        var bytes: [UInt8]
        var fingerprint: Int
        var rendered: Bool
    }

    /// Every page; a page whose inputs have the fingerprint it had in `previous` is taken from there.
    /// With `deliver`, each page is handed to it as soon as it is rendered and not kept, so a big
    /// site is never in memory whole.
    public func render(reusing previous: RenderCache = RenderCache(), deliver: (any OutputSink)? = nil) -> Result {
        let failures = Mutex<[Diagnostic]>([])
        // Each page is rendered by its own job; the jobs share only read-only state, so they run
        // on every core. The jobs are let go of when this scope ends, before the result is made.
        let done: [Done], order: [Int]
        do {
            let (jobs, jobOrder) = jobs()
            order = jobOrder
            done = jobOrder.parallelMap { index in
                let job = jobs[index]
                let fingerprint = digests.fingerprint(of: job.inputs())
                if let deliver, let pieces = job.pieces {
                    deliver.write(job.path, pieces: pieces())
                    return Done(path: job.path, bytes: [], fingerprint: fingerprint, rendered: true)
                }
                if let unchanged = previous.pages[job.path], unchanged.fingerprint == fingerprint {
                    deliver?.write(OutputFile(path: job.path, bytes: unchanged.bytes))
                    return Done(path: job.path, bytes: deliver == nil ? unchanged.bytes : [], fingerprint: fingerprint, rendered: false)
                }
                do throws(Diagnostic) {
                    let file = try job.render()
                    deliver?.write(file)
                    return Done(path: job.path, bytes: deliver == nil ? file.bytes : [], fingerprint: fingerprint, rendered: true)
                } catch {
                    failures.withLock { $0.append(error) }
                    return Done(path: job.path, bytes: [], fingerprint: fingerprint, rendered: false)
                }
            }
        }
        // The result is in the order of the jobs, whatever order they ran in.
        var positions = [Int](repeating: 0, count: order.count)
        for (position, index) in order.enumerated() { positions[index] = position }
        let inJobOrder = positions.lazy.map { done[$0] }
        var cache = RenderCache()
        if deliver == nil {
            for page in inJobOrder { cache.pages[page.path] = (page.fingerprint, page.bytes) }
        }
        var found = failures.withLock { $0 }.sorted()
        if let failure = site.texts.readFailure { found.append(failure.diagnostic) }
        return Result(paths: inJobOrder.map(\.path), files: deliver == nil ? inJobOrder.map { OutputFile(path: $0.path, bytes: $0.bytes) } : [],
                      rendered: inJobOrder.filter(\.rendered).map(\.path), cache: cache, failures: found)
    }

    /// The jobs of a build in the order they are added; a page's job wraps its content in the layout.
    private struct JobList {
        let renderer: SiteRenderer
        var jobs: [Job] = []

        mutating func add(_ path: String, _ inputs: @autoclosure @escaping () -> PageInputs, title: String, description: String,
                          section: String, meta: [MetaTag] = [], content: @escaping (_ root: String) throws(Diagnostic) -> PageContent) {
            jobs.append(Job(path: path, inputs: inputs) { [renderer] () throws(Diagnostic) in
                renderer.page(path, title: title, description: description, section: section, content: try content(Paths.root(of: path)), meta: meta)
            })
        }

        mutating func addData(_ path: String, _ inputs: @autoclosure @escaping () -> PageInputs, bytes: @escaping () throws(Diagnostic) -> [UInt8]) {
            jobs.append(Job(path: path, inputs: inputs, render: { () throws(Diagnostic) in OutputFile(path: path, bytes: try bytes()) }))
        }

        mutating func addData(_ path: String, _ inputs: @autoclosure @escaping () -> PageInputs, pieces: @escaping () -> AnySequence<[UInt8]>) {
            jobs.append(Job(path: path, inputs: inputs, render: { OutputFile(path: path, bytes: Array(pieces().joined())) }, pieces: pieces))
        }
    }

    /// Every page's job, and the order to run them in.
    private func jobs() -> (jobs: [Job], order: [Int]) {
        // Made on one core while the pages before the first actor page render: it gathers what
        // each actor page lists in one pass over the site.
        let actorPages = Later { [site, links, templates] in ActorPagesRenderer(site: site, links: links, templates: templates) }
        var list = JobList(renderer: self)
        // The site-wide pages come first: they are the largest jobs, and started first they run
        // beside the many small ones instead of alone at the end.
        let ties = TiedPairs(site.relations)
        addOverviews(to: &list, ties: ties)
        addPreviews(to: &list, ties: ties)
        list.add(Paths.timeline, PageInputs(kinds: [.sources, .actors, .events, .terms]), title: "Timeline",
                 description: "From the 1999 Kosovo bombing to the 24 February 2022 invasion of Ukraine.", section: "timeline") { [self] _ in
            TimelineRenderer(site: site, links: links, templates: templates).html()
        }
        list.addData(AnnotationExport.path, .everything) { [self] in AnySequence(AnnotationExport(site: site).pieces()) }
        list.add(Paths.home, .everything, title: site.site.title, description: site.site.description, section: "") { [self] _ in indexHTML() }
        // The search index is made on one core from the first source page on, not beside the
        // site-wide pages before it: both hold much memory while they are made.
        let search = SearchFiles(site: site, links: links)
        let sourceJobsStart = list.jobs.count
        list.jobs += site.documents.indices.map { sourcePageJob($0, startingIndexOf: search) }
        list.add(Paths.actors, PageInputs(kinds: [.sources, .actors]), title: "Actors",
                 description: "The states, organisations, groups and people the sources discuss.", section: "actors") { _ in actorPages.value.indexHTML() }
        let actorJobsStart = list.jobs.count
        for actor in site.actors {
            list.add(Paths.actor(actor.id), PageInputs(files: [actor.file] + actorPages.value.annotations(naming: actor.id).map(\.file),
                                                       kinds: [.sources, .actors, .events, .terms]),
                     title: actor.name, description: "\(actor.name): mentions, annotations and relations in the sources.", section: "actors") { root in
                actorPages.value.actorHTML(actor, root: root)
            }
        }
        let actorJobsEnd = list.jobs.count
        // Each job reads its source from the site when it runs rather than holding a copy of it.
        for (position, document) in site.documents.enumerated() {
            for (path, format) in [(Citation.bibPath, \Citation.bibTeX), (Citation.risPath, \Citation.ris)] {
                list.addData(path(document.source.id), PageInputs(files: [self.site.documents[position].source.file])) { [self] in
                    Array(citation(of: site.documents[position].source)[keyPath: format].utf8)
                }
            }
        }
        list.add(Paths.search, .none, title: "Search", description: "Search the sources, notes, actors, events and glossary.", section: "search") { root in
            PageContent(template: "search", model: RootModel(root: root))
        }
        // The search index is built on one core while the pages render; its files come last.
        for file in search.files {
            list.jobs.append(Job(path: file.path, inputs: { .everything }, render: file.make))
        }
        // A server shows 404.html at any missing URL, however deep, so its links are absolute paths:
        // from the base URL's path, or from the domain root when there is no base URL.
        let notFoundRoot = site.site.rootPath ?? "/"
        list.jobs.append(Job(path: Paths.notFound, inputs: { .none }) { [self] in
            page(Paths.notFound, title: "Page not found", description: "This page does not exist.", section: "",
                 content: PageContent(template: "not-found", model: RootModel(root: notFoundRoot)), root: notFoundRoot, canonical: false)
        })
        return (list.jobs, Self.interleaving(sourceJobsStart..<actorJobsStart, with: actorJobsStart..<actorJobsEnd, of: list.jobs.count))
    }

    /// The pages over the whole site: the glossary and its terms' pages, the relations, a page per
    /// characterised pair, and the index of annotations.
    private func addOverviews(to list: inout JobList, ties: TiedPairs) {
        list.add(Paths.glossary, PageInputs(kinds: [.sources, .annotations, .actors, .terms]), title: "Glossary",
                 description: "The categories of alliance the sources argue about.", section: "glossary") { [self] _ in glossary.html() }
        for term in glossary.termsWithOwnPage {
            list.add(Paths.termUses(term.id), PageInputs(kinds: [.sources, .actors, .events, .terms]), title: term.term,
                     description: "Every passage that uses “\(term.term)”.", section: "glossary") { [self] _ in glossary.termPageHTML(term) }
        }
        list.add(Paths.relations, PageInputs(kinds: [.sources, .annotations, .actors, .terms]), title: "Relations",
                 description: "How each source characterises the ties between actors.", section: "relations") { [self] _ in
            RelationsRenderer(site: site, links: links, templates: templates).html()
        }
        for pair in ties.pairs {
            let title = PairPageRenderer.title(pair, links: links)
            // Its notes name the actors, events and terms they link to.
            list.add(Paths.pair(pair.first, pair.second), PageInputs(kinds: [.sources, .annotations, .actors, .events, .terms]), title: title,
                     description: "What each source says about the tie between \(title).", section: "relations") { [self] _ in
                pairPages.html(pair, sources: ties.sources(of: pair, in: site))
            }
        }
        list.add(Paths.annotations, PageInputs(kinds: [.sources, .annotations, .actors, .terms]), title: "Annotations",
                 description: "Every annotation of every source, by kind, source, actor and term.", section: "annotations") { [self] _ in
            AnnotationIndexRenderer(site: site, links: links, templates: templates).html()
        }
    }

    /// The link previews, one script per folder of pages linked to.
    private func addPreviews(to list: inout JobList, ties: TiedPairs) {
        list.addData(PreviewData.actorsPath, PageInputs(kinds: [.actors])) { [self] in previews.actors().bytes }
        list.addData(PreviewData.glossaryPath, PageInputs(kinds: [.terms])) { [self] in previews.glossary().bytes }
        list.addData(PreviewData.timelinePath, PageInputs(kinds: [.events])) { [self] in previews.timeline().bytes }
        list.addData(PreviewData.relationsPath, PageInputs(kinds: [.sources, .annotations, .actors, .terms])) { [self] in previews.relations(ties).bytes }
        for (position, document) in site.documents.enumerated() {
            list.addData(PreviewData.sourcePath(document.source.id), PageInputs(files: self.files(ofSourceAt: position), kinds: [.actors, .events, .terms])) {
                [self] in previews.source(site.documents[position]).bytes
            }
        }
    }

    // Made by each job when it runs, from the one reference to this renderer the job holds: a job
    // holding one of these would hold its own copy of every field of the site.
    private var glossary: GlossaryRenderer { GlossaryRenderer(site: site, links: links, templates: templates) }
    private var pairPages: PairPageRenderer { PairPageRenderer(site: site, links: links, templates: templates) }
    private var previews: PreviewData { PreviewData(site: site, links: links) }

    /// A source's page; the first one starts the search index. The page reads its source from
    /// the site when it runs, so that the job holds no copy of it.
    private func sourcePageJob(_ position: Int, startingIndexOf search: SearchFiles) -> Job {
        let path = Paths.source(site.documents[position].source.id)
        return Job(path: path, inputs: { [self] in PageInputs(files: files(ofSourceAt: position), kinds: [.sources, .actors, .events, .terms]) }) {
            [self] () throws(Diagnostic) in
            if position == 0 { search.startIndex() }
            let document = site.documents[position]
            let content = try sourceHTML(document, root: Paths.root(of: path))
            return page(path, title: document.source.title, description: document.source.summary, section: "sources", content: content,
                        meta: citation(of: document.source).metaTags)
        }
    }

    /// The content files a source's page and preview are made from: the source and its annotations.
    private func files(ofSourceAt position: Int) -> [String] {
        let source = site.documents[position].source
        return [source.file] + (site.annotations[source.id] ?? []).map(\.file)
    }

    /// The order the jobs run in: `heavy` (actor pages), which must follow `light` (source
    /// pages), is spread evenly through it. An actor page is mostly template lookups, a source
    /// page mostly laying out text; spread out, the cores run the two kinds side by side.
    static func interleaving(_ light: Range<Int>, with heavy: Range<Int>, of count: Int) -> [Int] {
        let step = heavy.isEmpty ? light.count : max(light.count / heavy.count, 1)
        var order = Array(0..<light.lowerBound)
        order.reserveCapacity(count)
        var next = light.lowerBound
        for page in heavy {
            order.append(page)
            let end = min(next + step, light.upperBound)
            order += next..<end
            next = end
        }
        order += next..<light.upperBound
        order += heavy.upperBound..<count
        return order
    }

    private func citation(of source: Source) -> Citation {
        Citation(source: source, pageURL: site.site.rootURL.map { $0 + "sources/\(source.id.raw)/" })
    }

    private func page(_ path: String, title: String, description: String, section: String, content: PageContent,
                      meta: [MetaTag] = [], root: String? = nil, canonical: Bool = true) -> OutputFile {
        let root = root ?? Paths.root(of: path)
        let nav = [("Sources", Paths.sources, "sources"), ("Actors", Paths.actors, "actors"), ("Relations", Paths.relations, "relations"),
                   ("Annotations", Paths.annotations, "annotations"), ("Timeline", Paths.timeline, "timeline"), ("Glossary", Paths.glossary, "glossary"), ("Search", Paths.search, "search")]
            .map { NavItem(label: $0.0, href: root + $0.1, current: $0.2 == section) }
        var canonicalURL: String?
        if canonical, let root = site.site.rootURL {
            canonicalURL = root + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
        }
        let model = LayoutModel(lang: site.site.language, siteTitle: site.site.title,
                                title: path == Paths.home ? site.site.title : "\(title) · \(site.site.title)",
                                description: description, root: root, nav: nav, canonical: canonicalURL, meta: meta, contentHTML: content)
        return OutputFile(path: path, bytes: templates.page("layout", model, capacity: Self.pageCapacity))
    }

    /// Room made at once for a page: more than most pages take.
    static let pageCapacity = 1 << 16

    private func indexHTML() -> PageContent {
        let sources = site.documents.map { document -> SourceSummaryModel in
            let count = site.annotations[document.source.id]?.count ?? 0
            return SourceSummaryModel(title: document.source.title, titleSupplied: document.source.titleSupplied,
                                      href: Paths.source(document.source.id), author: document.source.author,
                                      publisher: document.source.publisher, date: document.source.date.display,
                                      summary: document.source.summary, annotationCount: count,
                                      annotationLabel: count == 1 ? "1 annotation" : "\(count) annotations")
        }
        let annotationTotal = site.annotations.values.reduce(0) { $0 + $1.count }
        let counts = [
            LinkModel(label: "\(annotationTotal) annotations", href: Paths.annotations),
            LinkModel(label: "\(site.actors.count) actors", href: Paths.actors),
            LinkModel(label: "\(site.relations.count) characterised ties", href: Paths.relations),
            LinkModel(label: "\(site.events.count) events", href: Paths.timeline),
            LinkModel(label: "\(site.terms.count) glossary terms", href: Paths.glossary),
        ]
        return PageContent(template: "index", model: IndexModel(siteTitle: site.site.title, subtitle: site.site.subtitle, introHTML: "",
                                                                sources: sources, counts: counts, annotationsHref: AnnotationExport.path))
    }

    private func sourceHTML(_ document: SourceDocument, root: String) throws(Diagnostic) -> PageContent {
        let source = document.source
        let renderer = SourcePageRenderer(site: site, templates: templates, marks: marks, root: root)
        let places = site.correctionPlaces[source.id] ?? []
        let corrections = zip(source.corrections, places).map { correction, places -> CorrectionModel in
            let paragraph = places.first?.paragraph
            return CorrectionModel(original: correction.original, corrected: correction.corrected.value,
                                   paragraphHref: paragraph.map { "#p\($0)" }, paragraph: paragraph.map { "¶\($0)" })
        }
        let annotations = (site.annotations[source.id] ?? []).map { item in
            AnnotationListItem(number: item.number, name: item.name.raw, kind: item.kind.rawValue,
                               kindLabel: item.kind.label, paragraph: item.anchor.paragraph,
                               quote: item.quote, noteHTML: "")
        }
        var citation = source.author ?? "Unattributed"
        citation += ", “\(source.title)\(source.titleSupplied ? " [title supplied by the editors]" : "")”"
        if let publisher = source.publisher { citation += ", \(publisher)" }
        citation += ", \(source.date.display)."
        if let url = source.url { citation += " \(url)" }
        let editorNote = source.editorNote.map { Cmark.renderHTML(links.rewrite(Cmark.parse($0), root: root)) }
        let model = SourcePageModel(
            title: source.title, titleSupplied: source.titleSupplied, author: source.author, publisher: source.publisher,
            date: source.date.display, url: source.url, summary: source.summary, editorNoteHTML: editorNote,
            corrections: corrections, hasCorrections: !corrections.isEmpty, citation: citation,
            pageURL: self.citation(of: source).pageURL, bibHref: "citation.bib", risHref: "citation.ris",
            annotationsHref: root + AnnotationExport.path,
            bodyHTML: renderer.bodyHTML(document), annotations: annotations, hasAnnotations: !annotations.isEmpty)
        return PageContent(template: "source", model: model)
    }
}
