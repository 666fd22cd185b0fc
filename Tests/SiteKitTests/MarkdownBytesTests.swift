import XCTest
@testable import SiteKit

/// A tree written as bytes reads back as the same tree, every kind of node with its positions.
final class MarkdownBytesTests: XCTestCase {
    func testEveryKindOfNodeReadsBackUnchanged() {
        var tree = Cmark.parse("""
            # Title

            > A *quote* with **strong**, `code`, <b>html</b>, [a link](https://example.org "T") and ![an image](i.png).\\
            After a hard break, and a soft
            one.

            1. first
            2. second

            ```swift
            let x = 1
            ```

            <div>block</div>

            ***

            Ünïcödé — 😀 text, 300 long: \(String(repeating: "x", count: 300))
            """)
        tree.children.append(MarkdownNode(.customBlock(enter: "<section>", exit: "</section>"),
                                          children: [MarkdownNode(.customInline(enter: "<span>", exit: "</span>"), children: [MarkdownNode(.text("t"))])]))
        let kinds = Set(kinds(in: tree))
        XCTAssertEqual(kinds.count, 20, "the tree holds every kind of node: \(kinds.sorted())")
        XCTAssertEqual(MarkdownBytes.decode(MarkdownBytes.encode(tree)), tree)
    }

    private func kinds(in node: MarkdownNode) -> [String] {
        [String(describing: node.kind).prefix { $0 != "(" }.description] + node.children.flatMap(kinds(in:))
    }
}
