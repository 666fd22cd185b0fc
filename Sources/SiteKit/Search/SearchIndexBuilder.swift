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
    /// The most positions kept for one stem in one passage: the first, in the order its words
    /// come (a hyphenated word's joined form after its parts, at the first part's position).
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
        /// Word numbers by the word: by `PackedWord` if it has one, else by the `String`.
        var packedNumbers: [PackedWord: Int32] = [:], wordNumbers: [String: Int32] = [:]
        var stemNumbers: [String: Int32] = [:]
        /// The stems of words met lately, by `PackedWord.slot`: a few hundred words make most of
        /// any English text, and are found here before the dictionary is asked.
        var recent = [(word: PackedWord, stem: Int32)](repeating: (PackedWord(), 0), count: PackedWord.slots)
        var runs: [[UInt32]] = [], kept: [Int] = []
        /// Per stem, the score (before the idf) a passage must pass to be kept: the lowest of the
        /// best `headLength` when they were last cut back. A later passage scoring the same ranks
        /// below them, as ties go by passage.
        var floors: [Double] = []
        /// The passage's positions, in the order its words come, each with the next of its
        /// stem's (-1 for none); the stems met in it, in order; and per stem, where its first and
        /// last positions are, if it was met in this passage.
        var hits: [(position: UInt32, next: Int32)] = [], stemsMet: [Int] = [], chains: [Chain] = []
        var run: [UInt32] = []
        var passage: UInt32 = 0

        init(lengths: [UInt32]) {
            self.lengths = lengths
            average = Double(lengths.reduce(0) { $0 + Int($1) }) / Double(max(lengths.count, 1))
        }

        mutating func token(_ bytes: UnsafeBufferPointer<UInt8>, ascii: Bool, position: Int) {
            let stem: Int
            if ascii, let packed = PackedWord(bytes) {
                let slot = packed.slot
                if recent[slot].word == packed {
                    stem = Int(recent[slot].stem)
                } else {
                    stem = Int(index.stemOfWord[Int(packedNumbers[packed] ?? number(of: SearchTokenizer.fold(bytes, ascii: true)))])
                    recent[slot] = (packed, Int32(stem))
                }
            } else {
                stem = Int(index.stemOfWord[Int(number(of: SearchTokenizer.fold(bytes, ascii: ascii)))])
            }
            let hit = Int32(hits.count)
            hits.append((UInt32(position), -1))
            if chains[stem].passage != passage + 1 {
                chains[stem] = Chain(passage: passage + 1, first: hit, last: hit)
                stemsMet.append(stem)
            } else {
                hits[Int(chains[stem].last)].next = hit
                chains[stem].last = hit
            }
        }

        /// The number of a folded word, numbered now if it is new.
        private mutating func number(of folded: String) -> Int32 {
            var utf8 = folded
            let packed = utf8.withUTF8 { $0.allSatisfy { $0 < 0x80 } ? PackedWord($0) : nil }
            let known = if let packed { packedNumbers[packed] } else { wordNumbers[folded] }
            if let known { return known }
            let word = Int32(index.words.count)
            if let packed { packedNumbers[packed] = word } else { wordNumbers[folded] = word }
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
                chains.append(Chain())
                index.passageCounts.append(0)
            }
            return word
        }

        /// The next passage.
        mutating func add(_ kind: SearchPassages.Kind, names: String, text: ArraySlice<UInt8>) {
            hits.removeAll(keepingCapacity: true)
            stemsMet.removeAll(keepingCapacity: true)
            let weight = SearchIndex.weights(kind)
            let textStart = SearchTokenizer.scan(names.utf8, from: 0, into: &self) + SearchIndex.fieldGap
            _ = SearchTokenizer.scan(text, from: textStart, into: &self)
            let length = lengths[Int(passage)]
            for stem in stemsMet {
                run.removeAll(keepingCapacity: true)
                run.append(passage)
                run.append(0)
                run.append(0)
                var weighted: UInt32 = 0, count: UInt32 = 0
                var hit = Int(chains[stem].first)
                while hit >= 0 {
                    let position = hits[hit].position
                    weighted += Int(position) < textStart ? weight.names : weight.text
                    if count < SearchIndex.positionLimit {
                        count += 1
                        run.append(position)
                    }
                    hit = Int(hits[hit].next)
                }
                (run[1], run[2]) = (weighted, count)
                index.passageCounts[stem] += 1
                if SearchIndex.score(idf: 1, weighted: weighted, length: length, average: average) > floors[stem] {
                    runs[stem] += run
                    kept[stem] += 1
                }
                if kept[stem] == 2 * SearchIndex.headLength {
                    (runs[stem], floors[stem]) = SearchIndex.pruned(runs[stem], lengths: lengths, average: average)
                    kept[stem] = SearchIndex.headLength
                }
            }
            passage += 1
        }

        /// The index, each stem's runs replaced by its postings ranked, one stem after another, so
        /// that the two are not held whole at once. The runs are moved out of `self` first, so
        /// that nothing else holds a stem's runs and they are freed as soon as they are ranked.
        mutating func finished() -> SearchIndex {
            var postings: [[UInt32]] = []
            swap(&postings, &runs)
            for stem in postings.indices {
                postings[stem] = SearchIndex.ranked(postings[stem], in: index.passageCounts[stem], lengths: lengths, average: average, passages: lengths.count)
            }
            index.postings = postings
            return index
        }
    }

    /// A stem's positions in the passage being read: the passage (+ 1, so that 0 is none), and
    /// where its first and last positions are in `Postings.hits`.
    private struct Chain {
        var passage: UInt32 = 0, first: Int32 = 0, last: Int32 = 0
    }

    /// A word of at most 16 bytes of ASCII, as most are, packed into two integers, so that it is
    /// looked up without making a `String` of it.
    private struct PackedWord: Hashable {
        var low: UInt64 = 0, high: UInt64 = 0

        /// No word: no word is empty.
        init() {}

        static let slots = 1 << 12
        /// A place in `Postings.recent`, from a cheap mix of the bytes (a multiplicative hash).
        var slot: Int { Int(truncatingIfNeeded: ((low ^ high &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9) >> (64 - 12)) }

        /// Nil if `bytes` are more than 16; none of them is 0, so the padding keeps words apart.
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 16 else { return nil }
            for (index, byte) in bytes.enumerated() {
                if index < 8 { low |= UInt64(byte) << (8 * index) } else { high |= UInt64(byte) << (8 * (index - 8)) }
            }
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
        let scores = runs.map { score(idf: 1, weighted: run[$0.lowerBound + 1], length: lengths[Int(run[$0.lowerBound])], average: average) }
        let floor = scores.sorted(by: >)[headLength - 1]
        // Every run scoring above the floor is kept, and as many scoring it as there is room for, earliest first.
        var room = headLength - scores.reduce(0) { $0 + ($1 > floor ? 1 : 0) }
        var best: [Range<Int>] = []
        best.reserveCapacity(headLength)
        for (index, range) in runs.enumerated() where scores[index] > floor || (scores[index] == floor && room > 0) {
            if scores[index] == floor { room -= 1 }
            best.append(range)
        }
        return (best, floor)
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
        ranked.reserveCapacity(entries.reduce(0) { $0 + $1.run.count })
        for entry in entries {
            // The run with its score in place of its weighted count.
            ranked.append(run[entry.run.lowerBound])
            ranked.append(entry.score)
            ranked += run[(entry.run.lowerBound + 2)..<entry.run.upperBound]
        }
        return ranked
    }
}
