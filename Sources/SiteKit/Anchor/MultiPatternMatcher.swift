/// Finds many literal patterns in one pass over a text (Aho–Corasick), keeping whole-word,
/// leftmost-longest matches: "Russian International Affairs Council" wins over "Russia".
/// Matching is case-sensitive except for a pattern's first letter, so "Strategic allies" at the
/// start of a sentence matches the alias "strategic allies".
///
/// The automaton is a full table: every state has a move for every scalar class, failure links
/// already followed, so each scalar of the text costs two array reads. (A dictionary of moves
/// per state, hashed for every scalar, was most of the time spent finding mentions.)
public struct MultiPatternMatcher<Payload: Sendable>: Sendable {
    public struct Match: Sendable {
        public var range: Range<Int>
        public var payload: Payload
    }

    private var payloads: [Payload] = []
    /// Scalars that occur in patterns get classes 1...; every other scalar is class 0.
    private var asciiClass = [Int32](repeating: 0, count: 128)
    private var otherClass: [Unicode.Scalar: Int32] = [:]
    private var classCount = 1
    /// `moves[state * classCount + class]`: the state after reading a scalar of that class.
    private var moves: [Int32] = []
    /// For each state: length of the longest pattern ending there (0 if none), and its payload.
    private var outputs: [(length: Int32, payload: Int32)] = []
    /// For each state: nearest state along the failure chain with an output, or -1.
    private var outputLinks: [Int32] = []

    /// Patterns are folded like `NormalizedText`, so they match folded text.
    public init(patterns: [(String, Payload)]) {
        // The trie, with sparse children while it is built.
        var children: [[Int32: Int32]] = [[:]]
        var trieOutputs: [(length: Int32, payload: Int32)] = [(0, 0)]
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
            for variant in variants {
                var state: Int32 = 0
                for scalar in variant {
                    let scalarClass = addClass(scalar)
                    if let next = children[Int(state)][scalarClass] { state = next } else {
                        children.append([:])
                        trieOutputs.append((0, 0))
                        children[Int(state)][scalarClass] = Int32(children.count - 1)
                        state = Int32(children.count - 1)
                    }
                }
                if trieOutputs[Int(state)].length == 0 { trieOutputs[Int(state)] = (Int32(variant.count), Int32(payloads.count - 1)) }
            }
        }
        // Breadth first, so that a state's failure target is complete before the state is.
        let count = children.count
        moves = [Int32](repeating: 0, count: count * classCount)
        outputs = trieOutputs
        outputLinks = [Int32](repeating: -1, count: count)
        var fail = [Int32](repeating: 0, count: count)
        var queue: [Int32] = [0]
        var head = 0
        while head < queue.count {
            let state = Int(queue[head])
            head += 1
            let failRow = Int(fail[state]) * classCount
            let row = state * classCount
            if state != 0 {
                let target = Int(fail[state])
                outputLinks[state] = outputs[target].length > 0 ? Int32(target) : outputLinks[target]
                for scalarClass in 0..<classCount { moves[row + scalarClass] = moves[failRow + scalarClass] }
            }
            for (scalarClass, child) in children[state].sorted(by: { $0.key < $1.key }) {
                fail[Int(child)] = state == 0 ? 0 : moves[failRow + Int(scalarClass)]
                moves[row + Int(scalarClass)] = child
                queue.append(child)
            }
        }
    }

    /// The class of a scalar that occurs in a pattern, made on first sight.
    private mutating func addClass(_ scalar: Unicode.Scalar) -> Int32 {
        if let known = scalarClass(scalar), known != 0 { return known }
        let new = Int32(classCount)
        classCount += 1
        if scalar.isASCII { asciiClass[Int(scalar.value)] = new } else { otherClass[scalar] = new }
        return new
    }

    private func scalarClass(_ scalar: Unicode.Scalar) -> Int32? {
        scalar.isASCII ? asciiClass[Int(scalar.value)] : otherClass[scalar]
    }

    /// Non-overlapping whole-word matches in folded text, leftmost first, longest at a position.
    public func matches(in text: [Unicode.Scalar]) -> [Match] {
        // Longest whole-word match starting at each position.
        var bestAt: [Int: (length: Int, payload: Int)] = [:]
        var state = 0
        moves.withUnsafeBufferPointer { moves in
            for (i, scalar) in text.enumerated() {
                state = Int(moves[state * classCount + Int(scalarClass(scalar) ?? 0)])
                var s = outputs[state].length > 0 ? state : Int(outputLinks[state])
                while s > 0 {
                    let output = outputs[s]
                    let length = Int(output.length)
                    let start = i + 1 - length
                    if Self.isBoundary(text, before: start), Self.isBoundary(text, after: i + 1),
                       (bestAt[start]?.length ?? 0) < length {
                        bestAt[start] = (length, Int(output.payload))
                    }
                    s = Int(outputLinks[s])
                }
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
