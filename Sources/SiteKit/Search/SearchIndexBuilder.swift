import Foundation

/// The word index: every folded word's stem (Snowball English), and for each stem the passages
/// it occurs in with a BM25 score and the positions of its words, best first. Built on one core
/// from the passages' text, with words and stems as numbers throughout.
struct SearchIndex: Sendable {
    /// Folded words as written, and the stem of each (a number in `stems`).
    var words: [String] = []
    var stemOfWord: [Int32] = []
    var stems: [String] = []
    /// For each stem: the passages it occurs in, as (passage, score, count of positions,
    /// positions…) runs, highest score first, at most `headLength` of them.
    var postings: [[UInt32]] = []
    /// How many passages each stem occurs in.
    var passageCounts: [Int] = []

    /// The most passages kept for one stem: enough for every word of a site of this size, and
    /// for a common word of a big site the best of them.
    static let headLength = 1000
    /// The most positions kept for one word in one passage.
    static let positionLimit = 16
    /// Positions of a passage's text start after its names' by this much, so no phrase spans both.
    static let fieldGap = 8
    /// Weights of a word in a field, in tenths: names, titles and terms above notes, notes above
    /// source paragraphs.
    static func weights(_ kind: SearchPassages.Kind) -> (names: UInt32, text: UInt32) {
        switch kind {
        case .source: return (30, 10)
        case .note: return (30, 20)
        case .actor, .event, .term: return (50, 15)
        }
    }

    init() {}

    init(_ passages: SearchPassages) {
        let stemmer = Stemmer()
        var wordNumbers: [String: Int32] = [:], stemNumbers: [String: Int32] = [:]
        var raw: [[UInt32]] = []      // per stem: (passage, weighted count, count of positions, positions…)
        var lengths: [UInt32] = []
        lengths.reserveCapacity(passages.count)
        // A passage's words as stem << 32 | position, sorted into runs of one stem.
        var hits: [UInt64] = []
        var passage: UInt32 = 0
        for unit in 0..<passages.units {
            for item in passages.passages(ofUnit: unit) {
                hits.removeAll(keepingCapacity: true)
                let weight = Self.weights(item.kind)
                let names = SearchTokenizer.tokens(item.names)
                let text = SearchTokenizer.tokens(item.text, from: names.next + Self.fieldGap)
                for tokens in [names.tokens, text.tokens] {
                    for token in tokens {
                        let word: Int32
                        if let known = wordNumbers[token.word] {
                            word = known
                        } else {
                            word = Int32(words.count)
                            wordNumbers[token.word] = word
                            words.append(token.word)
                            let stem = stemmer.stem(token.word)
                            if let known = stemNumbers[stem] {
                                stemOfWord.append(known)
                            } else {
                                stemNumbers[stem] = Int32(stems.count)
                                stemOfWord.append(Int32(stems.count))
                                stems.append(stem)
                                raw.append([])
                            }
                        }
                        hits.append(UInt64(stemOfWord[Int(word)]) << 32 | UInt64(token.position))
                    }
                }
                lengths.append(UInt32(names.tokens.count + text.tokens.count))
                hits.sort()
                let textStart = UInt32(names.next + Self.fieldGap)
                var start = 0
                while start < hits.count {
                    let stem = Int(hits[start] >> 32)
                    var end = start
                    var weighted: UInt32 = 0
                    while end < hits.count, Int(hits[end] >> 32) == stem {
                        weighted += UInt32(truncatingIfNeeded: hits[end]) < textStart ? weight.names : weight.text
                        end += 1
                    }
                    let kept = min(end - start, Self.positionLimit)
                    raw[stem].append(passage)
                    raw[stem].append(weighted)
                    raw[stem].append(UInt32(kept))
                    for hit in hits[start..<(start + kept)] { raw[stem].append(UInt32(truncatingIfNeeded: hit)) }
                    start = end
                }
                passage += 1
            }
        }
        let average = Double(lengths.reduce(0) { $0 + Int($1) }) / Double(max(lengths.count, 1))
        postings = raw.map { Self.ranked($0, lengths: lengths, average: average, passages: lengths.count) }
        passageCounts = raw.map(Self.runCount)
    }

    private static func runCount(_ run: [UInt32]) -> Int {
        var count = 0, at = 0
        while at < run.count { count += 1; at += 3 + Int(run[at + 2]) }
        return count
    }

    /// One stem's postings scored by BM25 (k1 1.2, b 0.75) and ordered best first, ties by passage.
    private static func ranked(_ run: [UInt32], lengths: [UInt32], average: Double, passages: Int) -> [UInt32] {
        var entries: [(score: UInt32, start: Int)] = []
        var at = 0
        while at < run.count { entries.append((0, at)); at += 3 + Int(run[at + 2]) }
        let idf = log(1 + (Double(passages) - Double(entries.count) + 0.5) / (Double(entries.count) + 0.5))
        for index in entries.indices {
            let start = entries[index].start
            let frequency = Double(run[start + 1]) / 10
            let norm = 1.2 * (0.25 + 0.75 * Double(lengths[Int(run[start])]) / average)
            entries[index].score = max(1, UInt32((100 * idf * frequency * 2.2 / (frequency + norm)).rounded()))
        }
        entries.sort { $0.score != $1.score ? $0.score > $1.score : $0.start < $1.start }
        var ranked: [UInt32] = []
        for entry in entries.prefix(headLength) {
            let count = Int(run[entry.start + 2])
            ranked.append(contentsOf: [run[entry.start], entry.score, UInt32(count)])
            ranked.append(contentsOf: run[(entry.start + 3)..<(entry.start + 3 + count)])
        }
        return ranked
    }
}
