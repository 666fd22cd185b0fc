/// Escaping for the few attribute values the generator writes into custom cmark nodes.
enum HTML {
    /// `&`, `<`, `>`, `"` and `'` as entities. Works on UTF-8 bytes (all five are ASCII) and
    /// returns the text itself when there is nothing to escape, the usual case.
    static func escape(_ text: String) -> String {
        let isSpecial = { (byte: UInt8) in byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27 }
        // Scanned as one buffer: through the `UTF8View` iterator the scan was a visible share of
        // rendering an actor page, whose every excerpt passes through here.
        let hasSpecial = text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isSpecial) } ?? text.utf8.contains(where: isSpecial)
        guard hasSpecial else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

import Foundation
