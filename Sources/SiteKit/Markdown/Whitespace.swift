// Foundation's `trimmingCharacters(in:)` bridges the whole string to NSString (UTF-16) on Linux,
// which made blank checks on whole files one of the costliest steps of a build.
extension StringProtocol {
    /// Nothing but white space and line breaks (or nothing at all).
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// Runs of spaces and line feeds as one space, none at either end: text on one line.
    var collapsingSpaces: String { String(collapsingSpacesIn: utf8) }

    /// UTF-8 text, with its spaces collapsed as `collapsingSpaces` does.
    init<Bytes: Sequence<UInt8>>(collapsingSpacesIn utf8: Bytes) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.underestimatedCount)
        Self.appendCollapsingSpaces(utf8, to: &bytes)
        self = String(decoding: bytes, as: UTF8.self)
    }

    /// Appends UTF-8 text with its spaces collapsed. Works on bytes, as splitting into grapheme
    /// clusters was a large share of building excerpts and the search index.
    static func appendCollapsingSpaces<Bytes: Sequence<UInt8>>(_ utf8: Bytes, to bytes: inout [UInt8]) {
        let start = bytes.count
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || byte == 0x0A {
                pendingSpace = bytes.count > start
            } else {
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(byte)
            }
        }
    }
}
