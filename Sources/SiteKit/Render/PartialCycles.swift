/// Partials that include each other in a cycle, which would render without end: refused when
/// templates load.
enum PartialCycles {
    /// The first cycle found from each template in name order, as the names along it
    /// (`[a, b, a]`) and the tag in the first template that starts it; a template is reported in
    /// one cycle at most. `partials` holds each template's `{{> name}}` tags.
    static func find(in partials: [String: [CompiledTemplate.PartialTag]]) -> [(template: String, tag: CompiledTemplate.PartialTag, path: [String])] {
        var cycles: [(template: String, tag: CompiledTemplate.PartialTag, path: [String])] = []
        var reported: Set<String> = []
        for name in partials.keys.sorted() {
            for tag in partials[name]! {
                guard let path = pathBack(to: name, from: tag.name, partials: partials, seen: []) else { continue }
                let members = Set(path)
                guard reported.isDisjoint(with: members) else { continue }
                reported.formUnion(members)
                cycles.append((name, tag, [name] + path))
            }
        }
        return cycles
    }

    /// The partials from `current` that lead back to `start`, ending with `start`; nil if none do.
    private static func pathBack(to start: String, from current: String, partials: [String: [CompiledTemplate.PartialTag]],
                                 seen: Set<String>) -> [String]? {
        if current == start { return [start] }
        guard !seen.contains(current), let tags = partials[current] else { return nil }
        var seen = seen
        seen.insert(current)
        for tag in tags {
            if let rest = pathBack(to: start, from: tag.name, partials: partials, seen: seen) { return [current] + rest }
        }
        return nil
    }
}
