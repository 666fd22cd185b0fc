/// A parsed tree written as bytes and read back as the same tree, so that a source parsed once
/// can wait for its page outside memory (`StoredTree`). The bytes are only ever read by the
/// build that wrote them: the layout is private and may change with any version.
enum MarkdownBytes {
    static func encode(_ node: MarkdownNode) -> [UInt8] {
        var writer = Writer()
        writer.node(node)
        return writer.bytes
    }

    /// The tree `encode` wrote into `bytes`.
    static func decode(_ bytes: [UInt8]) -> MarkdownNode {
        var reader = Reader(bytes: bytes)
        return reader.node()
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func number(_ value: Int) {
            var rest = UInt(bitPattern: value)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func string(_ value: String) {
            number(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }

        mutating func node(_ node: MarkdownNode) {
            switch node.kind {
            case .document: number(0)
            case .blockQuote: number(1)
            case .list(let ordered, let start, let tight): number(2); number(ordered ? 1 : 0); number(start); number(tight ? 1 : 0)
            case .item: number(3)
            case .codeBlock(let info, let literal): number(4); string(info); string(literal)
            case .htmlBlock(let html): number(5); string(html)
            case .customBlock(let enter, let exit): number(6); string(enter); string(exit)
            case .paragraph: number(7)
            case .heading(let level): number(8); number(level)
            case .thematicBreak: number(9)
            case .text(let text): number(10); string(text)
            case .softBreak: number(11)
            case .lineBreak: number(12)
            case .code(let code): number(13); string(code)
            case .htmlInline(let html): number(14); string(html)
            case .customInline(let enter, let exit): number(15); string(enter); string(exit)
            case .emphasis: number(16)
            case .strong: number(17)
            case .link(let url, let title): number(18); string(url); string(title)
            case .image(let url, let title): number(19); string(url); string(title)
            }
            number(node.line)
            number(node.column)
            number(node.endLine)
            number(node.children.count)
            for child in node.children { self.node(child) }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func number() -> Int {
            var value: UInt = 0, shift: UInt = 0
            while true {
                let byte = bytes[index]
                index += 1
                value |= UInt(byte & 0x7F) << shift
                if byte < 0x80 { return Int(bitPattern: value) }
                shift += 7
            }
        }

        mutating func string() -> String {
            let count = number()
            defer { index += count }
            return String(decoding: bytes[index..<(index + count)], as: UTF8.self)
        }

        mutating func kind() -> MarkdownNode.Kind {
            switch number() {
            case 0: .document
            case 1: .blockQuote
            case 2: .list(ordered: number() == 1, start: number(), tight: number() == 1)
            case 3: .item
            case 4: .codeBlock(info: string(), literal: string())
            case 5: .htmlBlock(string())
            case 6: .customBlock(enter: string(), exit: string())
            case 7: .paragraph
            case 8: .heading(level: number())
            case 9: .thematicBreak
            case 10: .text(string())
            case 11: .softBreak
            case 12: .lineBreak
            case 13: .code(string())
            case 14: .htmlInline(string())
            case 15: .customInline(enter: string(), exit: string())
            case 16: .emphasis
            case 17: .strong
            case 18: .link(url: string(), title: string())
            case 19: .image(url: string(), title: string())
            case let tag: preconditionFailure("unknown node tag \(tag)")
            }
        }

        mutating func node() -> MarkdownNode {
            let kind = kind()
            let line = number(), column = number(), endLine = number()
            let children = (0..<number()).map { _ in node() }
            return MarkdownNode(kind, children: children, line: line, column: column, endLine: endLine)
        }
    }
}
