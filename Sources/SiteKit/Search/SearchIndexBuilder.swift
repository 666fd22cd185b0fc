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
    /// positions…) runs, highest score first, ties by passage; at most `headLength` of them,
    /// those with the highest scores before rounding.
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

    /// The passages' words read into postings (`Postings`), each passage's length weighed
    /// against the average, which is known before the first word is read: lengths are in bytes.
    init(_ passages: SearchPassages) {
        var postings = Postings(lengths: (0..<passages.units).flatMap { passages.lengths(ofUnit: $0).map(UInt32.init) })
        for unit in 0..<passages.units {
            for item in passages.indexedText(ofUnit: unit) { postings.add(item.kind, names: item.names, text: item.text) }
        }
        self = postings.finished()
    }

    /// The index being built, passage after passage: for each stem, its passages as (passage,
    /// weighted count, count of positions, positions…) runs. A stem's runs are cut back to its
    /// best `headLength` whenever they reach twice that, and from then on a passage that scores
    /// no higher than the last of those is not kept, so that a common word of a big site holds
    /// at most twice `headLength` runs.
    private struct Postings: TokenSink {
        let lengths: [UInt32]
        let average: Double
        let stemmer = Stemmer()
        var index = SearchIndex()
        var wordNumbers: [String: Int32] = [:], stemNumbers: [String: Int32] = [:]
        var runs: [[UInt32]] = [], kept: [Int] = []
        /// Per stem, the score (before the idf) a passage must pass to be kept: the lowest of the
        /// best `headLength` when they were last cut back. A later passage scoring the same ranks
        /// below them, as ties go by passage.
        var floors: [Double] = []
        /// The passage's words as stem << 32 | position, sorted into runs of one stem.
        var hits: [UInt64] = []
        var run: [UInt32] = []
        var passage: UInt32 = 0

        init(lengths: [UInt32]) {
            self.lengths = lengths
            average = Double(lengths.reduce(0) { $0 + Int($1) }) / Double(max(lengths.count, 1))
        }

        mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, position: Int) {
            let folded = SearchTokenizer.fold(bytes, ascii: ascii)
            let word = wordNumbers[folded] ?? newWord(folded)
            hits.append(UInt64(index.stemOfWord[Int(word)]) << 32 | UInt64(position))
        }

        private mutating func newWord(_ folded: String) -> Int32 {
            let word = Int32(index.words.count)
            wordNumbers[folded] = word
            index.words.append(folded)
            let stem = stemmer.stem(folded)
            if let known = stemNumbers[stem] {
                index.stemOfWord.append(known)
            } else {
                stemNumbers[stem] = Int32(index.stems.count)
                index.stemOfWord.append(Int32(index.stems.count))
                index.stems.append(stem)
                runs.append([])
                kept.append(0)
                floors.append(0)
                index.passageCounts.append(0)
            }
            return word
        }

        /// The next passage.
        mutating func add(_ kind: SearchPassages.Kind, names: String, text: ArraySlice<UInt8>) {
            hits.removeAll(keepingCapacity: true)
            let weight = SearchIndex.weights(kind)
            let textStart = SearchTokenizer.scan(names.utf8, from: 0, into: &self) + SearchIndex.fieldGap
            _ = SearchTokenizer.scan(text, from: textStart, into: &self)
            hits.sort()
            var start = 0
            while start < hits.count {
                let stem = Int(hits[start] >> 32)
                var end = start
                var weighted: UInt32 = 0
                while end < hits.count, Int(hits[end] >> 32) == stem {
                    weighted += UInt32(truncatingIfNeeded: hits[end]) < textStart ? weight.names : weight.text
                    end += 1
                }
                index.passageCounts[stem] += 1
                if SearchIndex.score(idf: 1, weighted: weighted, length: lengths[Int(passage)], average: average) > floors[stem] {
                    let count = min(end - start, SearchIndex.positionLimit)
                    run.removeAll(keepingCapacity: true)
                    run.append(passage)
                    run.append(weighted)
                    run.append(UInt32(count))
                    for hit in hits[start..<(start + count)] { run.append(UInt32(truncatingIfNeeded: hit)) }
                    runs[stem] += run
                    kept[stem] += 1
                }
                if kept[stem] == 2 * SearchIndex.headLength {
                    (runs[stem], floors[stem]) = SearchIndex.pruned(runs[stem], lengths: lengths, average: average)
                    kept[stem] = SearchIndex.headLength
                }
                start = end
            }
            passage += 1
        }

        /// The index, each stem's postings ranked.
        consuming func finished() -> SearchIndex {
            var index = index
            index.postings = runs.indices.map {
                SearchIndex.ranked(runs[$0], in: index.passageCounts[$0], lengths: lengths, average: average, passages: lengths.count)
            }
            return index
        }
    }

    /// Where each run of `run` lies in it: (passage, weighted count, count of positions,
    /// positions…).
    private static func runs(in run: [UInt32]) -> [Range<Int>] {
        var runs: [Range<Int>] = [], at = 0
        while at < run.count {
            runs.append(at..<(at + 3 + Int(run[at + 2])))
            at = runs.last!.upperBound
        }
        return runs
    }

    /// BM25 (k1 1.2, b 0.75) of a passage `length` bytes long in which the stem's weighted count
    /// is `weighted` tenths.
    private static func score(idf: Double, weighted: UInt32, length: UInt32, average: Double) -> Double {
        let frequency = Double(weighted) / 10
        let norm = 1.2 * (0.25 + 0.75 * Double(length) / average)
        return 100 * idf * frequency * 2.2 / (frequency + norm)
    }

    /// The `headLength` runs of `run` that score highest, ties by passage, in passage order, and
    /// the lowest of their scores (0 if `run` has no more than that). The idf, the same for every
    /// run of a stem, leaves the choice unchanged.
    private static func best(_ run: [UInt32], lengths: [UInt32], average: Double) -> (runs: [Range<Int>], floor: Double) {
        let runs = runs(in: run)
        guard runs.count > headLength else { return (runs, 0) }
        let best = runs.map { (score: score(idf: 1, weighted: run[$0.lowerBound + 1], length: lengths[Int(run[$0.lowerBound])], average: average), run: $0) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.run.lowerBound < $1.run.lowerBound }
            .prefix(headLength)
        return (best.map(\.run).sorted { $0.lowerBound < $1.lowerBound }, best.last!.score)
    }

    /// The runs of `run` that `best` chooses, and the lowest of their scores.
    private static func pruned(_ run: [UInt32], lengths: [UInt32], average: Double) -> (run: [UInt32], floor: Double) {
        let (runs, floor) = best(run, lengths: lengths, average: average)
        var pruned: [UInt32] = []
        pruned.reserveCapacity(run.count)
        for range in runs { pruned += run[range] }
        return (pruned, floor)
    }

    /// One stem's postings, from its runs in `passageCount` passages: the runs `best` chooses,
    /// scored by BM25 and ordered by score, ties by passage.
    private static func ranked(_ run: [UInt32], in passageCount: Int, lengths: [UInt32], average: Double, passages: Int) -> [UInt32] {
        let idf = log(1 + (Double(passages) - Double(passageCount) + 0.5) / (Double(passageCount) + 0.5))
        let entries = best(run, lengths: lengths, average: average).runs.map {
            (score: max(1, UInt32(score(idf: idf, weighted: run[$0.lowerBound + 1], length: lengths[Int(run[$0.lowerBound])], average: average).rounded())), run: $0)
        }.sorted { $0.score != $1.score ? $0.score > $1.score : $0.run.lowerBound < $1.run.lowerBound }
        var ranked: [UInt32] = []
        for entry in entries {
            // The run with its score in place of its weighted count.
            ranked += [run[entry.run.lowerBound], entry.score]
            ranked += run[(entry.run.lowerBound + 2)..<entry.run.upperBound]
        }
        return ranked
    }
}
