import Foundation

/// The whole pipeline: load content and templates → resolve → render → (optionally) write.
public struct SiteBuilder {
    public struct Options: Sendable {
        public var content: String
        public var templates: String
        public var output: String
        public var baseURL: String?
        /// Warnings count as errors.
        public var strict = false
        /// Replace an output folder that holds files sitegen did not write.
        public var force = false
        /// The folders a build reads, which its output must neither be, hold nor lie in.
        public var inputFolders: [(role: String, path: String)] { [("content", content), ("templates", templates)] }
        public init(content: String = "content", templates: String = "templates", output: String = "public", baseURL: String? = nil) {
            self.content = content
            self.templates = templates
            self.output = output
            self.baseURL = baseURL
        }
    }

    public struct Summary: Sendable, Equatable {
        public var pages: Int
        public var sources: Int
        public var annotations: Int
        public var actors: Int
        public var events: Int
        public var terms: Int
    }

    public struct Outcome: Sendable {
        /// Sorted; empty when all is well.
        public var diagnostics: [Diagnostic]
        public var files: [OutputFile]
        public var summary: Summary?
        /// Pages rendered by this run rather than taken from the cache it was given.
        public var rendered: [String] = []
        /// What the next run may reuse; empty when the build failed.
        public var cache = RenderCache()
        /// How `build` changed the output folder.
        public var changes: StagedOutput.Changes?
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    }

    let options: Options
    let fileSystem: ContentFileSystem

    public init(options: Options, fileSystem: ContentFileSystem = DiskFileSystem()) {
        self.options = options
        self.fileSystem = fileSystem
    }

    /// Everything but writing: the files a build would write, or the diagnostics that stop it.
    /// With the cache of an earlier run, pages whose inputs did not change are taken from it.
    public func run(reusing cache: RenderCache = RenderCache()) -> Outcome {
        let (checked, diagnostics) = check()
        guard let checked else { return Outcome(diagnostics: diagnostics, files: [], summary: nil) }
        return render(checked, diagnostics: diagnostics, reusing: cache)
    }

    /// Runs the pipeline and, only if no error was found, replaces the output folder with the
    /// site in one step (see `StagedOutput`). Pages are compared and staged as they are
    /// rendered, so a big site is never held in memory whole. On any error, and when the folder
    /// is not sitegen's to replace, the output folder is left exactly as it was.
    public func build() -> Outcome {
        // The output is locked and listed beside the loading, rather than after it on one core
        // while the other waits, when the folder it lies in exists: a build whose content fails
        // its checks creates nothing. Whether the output may be replaced is reported only for
        // content that builds.
        let early = DiskFileSystem().isDirectory(StagedOutput.parent(of: options.output)) ? Later { [options] in Self.stage(options) } : nil
        let (result, diagnostics) = check()
        guard let checked = consume result else {
            if case .success(let staged)? = early?.value { staged.discard() }
            return Outcome(diagnostics: diagnostics, files: [], summary: nil)
        }
        let staged: StagedOutput
        switch early?.value ?? Self.stage(options) {
        case .success(let value): staged = value
        case .failure(let error):
            return Outcome(diagnostics: (diagnostics + [Self.outputDiagnostic(error, output: options.output)]).sorted(), files: [], summary: nil)
        }
        // Consumed, so that what pages are rendered from is freed once they are, before the commit.
        var outcome = render(consume checked, diagnostics: diagnostics, reusing: RenderCache(), deliver: staged)
        if outcome.hasErrors {
            staged.discard()
            return outcome
        }
        do {
            outcome.changes = try staged.commit()
            return outcome
        } catch {
            return Outcome(diagnostics: diagnostics + [Self.outputDiagnostic(error, output: options.output)], files: [], summary: nil)
        }
    }

    /// Why the output folder could not be written, reported at the folder as the user named it.
    public static func outputDiagnostic(_ error: Error, output: String) -> Diagnostic {
        let location = SourceLocation(file: output, line: 1, column: 1)
        if error is OutputOwnership.Refusal { return .error(location, "\(error)") }
        return .error(location, "cannot write the site: \(error); the folder is left as it was")
    }

    /// The output folder, locked, listed and checked as sitegen's to replace.
    private static func stage(_ options: Options) -> Result<StagedOutput, any Error> {
        Result { try StagedOutput(options.output, protecting: options.inputFolders, force: options.force) }
    }

    /// What pages are rendered from, once content and templates have been read and checked.
    /// The corpus itself is not kept: the resolved site holds all that pages need, and keeping
    /// both would hold a second copy of every annotation's, actor's and event's fields through
    /// the rendering.
    private struct Checked {
        var site: ResolvedSite
        var templates: Templates
        var digests: InputDigests
        var assets: [OutputFile]
    }

    /// Loads and resolves everything; nil, with the diagnostics sorted, when an error stops the build.
    private func check() -> (Checked?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let (templates, templateDigest, assets, templateDiagnostics) = loadTemplates()
        diagnostics += templateDiagnostics
        var checked: Checked?
        if let corpus = loadContent(adding: &diagnostics) {
            var global = Hasher()
            global.combine(templateDigest)
            global.combine(corpus.fileDigests[options.content + "/site.yml"])
            global.combine(options.baseURL)
            // Worked out beside the resolver, which does not need them, rather than on one core
            // while the other waits. The work holds its own copy of the corpus and lets go of it
            // when done, long before the resolver lets go of its lists.
            let digests = Later { [global = global.finalize(), corpus] in
                InputDigests(global: global, files: corpus.fileDigests, corpus: corpus)
            }
            // Consumed, so that the resolver holds the only copy and frees what it has used.
            let (site, resolveDiagnostics) = Resolver.resolve(consume corpus)
            diagnostics += resolveDiagnostics
            if let templates {
                checked = Checked(site: site, templates: templates, digests: digests.value, assets: assets)
            }
        }
        if options.strict { diagnostics = diagnostics.map(\.promotedToError) }
        diagnostics.sort()
        return (diagnostics.contains { $0.severity == .error } ? nil : checked, diagnostics)
    }

    /// The content, loaded, with `--base-url` applied and what was found wrong added to
    /// `diagnostics`; returned, not kept,
    /// so that its caller holds the only copy.
    private func loadContent(adding diagnostics: inout [Diagnostic]) -> Corpus? {
        var (corpus, found) = ContentLoader.load(from: options.content, fileSystem: fileSystem)
        diagnostics += found
        if let baseURL = options.baseURL { corpus?.site.baseURL = baseURL }
        return corpus
    }

    /// Renders every page; with `deliver`, pages are handed to it instead of kept in the outcome.
    private func render(_ checked: Checked, diagnostics: [Diagnostic], reusing cache: RenderCache,
                        deliver: (any OutputSink)? = nil) -> Outcome {
        let site = checked.site
        let rendered = SiteRenderer(site: site, templates: checked.templates, digests: checked.digests).render(reusing: cache, deliver: deliver)
        guard rendered.failures.isEmpty else { return Outcome(diagnostics: (diagnostics + rendered.failures).sorted(), files: [], summary: nil) }
        let extras = checked.assets + HostFiles.files(for: site, pages: rendered.paths)
        var files = rendered.files
        if let deliver {
            extras.forEach(deliver.write)
        } else {
            files += extras
            files.sort { $0.path < $1.path }
        }
        let summary = Summary(pages: rendered.paths.filter { $0.hasSuffix(".html") }.count, sources: site.documents.count,
                              annotations: site.annotations.values.reduce(0) { $0 + $1.count }, actors: site.actors.count,
                              events: site.events.count, terms: site.terms.count)
        return Outcome(diagnostics: diagnostics, files: files, summary: summary, rendered: rendered.rendered, cache: rendered.cache)
    }

    /// `*.mustache` files parsed as templates, with a digest of their texts; everything under
    /// `assets/` copied as is.
    private func loadTemplates() -> (Templates?, Int, [OutputFile], [Diagnostic]) {
        let folder = options.templates
        guard fileSystem.isDirectory(folder) else {
            return (nil, 0, [], [.error(SourceLocation(file: folder, line: 1, column: 1), "templates folder '\(folder)' does not exist")])
        }
        var texts: [String: String] = [:]
        var assets: [OutputFile] = []
        var diagnostics: [Diagnostic] = []
        let listing = fileSystem.files(under: folder)
        for escaping in listing.escaping {
            diagnostics.append(.error(SourceLocation(file: "\(folder)/\(escaping)", line: 1, column: 1),
                                      "symbolic link points outside the templates folder; refusing to read it"))
        }
        for relative in listing.files {
            let path = "\(folder)/\(relative)"
            guard let bytes = fileSystem.contents(of: path) else { continue }
            if relative.hasPrefix("assets/") {
                assets.append(OutputFile(path: relative, bytes: bytes))
            } else if relative.hasSuffix(".mustache"), !relative.contains("/") {
                switch TextDecoding.decode(bytes, file: path) {
                case .success(let text): texts[String(relative.dropLast(".mustache".count))] = text
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                }
            }
        }
        let (templates, templateDiagnostics) = Templates.parse(texts, folder: folder)
        var digest = Hasher()
        for (name, text) in texts.sorted(by: { $0.key < $1.key }) { digest.combine(name); digest.combine(text) }
        return (templates, digest.finalize(), assets, diagnostics + templateDiagnostics)
    }
}

/// Files for hosts and crawlers: robots.txt always, sitemap.xml when the site has a base URL.
enum HostFiles {
    static func files(for site: ResolvedSite, pages: [String]) -> [OutputFile] {
        var robots = "User-agent: *\nAllow: /\n"
        var files: [OutputFile] = []
        if let root = site.site.rootURL {
            robots += "Sitemap: \(root)sitemap.xml\n"
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            for page in pages.sorted() where page.hasSuffix("index.html") {
                let path = String(page.dropLast("index.html".count))
                xml += "  <url><loc>\(HTML.escape(root + path))</loc></url>\n"
            }
            xml += "</urlset>\n"
            files.append(OutputFile(path: "sitemap.xml", bytes: Array(xml.utf8)))
        }
        files.append(OutputFile(path: "robots.txt", bytes: Array(robots.utf8)))
        return files
    }
}
