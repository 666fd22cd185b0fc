/// Writing JSON by hand into a byte buffer, for the files the browser reads as scripts.
enum JSONString {
    /// A JSON string literal: quote, backslash and control characters escaped, all else as is.
    static func append(_ text: String, to bytes: inout [UInt8]) { append(utf8: text.utf8, to: &bytes) }

    /// The same for text in UTF-8.
    static func append<UTF8Text: Collection<UInt8>>(utf8 text: UTF8Text, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most text has nothing to escape and is copied whole.
        let copied = text.withContiguousStorageIfAvailable { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        } ?? false
        if !copied {
            for byte in text {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), byte])
                case 0x08: bytes.append(contentsOf: "\\b".utf8)
                case 0x0C: bytes.append(contentsOf: "\\f".utf8)
                case 0x0A: bytes.append(contentsOf: "\\n".utf8)
                case 0x0D: bytes.append(contentsOf: "\\r".utf8)
                case 0x09: bytes.append(contentsOf: "\\t".utf8)
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(contentsOf: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
