/// An id of one kind of content. Distinct types per kind make a mixed-up reference
/// (an actor id where a term id belongs) a compile error.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let raw: String
    public init(_ raw: String) { self.raw = raw }
    public var description: String { raw }
    public static func < (a: Self, b: Self) -> Bool { a.raw < b.raw }

    /// Ids are file names: lowercase ASCII letters, digits and '-', not starting or ending with '-'.
    public static func isValid(_ raw: String) -> Bool {
        !raw.isEmpty && raw.first != "-" && raw.last != "-"
            && raw.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

public enum SourceKind {}
public enum ActorKind {}
public enum TermKind {}
public enum EventKind {}
public enum AnnotationKind {}

public typealias SourceID = Identifier<SourceKind>
public typealias ActorID = Identifier<ActorKind>
public typealias TermID = Identifier<TermKind>
public typealias EventID = Identifier<EventKind>
/// An annotation's file name, unique within its source.
public typealias AnnotationName = Identifier<AnnotationKind>

/// A paragraph of a source, `memri-2019#p12`.
public struct PassageRef: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var source: SourceID
    public var paragraph: Int

    public init(source: SourceID, paragraph: Int) {
        self.source = source
        self.paragraph = paragraph
    }

    /// Parses `source-id#pN`.
    public init?(_ text: String) {
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, SourceID.isValid(String(parts[0])), parts[1].first == "p",
              let n = Int(parts[1].dropFirst()), n > 0, String(n) == parts[1].dropFirst() else { return nil }
        self.source = SourceID(String(parts[0]))
        self.paragraph = n
    }

    public var description: String { "\(source.raw)#p\(paragraph)" }
    public static func < (a: Self, b: Self) -> Bool { (a.source, a.paragraph) < (b.source, b.paragraph) }
}
