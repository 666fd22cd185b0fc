import Yams

/// A value read from front matter, with where it was written.
public struct Located<Value> {
    public var value: Value
    public var location: SourceLocation
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
extension Located: Sendable where Value: Sendable {}

/// Reads typed fields out of a YAML mapping, reporting wrong types, missing keys and unknown
/// keys at their real position in the file instead of failing on the first one.
struct FrontMatterReader {
    let file: String
    /// Added to YAML's own 1-based line numbers to get the file's.
    let lineOffset: Int
    let pairs: [(key: Located<String>, value: FrontMatterValue)]
    let start: SourceLocation
    private(set) var log = DiagnosticLog()

    /// Parses the YAML of a split file; nil (with an error logged) when it is malformed or not a mapping.
    static func parse(_ split: FrontMatterSplit, file: String, log: inout DiagnosticLog) -> FrontMatterReader? {
        let offset = split.yamlFirstLine - 1
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let yaml = split.yaml else {
            return FrontMatterReader(file: file, lineOffset: offset, pairs: [], start: start)
        }
        let node: FrontMatterValue?
        do {
            node = try FrontMatterValue.composing(yaml)
        } catch let error as YamlError {
            log.report(diagnostic(for: error, file: file, lineOffset: offset))
            return nil
        } catch let error as FrontMatterValue.TooManyValues {
            let at = error.position.map { SourceLocation(file: file, line: $0.line + offset, column: $0.column) } ?? start
            log.error(at, "front matter holds more than \(FrontMatterValue.maximumValues) values once its YAML aliases (*name) "
                      + "are expanded; write the values out instead of repeating aliases")
            return nil
        } catch {
            log.error(start, "malformed YAML front matter: \(error)")
            return nil
        }
        guard let node else { return FrontMatterReader(file: file, lineOffset: offset, pairs: [], start: start) }
        guard case .mapping(let mapping, _) = node else {
            log.error(location(of: node, file: file, lineOffset: offset) ?? start,
                      "front matter must be a mapping of keys to values, found \(describe(node))")
            return nil
        }
        var pairs: [(key: Located<String>, value: FrontMatterValue)] = []
        var seen: [String: SourceLocation] = [:]
        for pair in mapping {
            let keyLocation = location(of: pair.key, file: file, lineOffset: offset) ?? start
            guard case .scalar(let scalar) = pair.key else {
                log.error(keyLocation, "front matter keys must be plain words")
                continue
            }
            if let first = seen[scalar.text] {
                log.error(keyLocation, "duplicate key '\(scalar.text)'", notes: [.init(first, "first given here")])
                continue
            }
            seen[scalar.text] = keyLocation
            pairs.append((Located(scalar.text, at: keyLocation), pair.value))
        }
        return FrontMatterReader(file: file, lineOffset: offset, pairs: pairs, start: start)
    }

    init(file: String, lineOffset: Int, pairs: [(key: Located<String>, value: FrontMatterValue)], start: SourceLocation) {
        self.file = file
        self.lineOffset = lineOffset
        self.pairs = pairs
        self.start = start
    }

    var diagnostics: [Diagnostic] { log.all }

    func node(_ key: String) -> FrontMatterValue? { pairs.first { $0.key.value == key }?.value }

    func location(of node: FrontMatterValue) -> SourceLocation {
        Self.location(of: node, file: file, lineOffset: lineOffset) ?? start
    }

    func keyLocation(_ key: String) -> SourceLocation {
        pairs.first { $0.key.value == key }?.key.location ?? start
    }

    // MARK: typed access

    mutating func string(_ key: String, required: Bool = false) -> Located<String>? {
        guard let node = node(key) else {
            if required { log.error(start, "missing required key '\(key)'") }
            return nil
        }
        return scalarString(node, key: key, nullable: !required)
    }

    /// A text value as prose placed in the file, for checks that point into it: its text starts
    /// one column after an opening quote, and a double-quoted value's escapes take two columns.
    mutating func prose(_ key: String) -> ProseSpan? {
        guard let node = node(key), !Self.isNull(node), case .scalar(let scalar) = node else { return nil }
        let location = location(of: node)
        return ProseSpan(text: scalar.text, file: file, line: location.line, column: location.column + (scalar.plain ? 0 : 1),
                         escaped: !scalar.plain)
    }

    /// A key that must be present but may be `null` (e.g. a source's author when the copy names none).
    mutating func nullableString(_ key: String) -> Located<String?>? {
        guard let node = node(key) else {
            log.error(start, "missing required key '\(key)' (write '\(key): null' when there is none)")
            return nil
        }
        if Self.isNull(node) { return Located(nil, at: location(of: node)) }
        return scalarString(node, key: key, nullable: false).map { Located($0.value, at: $0.location) }
    }

    /// A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    mutating func date(_ key: String, required: Bool = false) -> Located<PartialDate>? {
        guard let text = string(key, required: required) else { return nil }
        guard let date = PartialDate(text.value) else {
            log.error(text.location, "'\(key)' must be a date written YYYY, YYYY-MM or YYYY-MM-DD, found '\(text.value)'")
            return nil
        }
        return Located(date, at: text.location)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        if case .scalar(let s) = node, let value = s.bool { return value }
        log.error(location(of: node), "'\(key)' must be true or false, found \(Self.describe(node))")
        return nil
    }

    mutating func stringList(_ key: String) -> [Located<String>] {
        guard let node = node(key) else { return [] }
        return stringList(node, key: key)
    }

    mutating func stringList(_ node: FrontMatterValue, key: String) -> [Located<String>] {
        if Self.isNull(node) { return [] }
        guard case .sequence(let sequence, _) = node else {
            log.error(location(of: node), "'\(key)' must be a list, e.g. [a, b], found \(Self.describe(node))")
            return []
        }
        return sequence.compactMap { scalarString($0, key: key, nullable: false) }
    }

    /// A nested mapping, read with the same rules.
    mutating func mapping(_ key: String) -> FrontMatterReader? {
        guard let node = node(key) else { return nil }
        guard case .mapping(let mapping, _) = node else {
            log.error(location(of: node), "'\(key)' must be a mapping of keys to values, found \(Self.describe(node))")
            return nil
        }
        let pairs: [(key: Located<String>, value: FrontMatterValue)] = mapping.compactMap { pair in
            guard case .scalar(let s) = pair.key else { return nil }
            return (Located(s.text, at: location(of: pair.key)), pair.value)
        }
        return FrontMatterReader(file: file, lineOffset: lineOffset, pairs: pairs, start: location(of: node))
    }

    /// A list of mappings (e.g. a source's corrections).
    mutating func mappingList(_ key: String) -> [FrontMatterReader] {
        guard let node = node(key), !Self.isNull(node) else { return [] }
        guard case .sequence(let sequence, _) = node else {
            log.error(location(of: node), "'\(key)' must be a list, found \(Self.describe(node))")
            return []
        }
        return sequence.compactMap { item in
            guard case .mapping(let mapping, _) = item else {
                log.error(location(of: item), "each entry of '\(key)' must be a mapping, found \(Self.describe(item))")
                return nil
            }
            let pairs: [(key: Located<String>, value: FrontMatterValue)] = mapping.compactMap { pair in
                guard case .scalar(let s) = pair.key else { return nil }
                return (Located(s.text, at: location(of: pair.key)), pair.value)
            }
            return FrontMatterReader(file: file, lineOffset: lineOffset, pairs: pairs, start: location(of: item))
        }
    }

    /// Warns about keys this kind of file does not use, naming the closest known one.
    mutating func warnUnknownKeys(known: [String]) {
        for pair in pairs where !known.contains(pair.key.value) {
            let suggestion = Suggestion.closest(to: pair.key.value, in: known)
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            log.warning(pair.key.location, "unknown key '\(pair.key.value)' is ignored\(hint)")
        }
    }

    mutating func merge(_ other: FrontMatterReader) { log.append(contentsOf: other.log.all) }

    mutating func error(_ location: SourceLocation, _ message: String) { log.error(location, message) }

    private mutating func scalarString(_ node: FrontMatterValue, key: String, nullable: Bool) -> Located<String>? {
        if nullable && Self.isNull(node) { return nil }
        guard case .scalar(let scalar) = node else {
            log.error(location(of: node), "'\(key)' must be text, found \(Self.describe(node))")
            return nil
        }
        return Located(scalar.text, at: location(of: node))
    }

    // MARK: helpers

    static func isNull(_ node: FrontMatterValue) -> Bool {
        if case .scalar(let s) = node, s.plain, ["null", "~", ""].contains(s.text) { return true }
        return false
    }

    static func describe(_ node: FrontMatterValue) -> String {
        switch node {
        case .scalar(let s): return s.text.isEmpty ? "nothing" : "'\(s.text)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    static func location(of node: FrontMatterValue, file: String, lineOffset: Int) -> SourceLocation? {
        guard let position = node.position else { return nil }
        return SourceLocation(file: file, line: position.line + lineOffset, column: position.column)
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let notes = context.map { [Diagnostic.Note(at($0.mark), $0.text)] } ?? []
            return .error(at(mark), "malformed YAML: \(problem)", notes: notes)
        default:
            return .error(SourceLocation(file: file, line: 1 + lineOffset, column: 1), "malformed YAML: \(error)")
        }
    }
}
