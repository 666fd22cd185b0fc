/// The excerpts of every actor's mentions and every term's uses, as the pages that list them show
/// them, kept in the text store target by target, so that a page reads its excerpts in a few
/// pieces rather than once for every source that names its actor.
struct ExcerptBook: Sendable {
    /// By target number (`ResolvedSite.mentionTargets`), each target's pieces in reading order:
    /// a piece is a run of the target's excerpts, one after another, kept with the source file
    /// of its first one.
    private let pieces: [[StoredBytes]]

    /// The most a piece holds, but for a single longer excerpt. Each target fills one piece at
    /// a time, in its own part of one scratch allocation (given back whole once the book is
    /// made), and a page reads its excerpts in reads of about this size.
    static let pieceSize = 4096
    /// Sources whose excerpts are cut out on every core before being sorted into the targets'
    /// pieces, in reading order, on one.
    static let batchSize = 64

    /// The book of `documents`' mention places, each with its excerpt, in reading order, as the
    /// resolver found them.
    static func make(documents: [SourceDocument], found: [(places: [MentionPlace], excerpts: [Excerpt])],
                     targetCount: Int, store: TextStore) -> ExcerptBook {
        let open = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: targetCount * pieceSize)
        defer { open.deallocate() }
        var filled = [Int](repeating: 0, count: targetCount)
        var openFile = [String](repeating: "", count: targetCount)
        var pieces = [[StoredBytes]](repeating: [], count: targetCount)
        func keep(_ bytes: [UInt8], for target: Int, from file: String) {
            pieces[target].append(StoredBytes(bytes, file: file, store: store))
        }
        func keepOpen(_ target: Int) {
            guard filled[target] > 0 else { return }
            keep(Array(open[(target * pieceSize)..<(target * pieceSize + filled[target])]), for: target, from: openFile[target])
            filled[target] = 0
        }
        for batch in stride(from: 0, to: documents.count, by: batchSize) {
            let positions = Array(batch..<min(batch + batchSize, documents.count))
            let texts = positions.parallelMap { documents[$0].excerptBytes(found[$0].excerpts, in: found[$0].places) }
            for (position, text) in zip(positions, texts) {
                var start = 0
                for (place, excerpt) in zip(found[position].places, found[position].excerpts) {
                    let target = Int(place.target), end = start + excerpt.textSize
                    defer { start = end }
                    if filled[target] + (end - start) > pieceSize { keepOpen(target) }
                    guard end - start <= pieceSize else {
                        keep(Array(text[start..<end]), for: target, from: documents[position].source.file)
                        continue
                    }
                    if filled[target] == 0 { openFile[target] = documents[position].source.file }
                    let at = target * pieceSize + filled[target]
                    _ = UnsafeMutableBufferPointer(rebasing: open[at..<(at + end - start)]).initialize(from: text[start..<end])
                    filled[target] += end - start
                }
            }
        }
        for target in 0..<targetCount { keepOpen(target) }
        return ExcerptBook(pieces: pieces)
    }

    private init(pieces: [[StoredBytes]]) {
        self.pieces = pieces
    }

    /// The excerpts of a target's first occurrences, as a reader sees them: `occurrences` are
    /// those, in order (they give each excerpt's size).
    func excerpts(of target: Int, _ occurrences: some Collection<Occurrence>) -> [String] {
        var wanted = occurrences.reduce(0) { $0 + $1.excerptSize }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(wanted)
        for piece in target < pieces.count ? pieces[target] : [] where wanted > 0 {
            let size = min(piece.count, wanted)
            bytes += piece[0..<size]
            wanted -= size
        }
        var start = 0
        return occurrences.map { occurrence in
            let end = min(start + occurrence.excerptSize, bytes.count)
            defer { start = end }
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
    }
}
