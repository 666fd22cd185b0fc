import CCmark
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place that talks to libcmark. It owns every C pointer: documents are parsed into
/// `MarkdownNode` values, and values are turned back into a cmark tree only to be rendered.
public enum Cmark {
    /// Parses CommonMark, by default with smart punctuation. Nodes carry their source position.
    public static func parse(_ markdown: String, smart: Bool = true) -> MarkdownNode {
        let options = (smart ? CMARK_OPT_SMART : 0) | CMARK_OPT_SOURCEPOS
        var bytes = Array(markdown.utf8)
        let root: OpaquePointer? = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parse_document($0, buffer.count, options)
            }
        }
        guard let root else { return MarkdownNode(.document) }
        defer { cmark_node_free(root) }
        return value(of: root, depth: 0)
    }

    /// Deeper nesting than this (thousands of `>` or `*`) is cut off with a visible marker, so
    /// that no later walk over the tree can exhaust the stack.
    static let maximumDepth = 256

    /// Link and image URLs that could run code or smuggle content (`javascript:`, `vbscript:`,
    /// `data:`, `file:`) are emptied as the tree is read; cmark's safe mode alone lets `data:`
    /// images through.
    static func isUnsafe(_ url: String) -> Bool {
        // A URL that starts with an ASCII character, neither space nor tab (what trimming would
        // take off), whose lowercase starts none of the schemes, is safe: most URLs, told apart
        // without making a trimmed, lowercased copy of each.
        if let first = url.utf8.first, first < 0x80, first != 0x20, first != 0x09, !"jvdf".utf8.contains(first | 0x20) { return false }
        let lower = url.trimmingCharacters(in: .whitespaces).lowercased()
        return ["javascript:", "vbscript:", "data:", "file:"].contains { lower.hasPrefix($0) }
    }

    /// Renders a tree as HTML in cmark's safe mode (no CMARK_OPT_UNSAFE): raw HTML from content
    /// becomes a comment and `javascript:`-style URLs are dropped, while the generator's own
    /// `customBlock`/`customInline` markup is emitted verbatim.
    public static func renderHTML(_ node: MarkdownNode) -> String {
        renderHTML(node, unsafe: false)
    }

    /// `unsafe` exists only so the conformance test can show that safe mode is the one reason
    /// some spec examples render differently; pages never use it.
    static func renderHTML(_ node: MarkdownNode, unsafe: Bool) -> String {
        guard let root = makeNode(node) else { return "" }
        defer { cmark_node_free(root) }
        guard let html = cmark_render_html(root, unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    // MARK: - C tree → values

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func value(of node: OpaquePointer, depth: Int) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        if depth >= maximumDepth, child != nil {
            let marker = MarkdownNode(.text("[content nested more than \(maximumDepth) levels deep is omitted]"))
            children = [cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH || !isBlockType(node) ? marker : MarkdownNode(.paragraph, children: [marker])]
            child = nil
        }
        // Made at its final size, so that no array holds the spare room doubling leaves.
        var count = 0
        var sibling = child
        while let current = sibling {
            count += 1
            sibling = cmark_node_next(current)
        }
        children.reserveCapacity(count)
        while let current = child {
            children.append(value(of: current, depth: depth + 1))
            child = cmark_node_next(current)
        }
        let kind: MarkdownNode.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_DOCUMENT: kind = .document
        case CMARK_NODE_BLOCK_QUOTE: kind = .blockQuote
        case CMARK_NODE_LIST:
            kind = .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: kind = .item
        case CMARK_NODE_CODE_BLOCK:
            kind = .codeBlock(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_BLOCK: kind = .htmlBlock(string(cmark_node_get_literal(node)))
        case CMARK_NODE_CUSTOM_BLOCK:
            kind = .customBlock(enter: string(cmark_node_get_on_enter(node)), exit: string(cmark_node_get_on_exit(node)))
        case CMARK_NODE_PARAGRAPH: kind = .paragraph
        case CMARK_NODE_HEADING: kind = .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_THEMATIC_BREAK: kind = .thematicBreak
        case CMARK_NODE_TEXT: kind = .text(string(cmark_node_get_literal(node)))
        case CMARK_NODE_SOFTBREAK: kind = .softBreak
        case CMARK_NODE_LINEBREAK: kind = .lineBreak
        case CMARK_NODE_CODE: kind = .code(string(cmark_node_get_literal(node)))
        case CMARK_NODE_HTML_INLINE: kind = .htmlInline(string(cmark_node_get_literal(node)))
        case CMARK_NODE_CUSTOM_INLINE:
            kind = .customInline(enter: string(cmark_node_get_on_enter(node)), exit: string(cmark_node_get_on_exit(node)))
        case CMARK_NODE_EMPH: kind = .emphasis
        case CMARK_NODE_STRONG: kind = .strong
        case CMARK_NODE_LINK: kind = .link(url: safeURL(node), title: string(cmark_node_get_title(node)))
        case CMARK_NODE_IMAGE: kind = .image(url: safeURL(node), title: string(cmark_node_get_title(node)))
        default: kind = .text("")
        }
        return MarkdownNode(
            kind, children: children,
            line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)),
            endLine: Int(cmark_node_get_end_line(node)))
    }

    private static func safeURL(_ node: OpaquePointer) -> String {
        let url = string(cmark_node_get_url(node))
        return isUnsafe(url) ? "" : url
    }

    private static func isBlockType(_ node: OpaquePointer) -> Bool {
        let type = cmark_node_get_type(node)
        return type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue && type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue
    }

    // MARK: - values → C tree

    /// Hands cmark a text through `withCString`, which lends a native string's own bytes rather
    /// than copying them into a new array (`utf8CString`) as a `String` argument would.
    private static func set(_ node: OpaquePointer?, _ text: String, _ setter: (OpaquePointer?, UnsafePointer<CChar>?) -> Int32) {
        _ = text.withCString { setter(node, $0) }
    }

    private static func makeNode(_ value: MarkdownNode) -> OpaquePointer? {
        let node: OpaquePointer?
        switch value.kind {
        case .document: node = cmark_node_new(CMARK_NODE_DOCUMENT)
        case .blockQuote: node = cmark_node_new(CMARK_NODE_BLOCK_QUOTE)
        case .list(let ordered, let start, let tight):
            node = cmark_node_new(CMARK_NODE_LIST)
            cmark_node_set_list_type(node, ordered ? CMARK_ORDERED_LIST : CMARK_BULLET_LIST)
            cmark_node_set_list_start(node, Int32(start))
            cmark_node_set_list_tight(node, tight ? 1 : 0)
        case .item: node = cmark_node_new(CMARK_NODE_ITEM)
        case .codeBlock(let info, let literal):
            node = cmark_node_new(CMARK_NODE_CODE_BLOCK)
            set(node, info, cmark_node_set_fence_info)
            set(node, literal, cmark_node_set_literal)
        case .htmlBlock(let literal):
            node = cmark_node_new(CMARK_NODE_HTML_BLOCK)
            set(node, literal, cmark_node_set_literal)
        case .customBlock(let enter, let exit):
            node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
            set(node, enter, cmark_node_set_on_enter)
            set(node, exit, cmark_node_set_on_exit)
        case .paragraph: node = cmark_node_new(CMARK_NODE_PARAGRAPH)
        case .heading(let level):
            node = cmark_node_new(CMARK_NODE_HEADING)
            cmark_node_set_heading_level(node, Int32(level))
        case .thematicBreak: node = cmark_node_new(CMARK_NODE_THEMATIC_BREAK)
        case .text(let literal):
            node = cmark_node_new(CMARK_NODE_TEXT)
            set(node, literal, cmark_node_set_literal)
        case .softBreak: node = cmark_node_new(CMARK_NODE_SOFTBREAK)
        case .lineBreak: node = cmark_node_new(CMARK_NODE_LINEBREAK)
        case .code(let literal):
            node = cmark_node_new(CMARK_NODE_CODE)
            set(node, literal, cmark_node_set_literal)
        case .htmlInline(let literal):
            node = cmark_node_new(CMARK_NODE_HTML_INLINE)
            set(node, literal, cmark_node_set_literal)
        case .customInline(let enter, let exit):
            node = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
            set(node, enter, cmark_node_set_on_enter)
            set(node, exit, cmark_node_set_on_exit)
        case .emphasis: node = cmark_node_new(CMARK_NODE_EMPH)
        case .strong: node = cmark_node_new(CMARK_NODE_STRONG)
        case .link(let url, let title):
            node = cmark_node_new(CMARK_NODE_LINK)
            set(node, url, cmark_node_set_url)
            set(node, title, cmark_node_set_title)
        case .image(let url, let title):
            node = cmark_node_new(CMARK_NODE_IMAGE)
            set(node, url, cmark_node_set_url)
            set(node, title, cmark_node_set_title)
        }
        guard let node else { return nil }
        for child in value.children {
            // cmark refuses children a node cannot hold (e.g. a block inside a paragraph);
            // such a child is dropped rather than corrupting the tree.
            if let childNode = makeNode(child), cmark_node_append_child(node, childNode) == 0 {
                cmark_node_free(childNode)
            }
        }
        return node
    }
}
