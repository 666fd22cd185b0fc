extension CrossLinks {
    /// The links of a resolved site, to rewrite bodies as its pages show them.
    init(site: ResolvedSite) {
        self.init(actors: Dictionary(uniqueKeysWithValues: site.actors.map { ($0.id, $0) }),
                  terms: Dictionary(uniqueKeysWithValues: site.terms.map { ($0.id, $0) }),
                  events: Dictionary(uniqueKeysWithValues: site.events.map { ($0.id, $0) }),
                  documents: Dictionary(uniqueKeysWithValues: site.documents.map { ($0.source.id, $0) }))
    }
}
