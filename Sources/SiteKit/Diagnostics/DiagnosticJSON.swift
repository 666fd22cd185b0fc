import Foundation

/// Diagnostics as JSON for editors and CI:
/// `{"diagnostics":[{"file":…,"line":…,"column":…,"severity":…,"message":…,"notes":[{"file","line","column","message"}]}],"errors":N,"warnings":N}`.
public enum DiagnosticJSON {
    private struct Document: Encodable {
        var diagnostics: [Entry]
        var errors: Int
        var warnings: Int
    }

    private struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var notes: [Note]
    }

    private struct Note: Encodable {
        var file: String
        var line: Int
        var column: Int
        var message: String
    }

    public static func encode(_ diagnostics: [Diagnostic]) -> String {
        let entries = diagnostics.map { d in
            Entry(file: d.location.file, line: d.location.line, column: d.location.column, severity: d.severity.rawValue,
                  message: d.message, notes: d.notes.map { Note(file: $0.location.file, line: $0.location.line, column: $0.location.column, message: $0.message) })
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(diagnostics: entries, errors: errors, warnings: diagnostics.count - errors))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

extension Diagnostic {
    /// With `--strict`, warnings count as errors.
    public var promotedToError: Diagnostic {
        var copy = self
        copy.severity = .error
        return copy
    }
}
