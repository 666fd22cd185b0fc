/// The pass that gathers what the scan found in each source into what pages list: every actor's
/// mentions and every term's uses in reading order, their excerpts (`ExcerptBook`), and each
/// source's places for marking up its text; the lists wait in the text store (`StoredList`).
enum GatherMentions {
    struct Gathered {
        var actorMentions: [ActorID: StoredList<Occurrence>]
        var termUses: [TermID: StoredList<Occurrence>]
        /// Each source's places, in paragraph order.
        var places: [SourceID: StoredList<MentionPlace>]
        var excerptBook: ExcerptBook
    }

    static func gather(_ mentions: consuming [ScanSources.Mentions], documents: [SourceDocument], targets: MentionTargets,
                       texts: TextStore) -> Gathered {
        let found = mentions.map { ($0.places, $0.excerpts) }, targetCount = targets.all.count
        // The book sorts excerpts into pieces on one core while the lists are made on the others.
        let excerptBook = Later { ExcerptBook.make(documents: documents, found: found, targetCount: targetCount, store: texts) }
        let termLists = Later { [mentions] in occurrences(of: targets.termNumbers, in: mentions) }
        let actorLists = occurrences(of: targets.actorNumbers, in: mentions)
        var gathered = Gathered(actorMentions: [:], termUses: [:], places: [:], excerptBook: excerptBook.value)
        // A list names the source of its first occurrence if it cannot be read back.
        let stored = { (list: [Occurrence]) in StoredList(list, file: documents[list[0].documentIndex].source.file, store: texts) }
        for (target, list) in zip(targets.all[targets.actorNumbers], actorLists) where !list.isEmpty {
            if case .actor(let id) = target { gathered.actorMentions[id] = stored(list) }
        }
        for (target, list) in zip(targets.all[targets.termNumbers], termLists.value) where !list.isEmpty {
            if case .term(let id) = target { gathered.termUses[id] = stored(list) }
        }
        for (document, found) in zip(documents, mentions) where !found.places.isEmpty {
            gathered.places[document.source.id] = StoredList(found.places, file: document.source.file, store: texts)
        }
        return gathered
    }

    /// Every occurrence of the targets numbered `targets`, a list per target in that order, each
    /// in reading order and made at its final size.
    private static func occurrences(of targets: Range<Int>, in mentions: [ScanSources.Mentions]) -> [[Occurrence]] {
        var counts = [Int](repeating: 0, count: targets.count)
        for place in mentions.lazy.flatMap(\.places) where targets.contains(Int(place.target)) {
            counts[Int(place.target) - targets.lowerBound] += 1
        }
        var lists = counts.map { count in
            var list: [Occurrence] = []
            list.reserveCapacity(count)
            return list
        }
        for (document, found) in mentions.enumerated() {
            for (place, excerpt) in zip(found.places, found.excerpts) where targets.contains(Int(place.target)) {
                lists[Int(place.target) - targets.lowerBound].append(Occurrence(document: document, paragraph: place.paragraph, excerpt: excerpt))
            }
        }
        return lists
    }
}
