/// Text folded for matching a reviewer's quote against a source: runs of white space become one
/// space, typographic quotes and apostrophes become straight ones, every dash becomes '-', and
/// '…' becomes '...'. Each folded scalar remembers the range of original scalars it came from,
/// so a match can be mapped back onto the source.
public struct NormalizedText: Sendable {
    public private(set) var scalars: [Unicode.Scalar] = []
    /// For each folded scalar, the offset of its first original scalar. 32 bits, as a folded
    /// paragraph keeps two offsets per scalar and no file may exceed 8 MiB.
    private var starts: [Int32] = []
    /// For each folded scalar, the offset just past its last original scalar.
    private var ends: [Int32] = []

    public init(_ text: String) {
        self.init(scalars: text.unicodeScalars)
    }

    public init<Scalars: Collection<Unicode.Scalar>>(scalars text: Scalars) {
        // Written through pointers into arrays made at the largest size the result can have (each
        // '…' becomes three scalars), then cut to what was written, so that no append checks
        // capacity and uniqueness at every scalar.
        var capacity = 0
        for scalar in text { capacity += scalar == "\u{2026}" ? 3 : 1 }
        var folded = [Unicode.Scalar](repeating: " ", count: capacity)
        var starts = [Int32](repeating: 0, count: capacity)
        var ends = [Int32](repeating: 0, count: capacity)
        var count = 0
        folded.withUnsafeMutableBufferPointer { folded in
            starts.withUnsafeMutableBufferPointer { starts in
                ends.withUnsafeMutableBufferPointer { ends in
                    func append(_ scalar: Unicode.Scalar, _ start: Int, _ end: Int) {
                        folded[count] = scalar
                        starts[count] = Int32(truncatingIfNeeded: start)
                        ends[count] = Int32(truncatingIfNeeded: end)
                        count += 1
                    }
                    var offset = 0
                    var pendingSpace: (start: Int, end: Int)?
                    for scalar in text {
                        defer { offset += 1 }
                        if Self.isSpace(scalar) {
                            if let pending = pendingSpace { pendingSpace = (pending.start, offset + 1) } else { pendingSpace = (offset, offset + 1) }
                            continue
                        }
                        if let pending = pendingSpace {
                            if count > 0 { append(" ", pending.start, pending.end) }
                            pendingSpace = nil
                        }
                        if scalar == "\u{2026}" {
                            for _ in 0..<3 { append(".", offset, offset + 1) }
                        } else {
                            append(Self.fold(scalar), offset, offset + 1)
                        }
                    }
                }
            }
        }
        folded.removeLast(capacity - count)
        starts.removeLast(capacity - count)
        ends.removeLast(capacity - count)
        scalars = folded
        self.starts = starts
        self.ends = ends
    }

    /// The original-scalar range covered by folded scalars `range`.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        Int(starts[range.lowerBound])..<Int(ends[range.upperBound - 1])
    }

    public var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    // Both decide ASCII, most of any text, with one comparison before the list of exceptions.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == " " || s == "\n" || s == "\t" || s == "\r" }
        return s == "\u{A0}" || s == "\u{202F}" || s == "\u{2009}"
    }

    static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.isASCII { return s == "`" ? "'" : s }
        switch s {
        case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`", "\u{00B4}": return "'"
        case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": return "\""
        case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return "-"
        default: return s
        }
    }

    /// Folds a quote typed by a reviewer, dropping leading and trailing space.
    public static func query(_ text: String) -> [Unicode.Scalar] {
        var folded = NormalizedText(text).scalars
        while folded.last == " " { folded.removeLast() }
        return folded
    }
}
