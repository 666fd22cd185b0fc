/// Finds many literal patterns in one pass over a text (Aho–Corasick), keeping whole-word,
/// leftmost-longest matches: "Russian International Affairs Council" wins over "Russia".
/// Matching is case-sensitive except for a pattern's first letter, so "Strategic allies" at the
/// start of a sentence matches the alias "strategic allies".
public struct MultiPatternMatcher<Payload: Sendable>: Sendable {
    public struct Match: Sendable {
        public var range: Range<Int>
        public var payload: Payload
    }

    private struct State: Sendable {
        var next: [Unicode.Scalar: Int] = [:]
        var fail = 0
        /// Length of the longest pattern ending here (0 if none), and its payload.
        var output: (length: Int, payload: Int)? = nil
        /// Nearest state along the failure chain with an output.
        var outputLink = -1
    }

    private var states = [State()]
    private var payloads: [Payload] = []
    /// The start state's moves on ASCII scalars as a table: matching spends most of its time
    /// there, and an array index is far cheaper than hashing each scalar.
    private var asciiFromStart = [Int32](repeating: 0, count: 128)

    /// Patterns are folded like `NormalizedText`, so they match folded text.
    public init(patterns: [(String, Payload)]) {
        for (pattern, payload) in patterns {
            let folded = NormalizedText.query(pattern)
            guard let first = folded.first else { continue }
            payloads.append(payload)
            var variants = [folded]
            let upper = first.properties.uppercaseMapping.unicodeScalars
            let lower = first.properties.lowercaseMapping.unicodeScalars
            for other in [upper, lower] where other.count == 1 && other.first! != first {
                variants.append([other.first!] + folded.dropFirst())
            }
            for variant in variants { insert(variant, payload: payloads.count - 1) }
        }
        buildFailureLinks()
        for (scalar, state) in states[0].next where scalar.isASCII { asciiFromStart[Int(scalar.value)] = Int32(state) }
    }

    private mutating func insert(_ pattern: [Unicode.Scalar], payload: Int) {
        var state = 0
        for scalar in pattern {
            if let next = states[state].next[scalar] { state = next } else {
                states.append(State())
                states[state].next[scalar] = states.count - 1
                state = states.count - 1
            }
        }
        if states[state].output == nil { states[state].output = (pattern.count, payload) }
    }

    private mutating func buildFailureLinks() {
        var queue: [Int] = []
        for (_, child) in states[0].next { queue.append(child) }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let fail = states[state].fail
            states[state].outputLink = states[fail].output != nil ? fail : states[fail].outputLink
            for (scalar, child) in states[state].next.sorted(by: { $0.key.value < $1.key.value }) {
                var f = fail
                while f != 0 && states[f].next[scalar] == nil { f = states[f].fail }
                let target = states[f].next[scalar] ?? 0
                states[child].fail = target == child ? 0 : target
                queue.append(child)
            }
        }
    }

    /// Non-overlapping whole-word matches in folded text, leftmost first, longest at a position.
    public func matches(in text: [Unicode.Scalar]) -> [Match] {
        // Longest whole-word match starting at each position.
        var bestAt: [Int: (length: Int, payload: Int)] = [:]
        var state = 0
        for (i, scalar) in text.enumerated() {
            while true {
                if state == 0 {
                    state = scalar.isASCII ? Int(asciiFromStart[Int(scalar.value)]) : states[0].next[scalar] ?? 0
                    break
                }
                if let next = states[state].next[scalar] {
                    state = next
                    break
                }
                state = states[state].fail
            }
            var s = states[state].output != nil ? state : states[state].outputLink
            while s > 0 {
                if let output = states[s].output {
                    let start = i + 1 - output.length
                    if Self.isBoundary(text, before: start), Self.isBoundary(text, after: i + 1),
                       (bestAt[start]?.length ?? 0) < output.length {
                        bestAt[start] = output
                    }
                }
                s = states[s].outputLink
            }
        }
        var result: [Match] = []
        var covered = 0
        for start in bestAt.keys.sorted() where start >= covered {
            let best = bestAt[start]!
            result.append(Match(range: start..<(start + best.length), payload: payloads[best.payload]))
            covered = start + best.length
        }
        return result
    }

    private static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s)
    }

    private static func isBoundary(_ text: [Unicode.Scalar], before index: Int) -> Bool {
        index == 0 || !isWordScalar(text[index - 1])
    }

    private static func isBoundary(_ text: [Unicode.Scalar], after index: Int) -> Bool {
        index == text.count || !isWordScalar(text[index])
    }
}
