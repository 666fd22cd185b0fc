/// What reference managers read about a source: the `citation_*` meta tags of its page (Zotero,
/// Google Scholar), `citation.bib` and `citation.ris`. Everything comes from the source's front
/// matter as written: a title the editors supplied is put in square brackets, as catalogues mark a
/// supplied title, and said to be supplied; a source whose copy names no author gets no author
/// field, and a note saying so.
struct Citation {
    let source: Source
    /// The page's absolute address, when the site has a base URL.
    let pageURL: String?

    static func bibPath(_ id: SourceID) -> String { "sources/\(id.raw)/citation.bib" }
    static func risPath(_ id: SourceID) -> String { "sources/\(id.raw)/citation.ris" }

    var title: String { source.titleSupplied ? "[\(source.title)]" : source.title }

    /// The facts a reader of the reference needs that its fields cannot hold.
    var notes: [String] {
        var notes: [String] = []
        if source.titleSupplied { notes.append("Title supplied by the editors; the copy carries none.") }
        if source.author == nil { notes.append("The copy names no author.") }
        if let author = source.author, source.authors.joined(separator: " and ") != author { notes.append("Authorship as the editors record it: \(author).") }
        if source.publisher == nil { notes.append("The copy names no publisher.") }
        return notes
    }

    /// The `citation_*` meta tags, in the order Google Scholar lists them.
    var metaTags: [MetaTag] {
        var tags = [MetaTag(name: "citation_title", content: title)]
        tags += source.authors.map { MetaTag(name: "citation_author", content: $0) }
        tags.append(MetaTag(name: "citation_publication_date", content: slashed(source.date)))
        if let publisher = source.publisher {
            tags.append(MetaTag(name: source.journal ? "citation_journal_title" : "citation_publisher", content: publisher))
        }
        if let pageURL { tags.append(MetaTag(name: "citation_public_url", content: pageURL)) }
        return tags
    }

    /// A BibTeX entry keyed by the source's id: `@article` for a journal, `@misc` otherwise.
    var bibTeX: String {
        var fields: [(String, String)] = [("title", title)]
        if !source.authors.isEmpty { fields.append(("author", source.authors.joined(separator: " and "))) }
        if let publisher = source.publisher { fields.append((source.journal ? "journal" : "publisher", publisher)) }
        fields.append(("year", String(source.date.year)))
        if source.date.precision > 1 { fields.append(("date", source.date.description)) }
        if let url = source.url ?? pageURL { fields.append(("url", url)) }
        if !notes.isEmpty { fields.append(("note", notes.joined(separator: " "))) }
        let body = fields.map { "  \($0.0) = {\(Self.bibEscaped($0.1))}" }.joined(separator: ",\n")
        return "@\(source.journal ? "article" : "misc"){\(source.id.raw),\n\(body)\n}\n"
    }

    /// A RIS record: `JOUR` for a journal, `GEN` otherwise.
    var ris: String {
        var lines = [("TY", source.journal ? "JOUR" : "GEN"), ("TI", title)]
        lines += source.authors.map { ("AU", $0) }
        lines.append(("PY", String(source.date.year)))
        if source.date.precision > 1 { lines.append(("DA", slashed(source.date))) }
        if let publisher = source.publisher { lines.append((source.journal ? "JO" : "PB", publisher)) }
        if let url = source.url ?? pageURL { lines.append(("UR", url)) }
        lines += notes.map { ("N1", $0) }
        lines.append(("ER", ""))
        return lines.map { "\($0.0)  - \($0.1)" }.joined(separator: "\n") + "\n"
    }

    /// `2019/09/03`, `2019/09` or `2019`: the form Google Scholar and RIS read, as precise as the date.
    private func slashed(_ date: PartialDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "/")
    }

    /// A field value with BibTeX's special characters escaped, so it reads as the text itself.
    static func bibEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": escaped += "\\\(character)"
            case "~": escaped += "\\textasciitilde{}"
            case "^": escaped += "\\textasciicircum{}"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}

/// One `<meta name content>` tag of a page's head.
struct MetaTag { var name: String; var content: String }
