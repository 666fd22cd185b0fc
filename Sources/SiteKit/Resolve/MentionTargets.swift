/// Every actor and term a source can mention, numbered as `ResolvedSite.mentionTargets` lists
/// them (the actors, then the terms, in the corpus's order), with one matcher over each kind's
/// aliases that finds an alias as its target's number.
struct MentionTargets {
    let all: [LinkTarget]
    let actorNumbers: Range<Int>
    let termNumbers: Range<Int>
    private let actorMatcher: MultiPatternMatcher<Int32>
    private let termMatcher: MultiPatternMatcher<Int32>

    /// The same alias on two actors, or on two terms, is an error.
    init(actors: [Actor], terms: [Term], log: inout DiagnosticLog) {
        all = actors.map { .actor($0.id) } + terms.map { .term($0.id) }
        actorNumbers = 0..<actors.count
        termNumbers = actors.count..<all.count
        actorMatcher = Self.matcher(actors.map { ($0.id, $0.aliases) }, firstNumber: 0, what: "actor", log: &log)
        termMatcher = Self.matcher(terms.map { ($0.id, $0.aliases) }, firstNumber: actors.count, what: "term", log: &log)
    }

    /// Every target named in one paragraph: its actors, then its terms, each in text order.
    func places(in paragraph: SourceText.Paragraph) -> [MentionPlace] {
        let starts = WordStarts(paragraph.text.scalars)
        let actors = actorMatcher.matches(in: paragraph.text.scalars, from: starts)
        let terms = termMatcher.matches(in: paragraph.text.scalars, from: starts)
        return [actors, terms].joined().map { match in
            MentionPlace(paragraph: paragraph.number, range: paragraph.text.originalRange(match.range), target: match.payload)
        }
    }

    /// One matcher over all aliases, each found as its entry's number: `firstNumber` for the
    /// first entry, counting up.
    private static func matcher<ID: Hashable & Sendable>(_ entries: [(ID, [Located<String>])], firstNumber: Int, what: String,
                                                         log: inout DiagnosticLog) -> MultiPatternMatcher<Int32> where ID: CustomStringConvertible {
        var owner: [String: (ID, SourceLocation)] = [:]
        var patterns: [(String, Int32)] = []
        for (number, (id, aliases)) in zip(firstNumber..., entries) {
            for alias in aliases {
                let folded = NormalizedText.query(alias.value)
                guard let first = folded.first else {
                    log.error(alias.location, "empty alias")
                    continue
                }
                var key = String.UnicodeScalarView()
                key.append(contentsOf: first.properties.lowercaseMapping.unicodeScalars)
                key.append(contentsOf: folded.dropFirst())
                let keyString = String(key)
                if let (other, location) = owner[keyString] {
                    if other != id {
                        log.error(alias.location, "alias '\(alias.value)' is also an alias of \(what) '\(other)'",
                                  notes: [.init(location, "first given here")])
                    }
                    continue
                }
                owner[keyString] = (id, alias.location)
                patterns.append((alias.value, Int32(number)))
            }
        }
        return MultiPatternMatcher(patterns: patterns)
    }
}
