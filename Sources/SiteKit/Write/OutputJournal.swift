import Foundation

/// The changes `StagedOutput.commit` makes to an output folder, each recorded with how to take it
/// back, so that a commit that fails halfway can leave the folder as it was. Nothing is deleted
/// here: what a commit replaces or removes is moved into the staging folder, which is on the same
/// file system, and goes when that folder does.
struct Journal {
    private enum Step {
        /// An entry moved aside into the staging folder: moved back.
        case movedAside(String, to: String)
        /// A file or folder that did not exist before: removed.
        case created(String)
    }

    /// The system calls a commit makes; tests replace one to make it fail at a chosen step.
    struct Calls: Sendable {
        var rename: @Sendable (String, String) -> Int32 = { Foundation.rename($0, $1) }
        var link: @Sendable (String, String) -> Int32 = { Foundation.link($0, $1) }
        static let system = Calls()
    }

    private let staging: String
    private let calls: Calls
    private var steps: [Step] = []

    init(staging: String, calls: Calls) {
        self.staging = staging
        self.calls = calls
    }

    /// Moves a file, link or whole folder out of the output into the staging folder.
    mutating func moveAside(_ path: String) throws {
        let aside = staging + "/old-\(steps.count)"
        guard calls.rename(path, aside) == 0 else { throw Self.failure("cannot move \(path) aside", errno) }
        steps.append(.movedAside(path, to: aside))
    }

    /// Makes a folder, first moving aside whatever else stands at its place.
    mutating func makeFolder(_ path: String) throws {
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { return }
            try moveAside(path)
        }
        guard mkdir(path, 0o755) == 0 else { throw Self.failure("cannot create \(path)", errno) }
        steps.append(.created(path))
    }

    /// Renames a staged file to its place. The file it replaces, if any, is first linked into the
    /// staging folder (a second name, not a copy), to be put back if the commit fails.
    mutating func place(_ staged: String, at path: String, replacing: Bool) throws {
        if replacing {
            let aside = staging + "/old-\(steps.count)"
            guard calls.link(path, aside) == 0 else { throw Self.failure("cannot keep \(path) until the build is complete", errno) }
            steps.append(.movedAside(path, to: aside))
        }
        guard calls.rename(staged, path) == 0 else { throw Self.failure("cannot move \(path) into place", errno) }
        if !replacing { steps.append(.created(path)) }
    }

    /// Takes every step back, last first; returns what could not be taken back.
    func undo() -> [String] {
        var failures: [String] = []
        for step in steps.reversed() {
            switch step {
            case .movedAside(let path, let aside):
                if calls.rename(aside, path) != 0 { failures.append("cannot move \(path) back: \(String(cString: strerror(errno)))") }
            case .created(let path):
                if Foundation.remove(path) != 0 { failures.append("cannot remove \(path): \(String(cString: strerror(errno)))") }
            }
        }
        return failures
    }

    private static func failure(_ what: String, _ code: Int32) -> SiteWriter.Failure {
        SiteWriter.Failure(description: "\(what): \(String(cString: strerror(code)))")
    }
}
