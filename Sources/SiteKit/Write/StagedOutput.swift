import Foundation

/// Brings an output folder up to date with a build, touching only what changed:
/// - `write`, from any thread, compares each file with the one already at its place. One that
///   differs, or is new, is written into a sibling staging folder; an equal one is only noted.
/// - `commit` moves aside what the build no longer makes, then renames each staged file into
///   place, so a reader never sees half a page. If a step fails, the steps before it are taken
///   back (see `Journal`), and the folder is as it was.
/// If a write failed, or `discard` is called, nothing in the output folder has been touched.
///
/// Unchanged files keep their modification time, so rsync and HTTP caches (Last-Modified, ETag)
/// see only real changes. It also spares the file system a new inode and a deletion per page:
/// replacing the whole folder cost a 10,000-source site seconds of deleting, and on ext4
/// without a journal each new inode grew slower with every recent deletion.
public final class StagedOutput: @unchecked Sendable {
    /// A commit failed and so did putting the folder back: some pages may be old, none is half written.
    public struct PartlyUpdated: Error, CustomStringConvertible {
        public var description: String
    }

    private let target: String
    private let staging: String
    private let existing: OutputListing
    /// Paths built so far, the staged ones in the order of their names in the staging folder,
    /// and the first write that failed; shared by the writing threads.
    private var built: Set<String> = []
    private var staged: [String] = []
    private var failure: Error?
    private let lock = NSLock()
    private let calls: Journal.Calls

    public convenience init(_ output: String) throws {
        try self.init(output, calls: .system)
    }

    /// `existing`, when given, is what the folder held: a listing taken beforehand (see
    /// `SiteBuilder.build`) instead of one taken now.
    init(_ output: String, existing listing: OutputListing? = nil, calls: Journal.Calls) throws {
        self.calls = calls
        let url = Self.folder(output)
        target = url.path
        let parent = url.deletingLastPathComponent()
        staging = parent.path + "/.\(url.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: staging)
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        guard mkdir(staging, 0o755) == 0 else {
            throw SiteWriter.Failure(description: "cannot create \(staging): \(String(cString: strerror(errno)))")
        }
        existing = listing ?? OutputListing(of: target)
    }

    /// The folder pages go to. A symbolic link to it is followed, so that the staging folder is
    /// on the same file system as the pages it is renamed into.
    static func folder(_ output: String) -> URL {
        URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Takes one file; a failure is kept for `commit` to report, and no file is written after it.
    public func write(_ file: OutputFile) {
        guard SiteWriter.isSafe(file.path) else {
            return fail(SiteWriter.Failure(description: "refusing to write outside the output folder: \(file.path)"))
        }
        guard lock.withLock({ failure == nil && built.insert(file.path).inserted }) else { return }
        if existing.files.contains(file.path), Self.file(target + "/" + file.path, holds: file.bytes) { return }
        let name = lock.withLock {
            staged.append(file.path)
            return staged.count - 1
        }
        do { try SiteWriter.writeFile(file.bytes, to: staging + "/\(name)") } catch { fail(error) }
    }

    /// What a commit changed: the files written (new or changed) and removed, by path relative to
    /// the output folder and sorted, and how many were left as they were.
    public struct Changes: Sendable, Equatable {
        public var written: [String]
        public var removed: [String]
        public var unchanged: Int
    }

    @discardableResult
    public func commit() throws -> Changes {
        if let failure = lock.withLock({ failure }) {
            discard()
            throw failure
        }
        // A path that is both a file and a folder of another file cannot be written at all.
        let needed = Set(built.flatMap(Self.parents))
        if let clash = built.filter(needed.contains).min() {
            discard()
            throw SiteWriter.Failure(description: "cannot write both \(clash) and files inside a folder of that name")
        }
        var journal = Journal(staging: staging, calls: calls)
        do {
            try journal.makeFolder(target)
            // What the build no longer makes is moved aside first, so that nothing stale stands
            // where a new file or folder goes: folders no built file lies in (the outermost of
            // them, with all they hold), then other stale entries.
            let obsolete = Set(existing.folders.filter { !needed.contains($0) })
            let outermost = obsolete.filter { Self.parents($0).first.map { !obsolete.contains($0) } ?? true }
            let inObsolete = { (path: String) in Self.parents(path).contains(where: obsolete.contains) }
            let stale = existing.files.filter { !built.contains($0) }
            for path in outermost.sorted() + (existing.others + stale).filter({ !inObsolete($0) }).sorted() {
                try journal.moveAside(target + "/" + path)
            }
            var present = Set(existing.folders.filter { !obsolete.contains($0) }.map { target + "/" + $0 } + [target])
            for (name, path) in staged.enumerated() {
                for folder in Self.parents(path).reversed().map({ target + "/" + $0 }) where present.insert(folder).inserted {
                    try journal.makeFolder(folder)
                }
                try journal.place(staging + "/\(name)", at: target + "/" + path, replacing: existing.files.contains(path))
            }
            discard()
            return Changes(written: staged.sorted(), removed: (stale + existing.others).sorted(), unchanged: built.count - staged.count)
        } catch {
            let undone = journal.undo()
            discard()
            guard undone.isEmpty else {
                throw PartlyUpdated(description: "\(error); putting the folder back failed too: " + undone.joined(separator: "; "))
            }
            throw error
        }
    }

    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func fail(_ error: Error) {
        lock.withLock { if failure == nil { failure = error } }
    }

    /// Whether a regular file holds exactly these bytes; a link is never followed. The file is
    /// read a piece at a time rather than into a buffer of its size (a search index part is
    /// megabytes) made anew for each of thousands of pages.
    private static func file(_ path: String, holds bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size == bytes.count else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { piece in
            bytes.withUnsafeBytes { expected in
                var offset = 0
                while true {
                    let got = read(fd, piece.baseAddress!, piece.count)
                    // Reading past the expected end also notices a file that grew meanwhile.
                    if got <= 0 { return got == 0 && offset == expected.count }
                    guard offset + got <= expected.count, memcmp(piece.baseAddress!, expected.baseAddress! + offset, got) == 0 else { return false }
                    offset += got
                }
            }
        }
    }

    private static func parents(_ path: String) -> [String] {
        var parents: [String] = []
        var index = path.endIndex
        while let slash = path[..<index].lastIndex(of: "/") {
            parents.append(String(path[..<slash]))
            index = slash
        }
        return parents
    }
}
