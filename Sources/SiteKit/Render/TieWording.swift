/// How a characterised tie is named wherever ties are listed. A tie the same both ways is named
/// by its category ("Strategic partnership"); a role names its holder and the other actor:
/// "Russia as China’s junior partner".
struct TieWording {
    let links: CrossLinks

    func label(_ edge: RelationEdge) -> String {
        let term = links.terms[edge.category]!.term
        guard let holder = edge.roleHolder else { return term }
        let other = holder == edge.actors.0 ? edge.actors.1 : edge.actors.0
        let otherName = links.actors[other]!.nameInText
        let possessive = otherName.hasSuffix("s") ? otherName + "’" : otherName + "’s"
        return "\(capitalized(links.actors[holder]!.nameInText)) as \(possessive) \(lowercased(term))"
    }

    /// The term as it reads inside a sentence: its first letter lowercased, unless the term
    /// starts with an abbreviation ("NATO ally").
    private func lowercased(_ term: String) -> String {
        guard let first = term.first, term.dropFirst().first?.isUppercase != true else { return term }
        return first.lowercased() + term.dropFirst()
    }

    /// A name at the start of the label: "the West" becomes "The West".
    private func capitalized(_ name: String) -> String {
        guard let first = name.first else { return name }
        return first.uppercased() + name.dropFirst()
    }
}
