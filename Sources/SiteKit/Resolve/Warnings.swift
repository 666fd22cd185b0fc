/// The last pass: warnings for content nobody reaches (an actor never mentioned nor referenced,
/// a term used nowhere, an event citing no passage).
enum Warnings {
    static func report(actors: [Actor], terms: [Term], events: [Event], mentions: GatherMentions.Gathered,
                       referenced: Set<LinkTarget>, log: inout DiagnosticLog) {
        for actor in actors where mentions.actorMentions[actor.id] == nil && !referenced.contains(.actor(actor.id)) {
            log.warning(SourceLocation(file: actor.file, line: 1, column: 1), "actor '\(actor.id.raw)' is never mentioned in a source nor referenced")
        }
        for term in terms where mentions.termUses[term.id] == nil && !referenced.contains(.term(term.id)) {
            log.warning(SourceLocation(file: term.file, line: 1, column: 1), "term '\(term.id.raw)' is used nowhere: no source uses an alias and nothing refers to it")
        }
        for event in events where event.passages.isEmpty {
            log.warning(SourceLocation(file: event.file, line: 1, column: 1), "event '\(event.id.raw)' cites no passage")
        }
    }
}
