/// Short plain texts for link previews and excerpts: cut at a word, never inside one.
enum PreviewText {
    /// Openings that say where a text's knowledge comes from rather than what it says; a preview
    /// starts after them.
    static let boilerplate = ["Outside the sources:"]

    /// The first sentence of a Markdown body's first paragraph, without a boilerplate opening,
    /// at most `limit` characters.
    static func firstSentence(of node: MarkdownNode, limit: Int = 220) -> String {
        let paragraph = node.children.first { $0.kind == .paragraph } ?? node
        return firstSentence(of: paragraph.plainText.collapsingSpaces, limit: limit)
    }

    static func firstSentence(of text: String, limit: Int = 220) -> String {
        var text = Substring(text)
        for opening in boilerplate where text.hasPrefix(opening) {
            text = text.dropFirst(opening.count).drop { $0 == " " }
            if let letter = text.firstIndex(where: \.isLetter) {
                text = Substring(text[..<letter] + text[letter].uppercased() + text[text.index(after: letter)...])
            }
        }
        return cut(String(text[..<sentenceEnd(in: text)]), limit: limit)
    }

    /// The first `count` words, joined by one space, with "…" when there were more. Words lie
    /// between spaces (U+0020), split in the UTF-8 bytes rather than as Characters, which would
    /// break the whole text into graphemes first; so a space before a combining mark splits too.
    static func firstWords(of text: String, count: Int) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Split no further than needed: one piece past `count` holds the rest, if any.
            let words = bytes.split(separator: UInt8(ascii: " "), maxSplits: count, omittingEmptySubsequences: true)
            var head: [UInt8] = []
            for word in words.prefix(count) {
                if !head.isEmpty { head.append(UInt8(ascii: " ")) }
                head += word
            }
            let joined = String(decoding: head, as: UTF8.self)
            return words.count > count ? trimmedForEllipsis(joined) + "…" : joined
        }
    }

    /// At most `limit` characters, cut after the last whole word that fits, with "…" when cut.
    static func cut(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit)
        guard let space = head.lastIndex(of: " ") else { return String(head.dropLast()) + "…" }
        return trimmedForEllipsis(String(head[..<space])) + "…"
    }

    /// Where the first sentence ends: after a full stop, question or exclamation mark followed by
    /// a space and a capital, unless the stop ends an abbreviation ("U.S.", "e.g.", "Mr.").
    private static func sentenceEnd(in text: Substring) -> Substring.Index {
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if ".?!".contains(text[index]), next < text.endIndex, text[next] == " " {
                let after = text[text.index(after: next)...].first
                let word = text[..<index].split(separator: " ").last ?? ""
                let abbreviation = text[index] == "." && (word.contains(".") || ["Mr", "Mrs", "Ms", "Dr", "St", "No"].contains(word))
                if after?.isUppercase == true, !abbreviation { return next }
            }
            index = next
        }
        return text.endIndex
    }

    /// Without the punctuation and spaces at its end, which would stand before the "…". Each of
    /// them is one scalar, so they are dropped scalar by scalar.
    private static func trimmedForEllipsis(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last, ",;:—–- ".unicodeScalars.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
