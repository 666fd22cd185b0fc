/// The simple pipe-table form (`| a | b |` / `| --- | --- |` / rows), which core CommonMark
/// parses as a paragraph. Such paragraphs are rebuilt as custom block nodes, so the table's HTML
/// comes from the generator while each cell's text is still CommonMark.
enum PipeTable {
    enum Alignment { case none, left, center, right }

    /// Replaces every top-level paragraph of `document` that is a pipe table. `lines` are the
    /// lines of the Markdown the document was parsed from.
    static func convertTables(in document: MarkdownNode, lines: [Substring]) -> MarkdownNode {
        var document = document
        document.children = document.children.map { block in
            guard block.kind == .paragraph, block.line >= 1, block.endLine <= lines.count,
                  let table = table(from: lines[(block.line - 1)..<block.endLine], line: block.line, column: block.column)
            else { return block }
            return table
        }
        return document
    }

    static func table(from lines: ArraySlice<Substring>, line: Int, column: Int) -> MarkdownNode? {
        // Most blocks are prose: a first line that does not start with `|` ends the check at once.
        guard lines.first?.trimmingSpaces.hasPrefix("|") == true else { return nil }
        let rows = lines.map(\.trimmingSpaces)
        guard rows.count >= 2, rows.allSatisfy({ $0.hasPrefix("|") && $0.hasSuffix("|") && $0.count >= 2 }) else { return nil }
        let delimiter = cells(rows[1])
        guard !delimiter.isEmpty, let alignments = alignments(delimiter) else { return nil }
        let header = cells(rows[0])
        guard header.count == alignments.count else { return nil }
        func row(_ texts: [String], header: Bool) -> MarkdownNode {
            var cellNodes: [MarkdownNode] = []
            for (i, alignment) in alignments.enumerated() {
                let text = i < texts.count ? texts[i] : ""
                let tag = header ? "th" : "td"
                let scope = header ? " scope=\"col\"" : ""
                let align: String
                switch alignment {
                case .none: align = ""
                case .left: align = " class=\"align-left\""
                case .center: align = " class=\"align-center\""
                case .right: align = " class=\"align-right\""
                }
                let inlines = Cmark.parse(text).children.first?.children ?? []
                cellNodes.append(MarkdownNode(.customBlock(enter: "<\(tag)\(scope)\(align)>", exit: "</\(tag)>"),
                                              children: [MarkdownNode(.paragraph, children: inlines)]))
            }
            return MarkdownNode(.customBlock(enter: "<tr>", exit: "</tr>"), children: cellNodes)
        }
        let head = MarkdownNode(.customBlock(enter: "<thead>", exit: "</thead>"), children: [row(header, header: true)])
        let body = MarkdownNode(.customBlock(enter: "<tbody>", exit: "</tbody>"),
                                children: rows.dropFirst(2).map { row(cells($0), header: false) })
        return MarkdownNode(.customBlock(enter: "<div class=\"table-wrap\"><table>", exit: "</table></div>"),
                            children: [head, body], line: line, column: column, endLine: line + rows.count - 1)
    }

    /// The cells of `| a | b \| c |`: split on unescaped pipes, trimmed; `\|` stays a pipe.
    static func cells(_ row: String) -> [String] {
        var inner = Substring(row)
        inner.removeFirst()
        inner.removeLast()
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in inner {
            if escaped {
                current.append(ch == "|" ? "|" : "\\" + String(ch))
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                cells.append(current.trimmingSpaces)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current.trimmingSpaces)
        return cells
    }

    private static func alignments(_ delimiter: [String]) -> [Alignment]? {
        var result: [Alignment] = []
        for cell in delimiter {
            let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
            let dashes = cell.drop(while: { $0 == ":" }).reversed().drop(while: { $0 == ":" })
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            result.append(left && right ? .center : right ? .right : left ? .left : .none)
        }
        return result
    }
}

import Foundation
