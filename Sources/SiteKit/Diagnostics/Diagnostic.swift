/// A place in a file as the user named it (`content/actors/russia.md`), 1-based.
public struct SourceLocation: Hashable, Sendable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One problem found in the input, reported compiler-style so editors can jump to it.
public struct Diagnostic: Error, Hashable, Sendable, Comparable {
    public enum Severity: String, Sendable { case error, warning }

    public struct Note: Hashable, Sendable {
        public var location: SourceLocation
        public var message: String
        public init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String
    public var notes: [Note]

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
    }

    public static func error(_ location: SourceLocation, _ message: String, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.error, location, message, notes: notes)
    }

    public static func warning(_ location: SourceLocation, _ message: String, notes: [Note] = []) -> Diagnostic {
        Diagnostic(.warning, location, message, notes: notes)
    }

    /// Sorted by file, line, column; at one spot errors before warnings, then by text.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity == .error }
        return a.message < b.message
    }

    /// `file:line:col: error: message`, followed by one `note:` line per note.
    public var formatted: String {
        var lines = ["\(location.description): \(severity.rawValue): \(message)"]
        for note in notes {
            lines.append("\(note.location.description): note: \(note.message)")
        }
        return lines.joined(separator: "\n")
    }
}

/// Collects diagnostics across phases; every phase reports all it finds rather than stopping.
public struct DiagnosticLog: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func report(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    public mutating func error(_ location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []) {
        all.append(.error(location, message, notes: notes))
    }
    public mutating func warning(_ location: SourceLocation, _ message: String, notes: [Diagnostic.Note] = []) {
        all.append(.warning(location, message, notes: notes))
    }
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var sorted: [Diagnostic] { all.sorted() }
}
