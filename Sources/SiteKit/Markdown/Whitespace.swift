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
    /// Runs of spaces and line feeds as one space, none at either end: text on one line. Works
    /// on bytes, since no grapheme cluster is needed to find spaces. (`SourceText` collapses a
    /// source's paragraphs by the same rule, keeping offsets.)
    var collapsingSpaces: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || byte == 0x0A {
                pendingSpace = !bytes.isEmpty
            } else {
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
