/// Escaping for the few attribute values the generator writes into custom cmark nodes.
enum HTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// The first sentence of a Markdown body as plain text, for link titles and summaries.
    static func firstSentence(of node: MarkdownNode, limit: Int = 200) -> String {
        let paragraph = node.children.first { $0.kind == .paragraph } ?? node
        let text = paragraph.plainText.collapsingSpaces
        var sentence = text
        if let end = text.range(of: ". ") { sentence = String(text[..<end.lowerBound]) + "." }
        if sentence.count > limit { sentence = String(sentence.prefix(limit - 1)) + "…" }
        return sentence
    }
}

import Foundation
