/// Finds many literal patterns in one pass over a text, keeping whole-word, leftmost-longest
/// matches: "Russian International Affairs Council" wins over "Russia". Matching is
/// case-sensitive except for a pattern's first letter, so "Strategic allies" at the start of a
/// sentence matches the alias "strategic allies".
///
/// A match must start where a word starts, so only those places are tried: from each, the
/// text is walked down a trie of the patterns for as long as it follows one. Most places leave
/// the trie after a scalar or two, and the trie is small enough to stay in the processor's
/// cache, where a full automaton's move table for thousands of aliases would not. The time is
/// linear in the text, times at most the length of the longest pattern.
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
    /// The root's child for each class, 0 for none: most places in a text start no pattern.
    private var rootChildren: [Int32] = []
    /// The children of node n are `childNodes[childStart[n]..<childStart[n + 1]]`, reached by the
    /// scalar classes at the same places in `childClasses`.
    private var childStart: [Int32] = []
    private var childClasses: [Int32] = []
    private var childNodes: [Int32] = []
    /// For each node: length of the pattern ending there (0 if none), and its payload.
    private var outputs: [(length: Int32, payload: Int32)] = []

    /// Patterns are folded like `NormalizedText`, so they match folded text.
    public init(patterns: [(String, Payload)]) {
        // The trie, with a dictionary of children per node while it is built.
        var children: [[Int32: Int32]] = [[:]]
        outputs = [(0, 0)]
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
                var node: Int32 = 0
                for scalar in variant {
                    let scalarClass = addClass(scalar)
                    if let next = children[Int(node)][scalarClass] { node = next } else {
                        children.append([:])
                        outputs.append((0, 0))
                        children[Int(node)][scalarClass] = Int32(children.count - 1)
                        node = Int32(children.count - 1)
                    }
                }
                if outputs[Int(node)].length == 0 { outputs[Int(node)] = (Int32(variant.count), Int32(payloads.count - 1)) }
            }
        }
        rootChildren = [Int32](repeating: 0, count: classCount)
        for (scalarClass, child) in children[0] { rootChildren[Int(scalarClass)] = child }
        childStart.reserveCapacity(children.count + 1)
        for nodeChildren in children {
            childStart.append(Int32(childClasses.count))
            for (scalarClass, child) in nodeChildren.sorted(by: { $0.key < $1.key }) {
                childClasses.append(scalarClass)
                childNodes.append(child)
            }
        }
        childStart.append(Int32(childClasses.count))
    }

    /// The class of a scalar that occurs in a pattern, made on first sight.
    private mutating func addClass(_ scalar: Unicode.Scalar) -> Int32 {
        let known = scalarClass(scalar)
        if known != 0 { return known }
        let new = Int32(classCount)
        classCount += 1
        if scalar.isASCII { asciiClass[Int(scalar.value)] = new } else { otherClass[scalar] = new }
        return new
    }

    private func scalarClass(_ scalar: Unicode.Scalar) -> Int32 {
        scalar.isASCII ? asciiClass[Int(scalar.value)] : otherClass[scalar] ?? 0
    }

    private func child(of node: Int32, _ scalarClass: Int32) -> Int32 {
        var index = Int(childStart[Int(node)])
        let end = Int(childStart[Int(node) + 1])
        while index < end {
            if childClasses[index] == scalarClass { return childNodes[index] }
            index += 1
        }
        return 0
    }

    /// Non-overlapping whole-word matches in folded text, leftmost first, longest at a position.
    public func matches(in text: [Unicode.Scalar]) -> [Match] {
        matches(in: text, from: WordStarts(text))
    }

    /// The same, trying only `starts`, the word starts of `text`.
    public func matches(in text: [Unicode.Scalar], from starts: WordStarts) -> [Match] {
        var result: [Match] = []
        // Text before this offset lies in a match already taken.
        var covered = 0
        for start in starts.offsets.lazy.map(Int.init) where start >= covered {
            var node = rootChildren[Int(scalarClass(text[start]))]
            var end = start
            var longest: (length: Int32, payload: Int32) = (0, 0)
            while node != 0 {
                end += 1
                let output = outputs[Int(node)]
                if output.length > 0, end == text.count || !WordStarts.isWordScalar(text[end]) { longest = output }
                guard end < text.count else { break }
                node = child(of: node, scalarClass(text[end]))
            }
            if longest.length > 0 {
                result.append(Match(range: start..<(start + Int(longest.length)), payload: payloads[Int(longest.payload)]))
                covered = start + Int(longest.length)
            }
        }
        return result
    }
}

/// The places in a text where a match may start: the first scalar, and each one after a scalar
/// that is not part of a word. Found once for a paragraph that several matchers read (actors'
/// aliases and terms'), since the scan over every scalar is the costly part of matching.
public struct WordStarts: Sendable {
    public let offsets: [Int32]

    public init(_ text: [Unicode.Scalar]) {
        var offsets: [Int32] = []
        var afterWord = false
        for (offset, scalar) in text.enumerated() {
            if !afterWord { offsets.append(Int32(offset)) }
            afterWord = Self.isWordScalar(scalar)
        }
        self.offsets = offsets
    }

    /// Letters and digits; ASCII, most of any text, is decided without Unicode's tables.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let lower = s.value | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (s.value >= 0x30 && s.value <= 0x39)
        }
        return s.properties.isAlphabetic
    }
}
