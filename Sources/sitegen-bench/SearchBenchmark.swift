import Foundation
import SiteKit

/// For a synthetic corpus of each size: the release `sitegen`'s build time, the search index's
/// time on one core (every file of search/ made from the resolved site), and the bytes of index
/// files a query fetches as search.js loads them: the manifest, the shards of its words and of
/// their stems, and the fragments of the first ten results (passages holding every word, by
/// summed score; exact words, no prefix or typo expansion).
func searchBenchmark(sizes: [Int], binFolder: String) {
    let queries = ["alliance", "security policy", "foreign minister", "treaty", "venquinor", "envoy", "rivalry"]
    for n in sizes {
        let root = FileManager.default.currentDirectoryPath + "/.build/bench/corpus-\(n)"
        do { try SyntheticCorpus(sources: n).write(to: root) } catch { print("cannot write the corpus: \(error)"); exit(1) }
        let build = [binFolder + "/sitegen", "build", "--content", root + "/content", "--templates", "templates", "--output", root + "/public"]
        _ = ChildRun.run(build + ["--force"])
        let builds = (0..<3).map { _ in ChildRun.run(build + ["--force"]) }.sorted { $0.seconds < $1.seconds }
        let (corpus, _) = ContentLoader.load(from: root + "/content", fileSystem: DiskFileSystem())
        guard let corpus else { print("cannot load the corpus"); exit(1) }
        let site = Resolver.resolve(corpus).0
        // CPU time of this process, all of it the index's: the shared machine's load stretches wall time.
        func cpuSeconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        }
        let indexSeconds = (0..<5).map { _ -> Double in
            let start = cpuSeconds()
            _ = SearchFiles(site: site).files.map { $0.make() }
            return cpuSeconds() - start
        }.sorted()[2]
        let median = builds[1]
        print(String(format: "%d sources: build %.2f s wall, %.2f s CPU; search index %.2f s CPU (%.1f%% of the build's CPU)",
                     n, median.seconds, median.cpuSeconds, indexSeconds, 100 * indexSeconds / median.cpuSeconds))
        let search = root + "/public/search/"
        for query in queries {
            let bytes = fetchedBytes(query: query, folder: search)
            print("  \(query.padding(toLength: 18, withPad: " ", startingAt: 0)) \(bytes.total.formatted()) bytes (\(bytes.results) results)")
        }
    }
}

/// What search.js fetches for `query`, read from the written index files.
private func fetchedBytes(query: String, folder: String) -> (total: Int, results: Int) {
    func size(_ path: String) -> Int { (try? FileManager.default.attributesOfItem(atPath: folder + path)[.size] as? Int) ?? 0 }
    /// The arguments of the call a file makes, as a JSON array.
    func arguments(_ path: String) -> [Any] {
        let text = (try? String(contentsOfFile: folder + path, encoding: .utf8)) ?? ""
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")") else { return [] }
        return (try? JSONSerialization.jsonObject(with: Data(("[" + text[text.index(after: open)..<close] + "]").utf8))) as? [Any] ?? []
    }
    let manifest = arguments("index.js").first as? [String: Any]
    let shards = manifest?["shards"] as? Int ?? 1, perFragment = manifest?["perFragment"] as? Int ?? 1, key = manifest?["key"] as? Int ?? 3
    func shardFile(_ word: String) -> String { String(SearchFiles.shardPath(SearchFiles.shard(of: word, count: shards, keyLength: key)).dropFirst("search/".count)) }
    var fetched: Set<String> = ["index.js"]
    var scores: [[Int: Double]] = []
    for word in query.split(separator: " ").map(String.init) {
        fetched.insert(shardFile(word))
        guard let entry = (arguments(shardFile(word)).dropFirst().first as? [String: Any])?[word] else { scores.append([:]); continue }
        let stem = (entry as? String) ?? word
        fetched.insert(shardFile(stem))
        let postings = ((arguments(shardFile(stem)).last as? [String: Any])?[stem] as? [Int]) ?? []
        var map: [Int: Double] = [:], at = 1
        while at + 2 < postings.count { map[postings[at]] = Double(postings[at + 1]); at += 3 + postings[at + 2] }
        scores.append(map)
    }
    var results = scores.first ?? [:]
    for map in scores.dropFirst() {
        results = results.filter { map[$0.key] != nil }.reduce(into: [:]) { $0[$1.key] = $1.value + map[$1.key]! }
    }
    let top = results.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10)
    for (passage, _) in top { fetched.insert(String(SearchFiles.fragmentPath(passage / perFragment).dropFirst("search/".count))) }
    return (fetched.reduce(0) { $0 + size($1) }, results.count)
}
