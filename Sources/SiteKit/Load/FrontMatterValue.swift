import Yams

/// A front-matter value as `FrontMatterReader` reads it from the node Yams composed: the kind of
/// YAML node, a scalar's text and whether it was written plain, and where the node starts.
indirect enum FrontMatterValue: Equatable {
    case scalar(Scalar)
    case sequence([FrontMatterValue], at: Position?)
    case mapping([Pair], at: Position?)
    case alias(at: Position?)

    /// A line and column of the YAML text, both from 1; columns count Unicode scalars, as
    /// libyaml's marks do.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar: Equatable {
        var text: String
        /// Written without quotes: only a plain `null`, `~` or empty value means null.
        var plain: Bool
        /// What Yams's `Bool.construct` makes of it: true or false for `true`, `yes`, `on`,
        /// `false`, `no` or `off` in any case, unquoted (or tagged `!!bool`); else nil.
        var bool: Bool?
        var position: Position?
    }

    struct Pair: Equatable {
        var key: FrontMatterValue
        var value: FrontMatterValue
    }

    var position: Position? {
        switch self {
        case .scalar(let scalar): scalar.position
        case .sequence(_, let position), .mapping(_, let position), .alias(let position): position
        }
    }
}

extension FrontMatterValue {
    /// The most values (scalars, lists and mappings) one front matter may hold once its YAML
    /// aliases are expanded. Yams shares an aliased node instead of copying it, but every reader
    /// of the result walks it whole: nine nested aliases of nine items each are 600 bytes of YAML
    /// and 387 million values. No front matter written by hand comes near the limit.
    static let maximumValues = 10_000

    /// A front matter over `maximumValues`, with the position of the outermost key whose value
    /// went over.
    struct TooManyValues: Error, Equatable {
        var position: Position?
    }

    /// YAML text read by Yams; nil when it holds no document.
    static func composing(_ yaml: String) throws -> FrontMatterValue? {
        // No implicit tag resolution: it runs seven regular expressions over every key for
        // Yams's duplicate check, and nothing here reads tags but `!!bool`. The encoding is given
        // because working out the default reads the whole environment.
        guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else { return nil }
        var budget = maximumValues
        return try FrontMatterValue(node, budget: &budget)
    }

    /// The value of a node Yams composed, counting each value made against `budget`.
    private init(_ node: Node, budget: inout Int) throws {
        budget -= 1
        guard budget >= 0 else { throw TooManyValues(position: Position(node.mark)) }
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(text: scalar.string, plain: scalar.style == .plain,
                                  bool: Bool.construct(from: scalar), position: Position(scalar.mark)))
        case .sequence(let sequence):
            var items: [FrontMatterValue] = []
            for item in sequence { items.append(try FrontMatterValue(item, budget: &budget)) }
            self = .sequence(items, at: Position(sequence.mark))
        case .mapping(let mapping):
            var pairs: [Pair] = []
            for (key, value) in mapping {
                do {
                    pairs.append(Pair(key: try FrontMatterValue(key, budget: &budget), value: try FrontMatterValue(value, budget: &budget)))
                } catch is TooManyValues {
                    throw TooManyValues(position: Position(key.mark))
                }
            }
            self = .mapping(pairs, at: Position(mapping.mark))
        case .alias(let alias):
            self = .alias(at: Position(alias.mark))
        }
    }
}

extension FrontMatterValue.Position {
    init?(_ mark: Mark?) {
        guard let mark else { return nil }
        self.init(line: mark.line, column: mark.column)
    }
}
