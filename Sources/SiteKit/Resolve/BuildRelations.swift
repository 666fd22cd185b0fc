/// The pass that turns each placed annotation with a `relation` into an edge between two actors,
/// ordered by the actors' ids, the source's date and id, and the paragraph.
enum BuildRelations {
    static func build(_ placed: [SourceID: [PlacedAnnotation]], in index: CrossLinks) -> [RelationEdge] {
        var relations: [RelationEdge] = []
        for (source, list) in placed {
            for item in list {
                guard let relation = item.relation, relation.between.count == 2 else { continue }
                let a = ActorID(relation.between[0]), b = ActorID(relation.between[1])
                let category = TermID(relation.category)
                guard index.actors[a] != nil, index.actors[b] != nil, index.terms[category] != nil, a != b else { continue }
                let holder = relation.roleOf.map(ActorID.init)
                if let holder, holder != a, holder != b { continue }
                relations.append(RelationEdge(actors: a < b ? (a, b) : (b, a), category: category, roleHolder: holder,
                                              passage: PassageRef(source: source, paragraph: item.anchor.paragraph), annotationName: item.name))
            }
        }
        // Each edge's key is worked out once, ids replaced by their rank in id order, rather than
        // compared and looked up again in every comparison of the sort.
        let actorRank = Dictionary(uniqueKeysWithValues: index.actors.keys.sorted().enumerated().map { ($1, $0) })
        let sourceRank = Dictionary(uniqueKeysWithValues: index.documents.keys.sorted().enumerated().map { ($1, $0) })
        let keys = relations.map { edge in
            (actorRank[edge.actors.0]!, actorRank[edge.actors.1]!, index.documents[edge.passage.source]!.source.date,
             sourceRank[edge.passage.source]!, edge.passage.paragraph)
        }
        return relations.indices.sorted { keys[$0] < keys[$1] }.map { relations[$0] }
    }
}
