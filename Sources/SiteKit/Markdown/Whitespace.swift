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
