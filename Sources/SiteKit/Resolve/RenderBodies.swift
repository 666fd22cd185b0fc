/// The pass over every Markdown body but the sources': each parsed once, its cross-links
/// checked, on every core. An annotation's note is rendered here, once, and only its HTML and
/// text kept (`RenderedNote`); an actor's, event's or term's body is kept parsed for its page.
enum RenderBodies {
    struct Rendered {
        /// Each annotation's note, by its index in the corpus.
        var notes: [RenderedNote]
        /// The bodies of actors, events and terms, parsed, by file.
        var parsed: [String: MarkdownNode]
        /// What each of those bodies links to, shown as backlinks on the pages linked to.
        var links: [String: [LinkTarget]]
        /// What notes link to: referenced, though no page shows it as a backlink.
        var linkedFromNotes: Set<LinkTarget>

        /// Everything any body links to.
        var linked: Set<LinkTarget> { linkedFromNotes.union(links.values.joined()) }
    }

    static func render(annotations: [Annotation], pages: [Body], links: CrossLinks, texts: TextStore,
                       log: inout DiagnosticLog) -> Rendered {
        let notes = annotations.parallelMap { annotation in
            var noteLog = DiagnosticLog()
            let parsed = Cmark.parse(annotation.body.markdown)
            let targets = links.check(parsed, body: annotation.body, log: &noteLog)
            // The note's text is taken as rendered, so links written with empty text read as their targets' names.
            let rewritten = links.rewrite(parsed, root: Paths.notePagesRoot)
            let note = RenderedNote(html: Cmark.renderHTML(rewritten), text: rewritten.plainText.collapsingSpaces,
                                    file: annotation.file, store: texts)
            return (note, targets, noteLog.all)
        }
        let bodies = pages.parallelMap { body in
            var bodyLog = DiagnosticLog()
            let parsed = Cmark.parse(body.markdown)
            return (parsed, links.check(parsed, body: body, log: &bodyLog), bodyLog.all)
        }
        var rendered = Rendered(notes: notes.map(\.0), parsed: .init(minimumCapacity: pages.count),
                                links: .init(minimumCapacity: pages.count), linkedFromNotes: [])
        for (_, targets, diagnostics) in notes {
            rendered.linkedFromNotes.formUnion(targets)
            log.append(contentsOf: diagnostics)
        }
        for (body, (parsed, targets, diagnostics)) in zip(pages, bodies) {
            rendered.parsed[body.file] = parsed
            rendered.links[body.file] = targets
            log.append(contentsOf: diagnostics)
        }
        return rendered
    }
}
