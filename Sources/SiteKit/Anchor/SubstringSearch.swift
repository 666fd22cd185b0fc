/// Exact and approximate search over folded scalars.
enum SubstringSearch {
    /// Every start offset of `needle` in `haystack` (overlapping occurrences included).
    static func occurrences(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        // Knuth–Morris–Pratt: linear in the paragraph whatever the quote, so a long near-miss
        // cannot make the build slow.
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        var result: [Int] = []
        let first = needle[0]
        haystack.withUnsafeBufferPointer { text in
            needle.withUnsafeBufferPointer { needle in
                var k = 0
                var i = 0
                while i < text.count {
                    // Outside a partial match, skip ahead to the next scalar that can start one:
                    // a tight loop over the text, where most of the time goes.
                    if k == 0 {
                        while i < text.count && text[i] != first { i += 1 }
                        if i == text.count { break }
                    }
                    let scalar = text[i]
                    while k > 0 && scalar != needle[k] { k = failure[k - 1] }
                    if scalar == needle[k] { k += 1 }
                    if k == needle.count {
                        result.append(i - needle.count + 1)
                        k = failure[k - 1]
                    }
                    i += 1
                }
            }
        }
        return result
    }

    /// The end offset (exclusive) and edit distance of the best approximate occurrence of
    /// `pattern` (at most 64 scalars) in `text`: Myers' bit-parallel algorithm, one pass, O(n).
    static func bestApproximateEnd(of pattern: ArraySlice<Unicode.Scalar>, in text: [Unicode.Scalar]) -> (end: Int, distance: Int)? {
        let m = pattern.count
        guard m > 0, m <= 64, !text.isEmpty else { return nil }
        var peq: [Unicode.Scalar: UInt64] = [:]
        for (i, scalar) in pattern.enumerated() { peq[scalar, default: 0] |= 1 << UInt64(i) }
        let high: UInt64 = 1 << UInt64(m - 1)
        var pv: UInt64 = m == 64 ? ~0 : (1 << UInt64(m)) - 1
        var mv: UInt64 = 0
        var score = m
        var best = (end: 0, distance: Int.max)
        for (j, scalar) in text.enumerated() {
            let eq = peq[scalar] ?? 0
            let xv = eq | mv
            let xh = (((eq & pv) &+ pv) ^ pv) | eq
            var ph = mv | ~(xh | pv)
            var mh = pv & xh
            if ph & high != 0 { score += 1 } else if mh & high != 0 { score -= 1 }
            ph <<= 1
            mh <<= 1
            pv = mh | ~(xv | ph)
            mv = ph & xv
            if score < best.distance { best = (j + 1, score) }
        }
        return best
    }
}
