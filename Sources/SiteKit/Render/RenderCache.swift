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

    /// Digest of a file's bytes, which tells whether the file changed: FxHash (rustc's hash)
    /// over 8-byte words, then the length. Swift's SipHash `Hasher` resists chosen collisions,
    /// which no edit of a file makes, at several times the cost.
    static func digest(_ bytes: [UInt8]) -> Int {
        let multiplier: UInt64 = 0x517C_C1B7_2722_0A95
        func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 { ((hash << 5 | hash >> 59) ^ word) &* multiplier }
        return bytes.withUnsafeBytes { raw in
            var hash: UInt64 = 0
            var offset = 0
            while offset + 8 <= raw.count {
                hash = mix(hash, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            var tail: UInt64 = 0
            for (index, byte) in raw[offset...].enumerated() { tail |= UInt64(byte) << (8 * index) }
            return Int(truncatingIfNeeded: mix(mix(hash, tail), UInt64(raw.count)))
        }
    }
}

/// The pages of the last build with the fingerprints they were rendered from, so that a rebuild
/// in the same process renders again only the pages whose inputs changed. Fingerprints use
/// Swift's per-process hash seed, so a cache is never kept on disk.
public struct RenderCache: Sendable {
    var pages: [String: (fingerprint: Int, bytes: [UInt8])] = [:]

    public init() {}
}
