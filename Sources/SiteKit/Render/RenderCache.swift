/// The content a page is rendered from: content files by name, and whole kinds of content
/// where the page reads every file of a kind (an index, or text matched against every alias).
/// It must name everything the page reads; `PreviewBuilderTests` edits every file of a site
/// one at a time and checks each rebuild against a full build.
struct PageInputs {
    enum Kind: CaseIterable { case sources, annotations, actors, events, terms }

    var files: [String] = []
    var kinds: [Kind] = []

    static let none = PageInputs()
    static let everything = PageInputs(kinds: Kind.allCases)
}

/// Digests of everything a build reads, from which each page's fingerprint is worked out.
public struct InputDigests: Sendable {
    /// Templates, `site.yml` and the options: every page depends on these.
    var global: Int
    /// Content file path → digest of its bytes.
    var files: [String: Int]
    private var kinds: [PageInputs.Kind: Int] = [:]

    init(global: Int, files: [String: Int], corpus: Corpus) {
        self.global = global
        self.files = files
        let kindFiles: [PageInputs.Kind: [String]] = [
            .sources: corpus.sources.map(\.file), .annotations: corpus.annotations.map(\.file),
            .actors: corpus.actors.map(\.file), .events: corpus.events.map(\.file), .terms: corpus.terms.map(\.file),
        ]
        for (kind, paths) in kindFiles {
            var hasher = Hasher()
            for path in paths.sorted() { combine(path, into: &hasher) }
            kinds[kind] = hasher.finalize()
        }
    }

    /// Changes whenever anything the page is rendered from changes, including which files it names.
    func fingerprint(of inputs: PageInputs) -> Int {
        var hasher = Hasher()
        hasher.combine(global)
        for kind in inputs.kinds { hasher.combine(kinds[kind]) }
        for path in inputs.files { combine(path, into: &hasher) }
        return hasher.finalize()
    }

    private func combine(_ path: String, into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(files[path])
    }

    /// Digest of a file's bytes.
    static func digest(_ bytes: [UInt8]) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }
}

/// The pages of the last build with the fingerprints they were rendered from, so that a rebuild
/// in the same process renders again only the pages whose inputs changed. Fingerprints use
/// Swift's per-process hash seed, so a cache is never kept on disk.
public struct RenderCache: Sendable {
    var pages: [String: (fingerprint: Int, bytes: [UInt8])] = [:]

    public init() {}
}
