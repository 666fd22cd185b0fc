import Foundation

/// Turns file bytes into text the way an editor shows it: UTF-8 only, a leading byte-order mark
/// dropped, CRLF and lone CR read as LF (so line numbers stay the editor's).
enum TextDecoding {
    static func decode(_ bytes: [UInt8], file: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The standard library validates fastest; the exact position is sought only on failure.
        if let text = String(validating: body, as: UTF8.self) {
            // Looking for CR in the bytes, not the Characters: no grapheme breaking of the file.
            // `memchr` reads many bytes at a time; `contains` read one at a time, over every file
            // of a build and every source read again after it.
            let hasCR = body.withUnsafeBytes { bytes in bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false }
            guard hasCR else { return .success(text) }
            return .success(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        }
        if let offset = firstInvalidUTF8Offset(body) {
            let before = body.prefix(offset - body.startIndex)
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? body.startIndex
            let column = String(decoding: body[lineStart..<offset], as: UTF8.self).unicodeScalars.count + 1
            return .failure(.error(
                SourceLocation(file: file, line: line, column: column),
                "invalid UTF-8 at byte offset \(offset); save the file as UTF-8"))
        }
        // Not reached: what the standard library refuses, the search above finds.
        return .success(String(decoding: body, as: UTF8.self))
    }

    /// Byte offset (in the original array) of the first byte that starts no valid UTF-8 sequence.
    private static func firstInvalidUTF8Offset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.endIndex { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length == 3 {
                let b1 = bytes[i + 1]
                if (b == 0xE0 && b1 < 0xA0) || (b == 0xED && b1 > 0x9F) { return i }
            } else if length == 4 {
                let b1 = bytes[i + 1]
                if (b == 0xF0 && b1 < 0x90) || (b == 0xF4 && b1 > 0x8F) { return i }
            }
            i += length
        }
        return nil
    }
}
