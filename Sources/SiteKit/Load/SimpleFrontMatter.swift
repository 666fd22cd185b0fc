/// Reads the front matter most content files have without Yams, whose composing was three
/// quarters of reading a file's front matter (3.3% of a 1,000-source build in `perf`).
///
/// It takes one `key: value` per line; a value is a double-quoted string (escaping only `\"` and
/// `\\`), a plain word or phrase of ASCII letters, digits, spaces and `_ . / + ( ) -`, or a
/// one-line list `[a, "b c"]` of those; a key with nothing after it opens a mapping of such lines
/// indented below it. Anything else (comments, other quotes or escapes, block lists, a value
/// over several lines, a repeated key) gives nil and the text is read by Yams instead, so what
/// is accepted is read exactly as Yams reads it: `SimpleFrontMatterTests` and the front-matter
/// fuzz target check that both give the same value.
enum SimpleFrontMatter {
    static func parse(_ yaml: String) -> FrontMatterValue? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            LineReader(bytes: bytes).document()
        }
    }

    typealias Position = FrontMatterValue.Position

    private struct LineReader {
        let bytes: UnsafeBufferPointer<UInt8>
        /// Byte ranges of the lines, without their line breaks.
        let lines: [Range<Int>]

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            var lines: [Range<Int>] = []
            var start = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
                lines.append(start..<index)
                start = index + 1
            }
            lines.append(start..<bytes.count)
            self.lines = lines
        }

        /// The top-level mapping, or nil when the text is not in the subset (or holds no key).
        func document() -> FrontMatterValue? {
            var pairs: [FrontMatterValue.Pair] = []
            var next = 0
            while next < lines.count {
                let number = next + 1
                let line = lines[next]
                next += 1
                if isBlank(line) { continue }
                // An indented line here would continue a value or nest under one: not in the subset.
                guard bytes[line.lowerBound] != UInt8(ascii: " "),
                      let (key, afterColon) = key(in: line, number: number) else { return nil }
                let value: FrontMatterValue
                if isBlank(afterColon..<line.upperBound) {
                    guard let (mapping, after) = nestedMapping(from: next) else { return nil }
                    value = mapping
                    next = after
                } else {
                    guard let inline = inlineValue(in: afterColon..<line.upperBound, number: number) else { return nil }
                    value = inline
                }
                guard add(FrontMatterValue.Pair(key: key, value: value), to: &pairs) else { return nil }
            }
            guard let first = pairs.first else { return nil }
            return .mapping(pairs, at: first.key.position)
        }

        /// The indented `key: value` lines from line index `start`, all at one indentation, and
        /// the index of the first line after them.
        private func nestedMapping(from start: Int) -> (FrontMatterValue, Int)? {
            var pairs: [FrontMatterValue.Pair] = []
            var indent: Int?
            var next = start
            while next < lines.count {
                let number = next + 1
                let line = lines[next]
                if isBlank(line) {
                    next += 1
                    continue
                }
                let offset = skipSpaces(from: line.lowerBound, to: line.upperBound)
                if offset == line.lowerBound { break }
                guard indent == nil || indent == offset - line.lowerBound else { return nil }
                indent = offset - line.lowerBound
                next += 1
                guard let (key, afterColon) = key(in: offset..<line.upperBound, number: number),
                      !isBlank(afterColon..<line.upperBound),
                      let value = inlineValue(in: afterColon..<line.upperBound, number: number),
                      add(FrontMatterValue.Pair(key: key, value: value), to: &pairs) else { return nil }
            }
            guard let first = pairs.first else { return nil }
            return (.mapping(pairs, at: first.key.position), next)
        }

        /// Yams refuses a mapping with a repeated key, with its own message; that is left to it.
        private func add(_ pair: FrontMatterValue.Pair, to pairs: inout [FrontMatterValue.Pair]) -> Bool {
            guard case .scalar(let key) = pair.key,
                  !pairs.contains(where: { if case .scalar(let other) = $0.key { other.text == key.text } else { false } })
            else { return false }
            pairs.append(pair)
            return true
        }

        /// A key of ASCII letters, digits, `_` and `-` starting the range, its colon, and where
        /// the text after the colon starts (which must be a space or the line's end).
        private func key(in line: Range<Int>, number: Int) -> (FrontMatterValue, Int)? {
            var index = line.lowerBound
            guard index < line.upperBound, isLetter(bytes[index]) || bytes[index] == UInt8(ascii: "_") else { return nil }
            while index < line.upperBound, isKeyByte(bytes[index]) { index += 1 }
            // libyaml takes a key of 1,024 characters or more for an error.
            guard index < line.upperBound, bytes[index] == UInt8(ascii: ":"), index - line.lowerBound < 256 else { return nil }
            let afterColon = index + 1
            guard afterColon == line.upperBound || bytes[afterColon] == UInt8(ascii: " ") else { return nil }
            let text = String(decoding: bytes[line.lowerBound..<index], as: UTF8.self)
            let position = Position(line: number, column: column(of: line.lowerBound, line: number))
            // No boolean: Yams's check for repeated keys resolves every key's tag to `str`.
            return (.scalar(.init(text: text, plain: true, bool: nil, position: position)), afterColon)
        }

        /// A value after `key: `: a quoted string, a one-line list or a plain phrase, then only spaces.
        private func inlineValue(in range: Range<Int>, number: Int) -> FrontMatterValue? {
            var index = skipSpaces(from: range.lowerBound, to: range.upperBound)
            guard index < range.upperBound else { return nil }
            let value: FrontMatterValue
            switch bytes[index] {
            case UInt8(ascii: "\""):
                guard let (quoted, end) = quoted(from: index, to: range.upperBound, number: number) else { return nil }
                value = quoted
                index = end
            case UInt8(ascii: "["):
                guard let (list, end) = list(from: index, to: range.upperBound, number: number) else { return nil }
                value = list
                index = end
            default:
                guard let (plain, end) = plain(from: index, to: range.upperBound, number: number, inList: false) else { return nil }
                value = plain
                index = end
            }
            return skipSpaces(from: index, to: range.upperBound) == range.upperBound ? value : nil
        }

        /// `[item, item]` on one line; each item a quoted string or a plain phrase.
        private func list(from open: Int, to end: Int, number: Int) -> (FrontMatterValue, Int)? {
            var items: [FrontMatterValue] = []
            var index = skipSpaces(from: open + 1, to: end)
            guard index < end else { return nil }
            if bytes[index] != UInt8(ascii: "]") {
                while true {
                    guard index < end else { return nil }
                    let found = bytes[index] == UInt8(ascii: "\"")
                        ? quoted(from: index, to: end, number: number)
                        : plain(from: index, to: end, number: number, inList: true)
                    guard let (item, after) = found else { return nil }
                    items.append(item)
                    index = skipSpaces(from: after, to: end)
                    guard index < end else { return nil }
                    if bytes[index] == UInt8(ascii: "]") { break }
                    guard bytes[index] == UInt8(ascii: ",") else { return nil }
                    index = skipSpaces(from: index + 1, to: end)
                }
            }
            return (.sequence(items, at: Position(line: number, column: column(of: open, line: number))), index + 1)
        }

        /// A plain phrase: it starts with a letter or digit and ends before trailing spaces (in a
        /// list, before the `,` or `]` that ends the item).
        private func plain(from start: Int, to end: Int, number: Int, inList: Bool) -> (FrontMatterValue, Int)? {
            guard start < end, isLetter(bytes[start]) || isDigit(bytes[start]) else { return nil }
            var index = start
            var last = start
            while index < end {
                let byte = bytes[index]
                if inList && (byte == UInt8(ascii: ",") || byte == UInt8(ascii: "]")) { break }
                guard byte == UInt8(ascii: " ") || isPlainByte(byte) else { return nil }
                index += 1
                if byte != UInt8(ascii: " ") { last = index }
            }
            let text = String(decoding: bytes[start..<last], as: UTF8.self)
            let position = Position(line: number, column: column(of: start, line: number))
            return (.scalar(.init(text: text, plain: true, bool: plainBool(text), position: position)), last)
        }

        /// A double-quoted string closed on the same line, and the index after its closing quote.
        private func quoted(from open: Int, to end: Int, number: Int) -> (FrontMatterValue, Int)? {
            var text: [UInt8] = []
            var index = open + 1
            var escaped = false
            while index < end {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    let string = escaped ? String(decoding: text, as: UTF8.self) : String(decoding: bytes[(open + 1)..<index], as: UTF8.self)
                    let position = Position(line: number, column: column(of: open, line: number))
                    return (.scalar(.init(text: string, plain: false, bool: nil, position: position)), index + 1)
                case UInt8(ascii: "\\"):
                    guard index + 1 < end, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\") else { return nil }
                    if !escaped {
                        text.append(contentsOf: bytes[(open + 1)..<index])
                        escaped = true
                    }
                    text.append(bytes[index + 1])
                    index += 2
                default:
                    let width = printableWidth(at: index, end: end)
                    guard width > 0 else { return nil }
                    if escaped { text.append(contentsOf: bytes[index..<(index + width)]) }
                    index += width
                }
            }
            return nil
        }

        /// The length of the UTF-8 character at `index` if libyaml takes it inside a quoted string
        /// on one line (printable and not a line break), else 0.
        private func printableWidth(at index: Int, end: Int) -> Int {
            let lead = bytes[index]
            if lead < 0x80 { return lead >= 0x20 && lead != 0x7F ? 1 : 0 }
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard index + width <= end else { return 0 }
            var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for offset in 1..<width { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
            switch value {
            case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: return 0
            default: return width
            }
        }

        /// `Bool.construct` on an untagged plain scalar.
        private func plainBool(_ text: String) -> Bool? {
            switch text.lowercased() {
            case "true", "yes", "on": true
            case "false", "no", "off": false
            default: nil
            }
        }

        /// The column of a byte of line `number` (from 1), counted in Unicode scalars as libyaml does.
        private func column(of index: Int, line number: Int) -> Int {
            var column = 1
            for offset in lines[number - 1].lowerBound..<index where bytes[offset] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        private func skipSpaces(from start: Int, to end: Int) -> Int {
            var index = start
            while index < end, bytes[index] == UInt8(ascii: " ") { index += 1 }
            return index
        }

        private func isBlank(_ range: Range<Int>) -> Bool { range.allSatisfy { bytes[$0] == UInt8(ascii: " ") } }

        private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        private func isKeyByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        private func isPlainByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "+"), UInt8(ascii: "("), UInt8(ascii: ")"): true
            default: isKeyByte(byte)
            }
        }
    }
}
