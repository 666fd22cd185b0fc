/// Reads `content/` into a `Corpus`, reporting every problem it finds with its file position.
/// Only this phase (and the writer) touches the file system, through `ContentFileSystem`.
public struct ContentLoader {
    /// Files above this size are refused rather than read: no reviewer's text is this large,
    /// and a runaway file should fail clearly instead of exhausting memory.
    public static let maximumFileSize = 8 * 1024 * 1024

    let fileSystem: ContentFileSystem
    /// The content folder as the user named it, used as the prefix of every reported path.
    let root: String
    private(set) var log = DiagnosticLog()
    /// Digest of every file read, by path, for the fingerprints of incremental rebuilds.
    private(set) var digests: [String: Int] = [:]
    /// Where each source's parsed tree is kept (`Source.tree`).
    let texts: TextStore

    typealias ReadFile = (id: String, reader: FrontMatterReader, body: Body)

    /// One content file, loaded as what its folder holds.
    private enum LoadedFile {
        case source(Source), annotation(Annotation), actor(Actor), event(Event), term(Term)
    }

    public init(fileSystem: ContentFileSystem, root: String, texts: TextStore) {
        self.fileSystem = fileSystem
        self.root = root
        self.texts = texts
    }

    /// The corpus, or nil when the folder or `site.yml` is unusable; diagnostics either way.
    /// Each file is read once; each source's tree is kept in `texts`, which the corpus holds.
    public static func load(from root: String, fileSystem: ContentFileSystem, texts: TextStore = .scratch()) -> (Corpus?, [Diagnostic]) {
        var loader = ContentLoader(fileSystem: fileSystem, root: root, texts: texts)
        var corpus = loader.loadAll()
        corpus?.fileDigests = loader.digests
        corpus?.texts = texts
        return (corpus, loader.log.all)
    }

    mutating func loadAll() -> Corpus? {
        guard fileSystem.isDirectory(root) else {
            log.error(SourceLocation(file: root, line: 1, column: 1), "content folder '\(root)' does not exist")
            return nil
        }
        let listing = fileSystem.files(under: root)
        for escaping in listing.escaping {
            log.error(SourceLocation(file: path(escaping), line: 1, column: 1),
                      "symbolic link points outside the content folder; refusing to read it")
        }
        for (folder, reason) in listing.unreadable {
            log.error(SourceLocation(file: folder.isEmpty ? root : path(folder), line: 1, column: 1),
                      "cannot read folder: \(reason); nothing in it is part of the site")
        }
        let strayFolders = listing.folders.filter { !Self.isContentFolder($0) }
        for folder in strayFolders where !strayFolders.contains(where: { folder.hasPrefix($0 + "/") }) {
            let why = folder.hasSuffix(".md") ? "is a folder named like a content file" : "is not a content folder"
            log.warning(SourceLocation(file: path(folder), line: 1, column: 1), "\(why); nothing in it is read")
        }
        let site = loadSite()
        // Each path is looked at once, for loading and for the warnings below.
        var known: [String] = [], unknown: [String] = []
        known.reserveCapacity(listing.files.count)
        for file in listing.files {
            if isKnown(file) { known.append(file) } else { unknown.append(file) }
        }
        // Reading, decoding, parsing and checking a file depend on no other file, so files load on
        // every core, each with a loader of its own for its diagnostics and digest. Results are
        // gathered in listing order, so every build reports and orders them the same way.
        let files = known.filter { $0 != "site.yml" }
        let loaded = files.parallelMap { relative in
            var loader = ContentLoader(fileSystem: fileSystem, root: root, texts: texts)
            return (file: loader.load(relative), diagnostics: loader.log.all, digests: loader.digests)
        }
        var unloaded = UnloadedIDs()
        var sources: [Source] = [], annotations: [Annotation] = [], actors: [Actor] = []
        var events: [Event] = [], terms: [Term] = []
        // This runs on one core between two phases that use all of them: the lists are made at
        // their final size rather than grown by doubling.
        var counts = (sources: 0, annotations: 0)
        for result in loaded {
            switch result.file {
            case .source: counts.sources += 1
            case .annotation: counts.annotations += 1
            default: break
            }
        }
        sources.reserveCapacity(counts.sources)
        annotations.reserveCapacity(counts.annotations)
        // Each loader read one file: its digest is inserted as it is, not merged as a dictionary.
        digests.reserveCapacity(digests.count + loaded.count)
        for (name, result) in zip(files, consume loaded) {
            log.append(contentsOf: result.diagnostics)
            for (file, digest) in result.digests where digests[file] == nil { digests[file] = digest }
            switch result.file {
            case .source(let source): sources.append(source)
            case .annotation(let annotation): annotations.append(annotation)
            case .actor(let actor): actors.append(actor)
            case .event(let event): events.append(event)
            case .term(let term): terms.append(term)
            case nil: unloaded.insert(name)
            }
        }
        for file in unknown where !strayFolders.contains(where: { file.hasPrefix($0 + "/") }) {
            log.warning(SourceLocation(file: path(file), line: 1, column: 1),
                        "file is not part of any content folder and is ignored")
        }
        guard let site else { return nil }
        return Corpus(site: site, sources: sources, annotations: annotations, actors: actors, events: events, terms: terms,
                      unloaded: unloaded)
    }

    private func path(_ relative: String) -> String { root + "/" + relative }

    /// `sources/`, `actors/`, `events/`, `glossary/`, `annotations/` and a folder of annotations
    /// per source in it.
    private static func isContentFolder(_ folder: String) -> Bool {
        let parts = parts(of: folder)
        switch parts.first {
        case "sources", "actors", "events", "glossary": return parts.count == 1
        case "annotations": return parts.count == 1 || parts.count == 2 && !parts[1].hasSuffix(".md")
        default: return false
        }
    }

    private func isKnown(_ file: String) -> Bool {
        if file == "site.yml" { return true }
        let parts = Self.parts(of: file)
        switch parts.first {
        case "sources", "actors", "events", "glossary": return parts.count == 2
        case "annotations": return parts.count == 3 && !parts[1].hasSuffix(".md")
        default: return false
        }
    }

    /// A relative path's non-empty parts, as `split(separator: "/")` gives them, cut on bytes
    /// rather than Characters: every path of the corpus is split before loading begins.
    private static func parts(of file: String) -> [Substring] {
        file.utf8.split(separator: UInt8(ascii: "/")).map { Substring($0) }
    }

    private mutating func load(_ relative: String) -> LoadedFile? {
        switch Self.parts(of: relative).first {
        case "sources": loadSource(relative).map(LoadedFile.source)
        case "annotations": loadAnnotation(relative).map(LoadedFile.annotation)
        case "actors": loadActor(relative).map(LoadedFile.actor)
        case "events": loadEvent(relative).map(LoadedFile.event)
        case "glossary": loadTerm(relative).map(LoadedFile.term)
        default: nil
        }
    }

    // MARK: - reading one file

    /// Front matter reader and body of a Markdown content file, with its id checked.
    private mutating func read(_ relative: String) -> ReadFile? {
        let file = path(relative)
        let start = SourceLocation(file: file, line: 1, column: 1)
        let name = String(relative.split(separator: "/").last!)
        guard name.hasSuffix(".md") else {
            log.warning(start, "only '.md' files are read here; this file is ignored")
            return nil
        }
        let id = String(name.dropLast(3))
        guard Identifier<Never>.isValid(id) else {
            log.error(start, "file name '\(name)' is not a valid id: use lowercase letters a-z, digits and '-' only")
            return nil
        }
        guard let text = readText(file) else { return nil }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text, file: file) {
        case .success(let s): split = s
        case .failure(let diagnostic):
            log.report(diagnostic)
            return nil
        }
        guard let reader = FrontMatterReader.parse(split, file: file, log: &log) else { return nil }
        return (id, reader, Body(markdown: split.body, firstLine: split.bodyFirstLine, file: file))
    }

    private mutating func readText(_ file: String) -> String? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let bytes = fileSystem.contents(of: file) else {
            log.error(start, "cannot read file: \(fileSystem.whyUnreadable(file))")
            return nil
        }
        return text(of: bytes, file: file)
    }

    /// A file's bytes as text, with their digest kept.
    private mutating func text(of bytes: [UInt8], file: String) -> String? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard bytes.count <= Self.maximumFileSize else {
            log.error(start, "file is \(bytes.count) bytes; the limit is \(Self.maximumFileSize) bytes (8 MiB)")
            return nil
        }
        digests[file] = InputDigests.digest(bytes)
        switch TextDecoding.decode(bytes, file: file) {
        case .success(let text):
            if text.isBlank {
                log.error(start, "file is empty")
                return nil
            }
            return text
        case .failure(let diagnostic):
            log.report(diagnostic)
            return nil
        }
    }

    private mutating func finish(_ reader: FrontMatterReader, known: [String]) {
        var reader = reader
        reader.warnUnknownKeys(known: known)
        log.append(contentsOf: reader.diagnostics)
    }

    // MARK: - site.yml

    private mutating func loadSite() -> SiteConfig? {
        let file = path("site.yml")
        guard let bytes = fileSystem.contents(of: file) else {
            log.error(SourceLocation(file: file, line: 1, column: 1), "missing site.yml (site title, language, timeline range)")
            return nil
        }
        guard let text = text(of: bytes, file: file) else { return nil }
        let split = FrontMatterSplit(yaml: text, yamlFirstLine: 1, body: "", bodyFirstLine: 1)
        guard var reader = FrontMatterReader.parse(split, file: file, log: &log) else { return nil }
        let title = reader.string("title", required: true)
        let subtitle = reader.string("subtitle")
        let language = reader.string("language", required: true)
        let description = reader.string("description", required: true)
        let baseURL = reader.string("base_url")
        if let baseURL, let problem = BaseURL.problem(baseURL.value) {
            reader.error(baseURL.location, "'base_url' \(problem)")
        }
        var start: PartialDate?
        var end: PartialDate?
        var eras: (eras: [Era], diagnostics: [Diagnostic]) = ([], [])
        if var timeline = reader.mapping("timeline") {
            start = timeline.date("start", required: true)?.value
            let endDate = timeline.date("end", required: true)
            end = endDate?.value
            if let start, let endDate, endDate.value.lastDay < start.firstDay {
                timeline.error(endDate.location, "'end' (\(endDate.value)) is before 'start' (\(start))")
                end = nil
            }
            eras = timeline.eras(within: start.flatMap { start in end.map { (start, $0) } })
            timeline.warnUnknownKeys(known: ["start", "end", "eras"])
            reader.merge(timeline)
        } else {
            reader.error(reader.start, "missing required key 'timeline' (start and end dates)")
        }
        let ok = !reader.diagnostics.contains { $0.severity == .error }
        finish(reader, known: ["title", "subtitle", "language", "description", "base_url", "timeline"])
        log.append(contentsOf: eras.diagnostics)
        guard ok, let title, let language, let description, let start, let end else { return nil }
        return SiteConfig(title: title.value, subtitle: subtitle?.value ?? "", language: language.value,
                          description: description.value, baseURL: baseURL?.value, timelineStart: start, timelineEnd: end, eras: eras.eras)
    }

    // MARK: - kinds of content

    private mutating func loadSource(_ relative: String) -> Source? {
        guard let (id, reader0, body) = read(relative) else { return nil }
        var reader = reader0
        let title = reader.string("title", required: true)
        let titleSupplied = reader.bool("title_supplied") ?? false
        let author = reader.nullableString("author")
        let publisher = reader.nullableString("publisher")
        let date = reader.date("date", required: true)?.value
        let url = reader.string("url")
        if let url, !(url.value.hasPrefix("https://") || url.value.hasPrefix("http://")) {
            reader.error(url.location, "'url' must be an http:// or https:// address, found '\(url.value)'")
        }
        let authors = reader.stringList("authors")
        for name in authors where !(author?.value?.contains(name.value) ?? false) {
            reader.error(name.location, "'\(name.value)' is not part of 'author'; 'authors' lists the people 'author' names, as it spells them")
        }
        let journal = reader.bool("journal") ?? false
        let summary = reader.string("summary", required: true)
        let editorNote = reader.string("editor_note")
        var corrections: [Source.Correction] = []
        for var entry in reader.mappingList("corrections") {
            let original = entry.string("original", required: true)
            let corrected = entry.string("corrected", required: true)
            entry.warnUnknownKeys(known: ["original", "corrected"])
            reader.merge(entry)
            if let original, let corrected { corrections.append(.init(original: original.value, corrected: corrected)) }
        }
        let ok = !reader.diagnostics.contains { $0.severity == .error }
        finish(reader, known: ["title", "title_supplied", "author", "authors", "publisher", "journal", "date", "url", "summary", "editor_note", "corrections"])
        guard ok, let title, let author, let publisher, let date, let summary else { return nil }
        // The text is kept parsed, outside memory, for resolving and for the source's page.
        let frontMatterOnly = Body(markdown: "", firstLine: body.firstLine, file: body.file)
        var source = Source(id: SourceID(id), file: body.file, title: title.value, titleSupplied: titleSupplied,
                            author: author.value, authors: authors.map(\.value), publisher: publisher.value, journal: journal, date: date,
                            url: url?.value, summary: summary.value, editorNote: editorNote?.value, corrections: corrections, body: frontMatterOnly)
        source.tree = StoredTree(SourceDocument.parse(body.markdown), file: body.file, store: texts)
        source.prose = [reader.prose("summary"), reader.prose("editor_note")].compactMap { $0 }
        return source
    }

    private mutating func loadAnnotation(_ relative: String) -> Annotation? {
        let parts = relative.split(separator: "/")
        guard parts.count == 3 else { return nil }
        guard let (id, reader0, body) = read(relative) else { return nil }
        var reader = reader0
        let quote = reader.string("quote", required: true)
        if let quote, quote.value.isBlank {
            reader.error(quote.location, "'quote' is empty; give the exact words of the passage")
        }
        let prefix = reader.string("prefix")
        let suffix = reader.string("suffix")
        var kind = NoteKind.context
        if let raw = reader.string("kind") {
            if let k = NoteKind(rawValue: raw.value) { kind = k } else {
                reader.error(raw.location, "unknown kind '\(raw.value)'; use one of \(NoteKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let actors = reader.stringList("actors")
        let terms = reader.stringList("terms")
        let events = reader.stringList("events")
        var relation: Relation?
        if var map = reader.mapping("relation") {
            let between = map.stringList("between")
            let category = map.string("category", required: true)
            let roleOf = map.string("role_of")
            if let node = map.node("between") {
                if between.count != 2 { map.error(map.location(of: node), "'between' must name exactly two actors") }
            } else {
                map.error(map.start, "missing required key 'between' (two actor ids)")
            }
            map.warnUnknownKeys(known: ["between", "category", "role_of"])
            reader.merge(map)
            if between.count == 2, let category { relation = Relation(between: between, category: category, roleOf: roleOf, location: map.start) }
        }
        // Where an imported annotation came from (`sitegen import hypothesis`): kept for the
        // editors, not shown on the site.
        if var origin = reader.mapping("hypothesis") {
            _ = origin.string("id", required: true)
            _ = origin.string("user")
            origin.warnUnknownKeys(known: ["id", "user"])
            reader.merge(origin)
        }
        let ok = !reader.diagnostics.contains { $0.severity == .error }
        finish(reader, known: ["quote", "prefix", "suffix", "kind", "actors", "terms", "events", "relation", "hypothesis"])
        guard ok, let quote else { return nil }
        let sourceFolder = Located(String(parts[1]), at: SourceLocation(file: body.file, line: 1, column: 1))
        return Annotation(source: sourceFolder, name: AnnotationName(id), file: body.file, quote: quote,
                          prefix: prefix?.value, suffix: suffix?.value, kind: kind, actors: actors, terms: terms,
                          events: events, relation: relation, body: body)
    }

    private mutating func loadActor(_ relative: String) -> Actor? {
        guard let (id, reader0, body) = read(relative) else { return nil }
        var reader = reader0
        let name = reader.string("name", required: true)
        var kind: ActorCategory?
        if let raw = reader.string("kind", required: true) {
            kind = ActorCategory(rawValue: raw.value)
            if kind == nil {
                reader.error(raw.location, "unknown actor kind '\(raw.value)'; use one of \(ActorCategory.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let aliases = reader.stringList("aliases")
        let nameInText = reader.string("name_in_text")
        let ok = !reader.diagnostics.contains { $0.severity == .error }
        finish(reader, known: ["name", "name_in_text", "kind", "aliases"])
        guard ok, let name, let kind else { return nil }
        return Actor(id: ActorID(id), file: body.file, name: name.value, nameInText: nameInText?.value ?? name.value, kind: kind,
                     aliases: aliases, body: body)
    }

    private mutating func loadEvent(_ relative: String) -> Event? {
        guard let (id, reader0, body) = read(relative) else { return nil }
        var reader = reader0
        let start = reader.date("date", required: true)?.value
        let end = reader.date("end")
        if let start, let end, end.value.lastDay < start.firstDay {
            reader.error(end.location, "'end' (\(end.value)) is before 'date' (\(start))")
        }
        let circa = reader.bool("circa") ?? false
        let title = reader.string("title", required: true)
        let actors = reader.stringList("actors")
        let terms = reader.stringList("terms")
        let passages = reader.stringList("passages")
        let ok = !reader.diagnostics.contains { $0.severity == .error }
        finish(reader, known: ["date", "end", "circa", "title", "actors", "terms", "passages"])
        guard ok, let start, let title else { return nil }
        return Event(id: EventID(id), file: body.file, date: start, end: end?.value, circa: circa, title: title.value,
                     actors: actors, terms: terms, passages: passages, body: body)
    }

    private mutating func loadTerm(_ relative: String) -> Term? {
        guard let (id, reader0, body) = read(relative) else { return nil }
        var reader = reader0
        let term = reader.string("term", required: true)
        let aliases = reader.stringList("aliases")
        var family: TermFamily?
        if let raw = reader.string("family", required: true) {
            family = TermFamily(rawValue: raw.value)
            if family == nil {
                reader.error(raw.location, "unknown family '\(raw.value)'; use one of \(TermFamily.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        let seeAlso = reader.stringList("see_also")
        let ok = !reader.diagnostics.contains { $0.severity == .error }
        finish(reader, known: ["term", "aliases", "family", "see_also"])
        guard ok, let term, let family else { return nil }
        return Term(id: TermID(id), file: body.file, term: term.value, aliases: aliases, family: family, seeAlso: seeAlso, body: body)
    }
}
