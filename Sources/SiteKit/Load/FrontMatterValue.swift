import Yams

/// A front-matter value as `FrontMatterReader` reads it: the kind of YAML node, a scalar's text
/// and whether it was written plain, and where the node starts. `SimpleFrontMatter` makes it
/// for the common one-line keys; everything else goes through Yams and is converted, so the
/// reader, its checks and its diagnostics are the same whichever way a file was read.
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
    /// YAML text read by Yams; nil when it holds no document.
    static func composing(_ yaml: String) throws -> FrontMatterValue? {
        // No implicit tag resolution: it runs seven regular expressions over every key for
        // Yams's duplicate check, and nothing here reads tags but `!!bool`. The encoding is given
        // because working out the default reads the whole environment.
        try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(FrontMatterValue.init)
    }

    /// The value of a node Yams composed.
    init(_ node: Node) {
        switch node {
        case .scalar(let scalar):
            self = .scalar(Scalar(text: scalar.string, plain: scalar.style == .plain,
                                  bool: Bool.construct(from: scalar), position: Position(scalar.mark)))
        case .sequence(let sequence):
            self = .sequence(sequence.map(FrontMatterValue.init), at: Position(sequence.mark))
        case .mapping(let mapping):
            self = .mapping(mapping.map { Pair(key: FrontMatterValue($0.key), value: FrontMatterValue($0.value)) },
                            at: Position(mapping.mark))
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
