/// The search index as script files, so that it loads from a plain folder as well as from a
/// server, each a call to `window.sitegenSearch` (templates/assets/search.js):
/// - `search/index.js`: how many shards there are, how many characters make a key, and how many
///   passages a fragment holds.
/// - `search/w/N.js`, the shards: every word whose key (its first `keyLength` characters)
///   hashes to N, mapped to its stem, and every stem whose key hashes to N, with its postings. A
///   word and its stem nearly always share a key, so one word of a query loads one shard; all
///   the words sharing a key lie in one shard, for prefix and typo matching.
/// - `search/f/N.js`, the fragments: the kind, title, link and text of `perFragment` passages
///   in a row, loaded for the results shown.
/// Every file is one more to write, so a big site has at most 1024 shards and fragments of up
/// to 32 passages; its keys are four characters, so that the words sharing one stay few.
public final class SearchFiles: Sendable {
    public static let manifestPath = "search/index.js"
    let passages: SearchPassages
    let shards: Int
    public let perFragment: Int
    let keyLength: Int
    private let index: Later<(index: SearchIndex, wordsByShard: [[Int]], stemsByShard: [[Int]])>

    public convenience init(site: ResolvedSite) { self.init(site: site, links: CrossLinks(site: site)) }

    init(site: ResolvedSite, links: CrossLinks) {
        let passages = SearchPassages(site: site, links: links)
        self.passages = passages
        shards = Self.shardCount(passages: passages.count)
        perFragment = Self.perFragment(passages: passages.count)
        let keyLength = passages.count > 20_000 ? 4 : 3
        self.keyLength = keyLength
        index = Later(startingNow: false) { [shards] in
            let index = SearchIndex(passages)
            var words = [[Int]](repeating: [], count: shards), stems = words
            for (number, word) in index.words.enumerated() { words[Self.shard(of: word, count: shards, keyLength: keyLength)].append(number) }
            for (number, stem) in index.stems.enumerated() { stems[Self.shard(of: stem, count: shards, keyLength: keyLength)].append(number) }
            return (index, words, stems)
        }
    }

    /// Starts making the index on one core; the shards wait for it, and start it if need be.
    func startIndex() { index.start() }

    /// One shard per six passages, which keeps most shards to some KB; fragments of 8 passages,
    /// about 6 KB, up to 2048 fragments.
    static func shardCount(passages: Int) -> Int { min(max(passages / 6, 16), 1024) }
    static func perFragment(passages: Int) -> Int { min(max(passages / 2048, 8), 32) }

    public static func shardPath(_ number: Int) -> String { "search/w/\(number).js" }
    public static func fragmentPath(_ number: Int) -> String { "search/f/\(number).js" }

    /// The shard a word or stem lies in: a hash of its first `keyLength` UTF-16 code units, as search.js computes it.
    public static func shard(of word: String, count: Int, keyLength: Int = 3) -> Int {
        var hash = 0
        for unit in word.utf16.prefix(keyLength) { hash = (hash * 31 + Int(unit)) % 65_521 }
        return hash % count
    }

    /// Every file: path, and how to make it.
    public var files: [(path: String, make: @Sendable () -> OutputFile)] {
        var files: [(path: String, make: @Sendable () -> OutputFile)] = [(Self.manifestPath, { [self] in manifest() })]
        for number in 0..<shards { files.append((Self.shardPath(number), { [self] in shard(number) })) }
        let fragments = (passages.count + perFragment - 1) / perFragment
        for number in 0..<fragments { files.append((Self.fragmentPath(number), { [self] in fragment(number) })) }
        return files
    }

    func manifest() -> OutputFile {
        OutputFile(path: Self.manifestPath, bytes: Array("window.sitegenSearch.manifest({\"shards\":\(shards),\"key\":\(keyLength),\"perFragment\":\(perFragment)});\n".utf8))
    }

    /// `window.sitegenSearch.shard(N, words, stems)`: words maps each word to its stem, or to 0
    /// when it is its own stem; stems maps each stem to [passage count, postings…] as in `SearchIndex.postings`.
    /// Words and stems are letters, digits and apostrophes only: JSON strings without escapes.
    func shard(_ number: Int) -> OutputFile {
        let (index, wordsByShard, stemsByShard) = index.value
        var bytes = Array("window.sitegenSearch.shard(\(number),{".utf8)
        var first = true
        for word in wordsByShard[number] {
            let (word, stem) = (index.words[word], index.stems[Int(index.stemOfWord[word])])
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(contentsOf: "\"\(word)\":".utf8)
            bytes.append(contentsOf: (stem == word ? "0" : "\"\(stem)\"").utf8)
        }
        bytes.append(contentsOf: "},{".utf8)
        first = true
        for stem in stemsByShard[number] {
            let (postings, count) = (index.postings[stem], index.passageCounts[stem])
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            bytes.append(contentsOf: "\"\(index.stems[stem])\":[\(count)".utf8)
            for value in postings {
                bytes.append(UInt8(ascii: ","))
                bytes.append(contentsOf: String(value).utf8)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "});\n".utf8)
        return OutputFile(path: Self.shardPath(number), bytes: bytes)
    }

    /// `window.sitegenSearch.fragment(N, [[kind, title, link, text], …])`.
    func fragment(_ number: Int) -> OutputFile {
        let start = number * perFragment
        let list = passages.passages(in: start..<min(start + perFragment, passages.count))
        var bytes = Array("window.sitegenSearch.fragment(\(number),[".utf8)
        bytes.reserveCapacity(list.reduce(bytes.count + 4) { $0 + $1.title.utf8.count + $1.link.utf8.count + $1.text.count + 16 })
        for (offset, passage) in list.enumerated() {
            bytes.append(contentsOf: (offset == 0 ? "[" : ",[").utf8)
            for value in [passage.kind.code, passage.title, passage.link] {
                JSONString.append(value, to: &bytes)
                bytes.append(UInt8(ascii: ","))
            }
            JSONString.append(utf8: passage.text, to: &bytes)
            bytes.append(UInt8(ascii: "]"))
        }
        bytes.append(contentsOf: "]);\n".utf8)
        return OutputFile(path: Self.fragmentPath(number), bytes: bytes)
    }
}
