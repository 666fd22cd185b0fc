import Foundation

/// A deterministic content folder of any size, shaped like the real one: N sources of about
/// 8–9 KB of prose Markdown, 5 annotations per source quoting real spans (some overlapping, some
/// pinned with a prefix or suffix), N/10 actors whose 1–4 aliases occur in the texts, 300
/// glossary terms, N/5 events inside the timeline. The same bodies also go to a plain Hugo site.
struct SyntheticCorpus {
    let sources: Int
    var actors: Int { max(sources / 10, 4) }
    var events: Int { max(sources / 5, 1) }
    let terms = 300

    /// Deterministic pseudo-random numbers (a 64-bit linear congruential generator).
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let vocabulary = """
        the of and a in to is that for on with as by was it from at be this which or an are its not but have \
        has had were their more than its also been into only after over such other between these both most \
        policy security alliance partner treaty state government relations interests region influence power \
        cooperation economic military strategic foreign minister president council summit agreement support \
        sanctions conflict war peace trade energy border defence nuclear diplomacy leadership balance order \
        western eastern regional global local national public official reform crisis threat stability \
        pressure dialogue negotiation commitment rivalry alignment position approach decision question \
        moment period decade year month week history future present change shift pattern view argument \
        analysts observers officials critics supporters leaders parties members states powers neighbours
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    /// A made-up proper name, unique per number: syllables in base 20.
    static func name(_ number: Int) -> String {
        let syllables = ["ka", "lor", "ven", "mi", "tas", "ro", "del", "quin", "sa", "bor", "te", "nal", "vi", "dor", "ga", "mel", "su", "ran", "po", "zet"]
        var n = number, parts: [String] = []
        repeat { parts.append(syllables[n % 20]); n /= 20 } while n > 0
        parts.append(["ia", "an", "or", "ex"][number % 4])
        let word = parts.joined()
        return word.prefix(1).uppercased() + word.dropFirst()
    }

    func actorAliases(_ k: Int) -> [String] {
        let base = Self.name(k)
        return Array([base, "\(base) government", "\(base) leadership", "\(base)’s envoy"].prefix(1 + k % 4))
    }

    func termAlias(_ k: Int) -> String { "\(Self.name(100_000 + k).lowercased()) alignment" }

    func timelineDate(_ k: Int) -> String {
        var random = Random(state: UInt64(k) &* 7919 &+ 17)
        return String(format: "%04d-%02d-%02d", 2000 + random.next(22), 1 + random.next(12), 1 + random.next(28))
    }

    /// Writes `content/` for sitegen and `hugo/` (the same bodies) under `root`.
    func write(to root: String) throws {
        let manager = FileManager.default
        try? manager.removeItem(atPath: root)
        for folder in ["content/sources", "content/annotations", "content/actors", "content/events", "content/glossary",
                       "hugo/content/sources", "hugo/content/notes", "hugo/layouts/_default"] {
            try manager.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        func save(_ text: String, _ path: String) throws { try text.write(toFile: "\(root)/\(path)", atomically: false, encoding: .utf8) }

        try save("""
            title: "Synthetic Reader"
            subtitle: "\(sources) generated sources"
            language: en
            description: "A generated corpus for benchmarks."
            timeline:
              start: "1999-03-24"
              end: "2022-02-24"

            """, "content/site.yml")
        for k in 0..<actors {
            try save("---\nname: \"\(Self.name(k))\"\nkind: \(["state", "organisation", "group", "person"][k % 4])\naliases: [\(actorAliases(k).map { "\"\($0)\"" }.joined(separator: ", "))]\n---\nA generated actor, related to [\(Self.name((k + 1) % actors))](actor:a\((k + 1) % actors)).\n", "content/actors/a\(k).md")
        }
        for k in 0..<terms {
            try save("---\nterm: \"\(termAlias(k).capitalized)\"\naliases: [\"\(termAlias(k))\"]\nfamily: \(["alliance", "partnership", "alignment", "rivalry", "other"][k % 5])\n---\nA generated category of alignment.\n", "content/glossary/t\(k).md")
        }
        for k in 0..<events {
            try save("---\ndate: \"\(timelineDate(k))\"\ntitle: \"Generated event \(k)\"\nactors: [a\(k % actors)]\npassages: [\"s\(k % sources)#p2\"]\n---\nA generated event.\n", "content/events/e\(k).md")
        }
        var random = Random(state: 42)
        var bodies: [(id: String, title: String, body: String)] = []
        for s in 0..<sources {
            let (markdown, paragraphs) = sourceText(&random, number: s)
            let id = "s\(s)"
            try save("---\ntitle: \"Generated source \(s)\"\nauthor: \"Author \(s % 97)\"\npublisher: \"Press \(s % 13)\"\ndate: \"\(2001 + s % 23)\"\nsummary: \"A generated source text.\"\n---\n" + markdown, "content/sources/\(id).md")
            bodies.append((id, "Generated source \(s)", markdown))
            try manager.createDirectory(atPath: "\(root)/content/annotations/\(id)", withIntermediateDirectories: true)
            for (n, note) in annotations(&random, paragraphs: paragraphs, source: s).enumerated() {
                try save(note, "content/annotations/\(id)/n\(n).md")
                let body = note.components(separatedBy: "\n---\n").dropFirst().joined(separator: "\n---\n")
                bodies.append(("\(id)-n\(n)", "Note \(n) on source \(s)", body))
            }
        }
        // Hugo gets every Markdown body with only a title, so both render the same bytes.
        try save("""
            baseURL = "http://localhost/"
            title = "Synthetic"
            disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
            [markup.goldmark.renderer]
            unsafe = false

            """, "hugo/hugo.toml")
        try save("<!doctype html><html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n", "hugo/layouts/_default/single.html")
        try save("<!doctype html><html><head><title>{{ .Title }}</title></head><body><main>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</main></body></html>\n", "hugo/layouts/_default/list.html")
        for page in bodies {
            let folder = page.id.contains("-n") ? "notes" : "sources"
            try save("---\ntitle: \"\(page.title)\"\n---\n" + page.body, "hugo/content/\(folder)/\(page.id).md")
        }
    }

    /// About 8.5 KB: a heading and ten paragraphs of ~140 words, with emphasis, actor aliases
    /// and glossary terms woven in. Returns the Markdown and each paragraph's words.
    private func sourceText(_ random: inout Random, number: Int) -> (String, [[String]]) {
        var paragraphs: [[String]] = []
        var markdown = "## Part \(number)\n\n"
        for p in 0..<10 {
            var words: [String] = []
            while words.count < 140 {
                switch random.next(40) {
                case 0, 1: words += actorAliases(random.next(actors)).last!.split(separator: " ").map(String.init)
                case 2: words += termAlias(random.next(terms)).split(separator: " ").map(String.init)
                default: words.append(Self.vocabulary[random.next(Self.vocabulary.count)])
                }
                if random.next(12) == 0 { words[words.count - 1] += "," }
            }
            paragraphs.append(words)
            var shown = words
            shown[0] = shown[0].prefix(1).uppercased() + shown[0].dropFirst()
            if p % 3 == 1 { shown[5] = "*\(shown[5])*" }
            markdown += shown.joined(separator: " ") + ".\n\n"
        }
        return (markdown, paragraphs)
    }

    /// Five notes: plain quotes, the second overlapping the first, one pinned by a prefix, one by a suffix.
    private func annotations(_ random: inout Random, paragraphs: [[String]], source: Int) -> [String] {
        var notes: [String] = []
        let kinds = ["context", "claim", "term", "cross-reference", "context"]
        var firstStart = 0
        for n in 0..<5 {
            // Paragraphs 2, 5 and 8 (1, 4, 7 counted from zero) carry emphasis; quotes avoid them.
            let p = [0, 0, 3, 5, 8][n]
            let start = n == 1 ? firstStart + 3 : 10 + random.next(90)
            if n == 0 { firstStart = start }
            let end = start + 8 + random.next(6)
            var yaml = "quote: \"\(paragraphs[p][start..<end].joined(separator: " "))\"\n"
            if n == 3 { yaml += "prefix: \"\(paragraphs[p][(start - 2)..<start].joined(separator: " "))\"\n" }
            if n == 4 { yaml += "suffix: \"\(paragraphs[p][end..<(end + 2)].joined(separator: " "))\"\n" }
            let actor = random.next(actors)
            yaml += "kind: \(kinds[n])\nactors: [a\(actor)]\n"
            if n == 2 { yaml += "relation:\n  between: [a\(actor), a\((actor + 1) % actors)]\n  category: t\(random.next(terms))\n" }
            notes.append("---\n\(yaml)---\nA generated note on source \(source), with a link to [the next actor](actor:a\((actor + 1) % actors)) and to [¶2](source:s\(source)#p2).\n")
        }
        return notes
    }
}
