import CFolderExchange
import Foundation

/// Replaces an output folder with a build's files in one step that no crash or kill can split:
/// - `init` takes the output's lock (`OutputLock`: a second build into the same folder waits),
///   removes what killed builds left beside the folder, and checks that the folder is sitegen's
///   to replace (`OutputOwnership`).
/// - `write`, from any thread, compares each file with the one already at its place. One that
///   differs, or is new, is written into a complete new tree beside the folder; an equal one is
///   hard-linked into that tree at commit, so it keeps its inode and modification time and rsync
///   and HTTP caches (Last-Modified, ETag) see only real changes.
/// - `commit` exchanges the new tree with the folder (`renameat2` with `RENAME_EXCHANGE`), then
///   removes the old tree. Until the exchange the folder is wholly old; after it, wholly new.
/// If a write failed, or `discard` is called, nothing in the output folder has been touched.
public final class StagedOutput: @unchecked Sendable {
    private let target: String
    private let staging: String
    private let existing: OutputListing
    private let lock: OutputLock
    /// Paths built so far, those that differ from the folder's, the folders made in the new tree
    /// and the first write that failed; shared by the writing threads.
    private var built: Set<String> = []
    private var staged: [String] = []
    private var madeFolders: Set<String> = [""]
    private var failure: Error?
    private let mutex = NSLock()
    private let calls: Calls

    /// The file-system calls a commit makes; tests replace one to make it fail at a chosen step.
    struct Calls: Sendable {
        var link: @Sendable (String, String) -> Int32 = { Foundation.link($0, $1) }
        var mkdir: @Sendable (String) -> Int32 = { Foundation.mkdir($0, 0o755) }
        var exchange: @Sendable (String, String) -> Int32 = { sitegen_exchange_paths($0, $1) }
        var rename: @Sendable (String, String) -> Int32 = { Foundation.rename($0, $1) }
        static let system = Calls()
    }

    /// `protecting` names the folders the build reads (role and path), which the output must
    /// neither be, hold nor lie in; `force` replaces a folder holding files sitegen did not write.
    public convenience init(_ output: String, protecting: [(role: String, path: String)] = [], force: Bool = false) throws {
        try self.init(output, protecting: protecting, force: force, calls: .system)
    }

    init(_ output: String, protecting: [(role: String, path: String)] = [], force: Bool = false, calls: Calls) throws {
        self.calls = calls
        let url = Self.folder(output)
        target = url.path
        let parent = url.deletingLastPathComponent()
        let leftoverPrefix = ".\(url.lastPathComponent).new-"
        staging = parent.path + "/" + leftoverPrefix + "\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        lock = try OutputLock(parent: parent.path)
        do {
            // With the lock held, no other build is using a staging folder here: any is a leftover.
            for (name, _) in FolderEntries.read(parent.path) ?? [] where name.hasPrefix(leftoverPrefix) {
                try? FileManager.default.removeItem(atPath: parent.path + "/" + name)
            }
            existing = OutputListing(of: target)
            try OutputOwnership.check(target, named: output, listing: existing, protecting: protecting, force: force)
            guard Foundation.mkdir(staging, 0o755) == 0 else {
                throw SiteWriter.Failure(description: "cannot create \(staging): \(String(cString: strerror(errno)))")
            }
        } catch {
            lock.release()
            throw error
        }
    }

    /// The folder pages go to. A symbolic link to it is followed, so that the new tree is made on
    /// the same file system as the folder it is exchanged with.
    static func folder(_ output: String) -> URL {
        URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// Takes one file; a failure is kept for `commit` to report, and no file is written after it.
    public func write(_ file: OutputFile) {
        guard SiteWriter.isSafe(file.path) else {
            return fail(SiteWriter.Failure(description: "refusing to write outside the output folder: \(file.path)"))
        }
        guard file.path != OutputOwnership.manifestName else {
            return fail(SiteWriter.Failure(description: "refusing to write \(file.path), which lists the files of the build"))
        }
        guard mutex.withLock({ failure == nil && built.insert(file.path).inserted }) else { return }
        if existing.files.contains(file.path), Self.file(target + "/" + file.path, holds: file.bytes) { return }
        do {
            try mutex.withLock {
                staged.append(file.path)
                try makeParents(of: file.path)
            }
            try SiteWriter.writeFile(file.bytes, to: staging + "/" + file.path)
        } catch {
            fail(error)
        }
    }

    /// What a commit changed: the files written (new or changed) and removed, by path relative to
    /// the output folder and sorted, and how many were left as they were. The manifest counts as
    /// a file like any other.
    public struct Changes: Sendable, Equatable {
        public var written: [String]
        public var removed: [String]
        public var unchanged: Int
    }

    @discardableResult
    public func commit() throws -> Changes {
        defer { discard() }
        // A path that is both a file and a folder of another file cannot be written at all.
        let needed = Set(built.flatMap(Self.parents))
        if let clash = built.filter(needed.contains).min() {
            throw SiteWriter.Failure(description: "cannot write both \(clash) and files inside a folder of that name")
        }
        writeManifest()
        if let failure = mutex.withLock({ failure }) { throw failure }
        let changed = Set(staged)
        for path in built.subtracting(changed).sorted() {
            try makeParents(of: path)
            guard calls.link(target + "/" + path, staging + "/" + path) == 0 else {
                throw Self.failure("cannot keep the unchanged \(target)/\(path)", errno)
            }
        }
        try replaceTarget()
        let removed = existing.files.subtracting(built).union(existing.others).sorted()
        return Changes(written: staged.sorted(), removed: removed, unchanged: built.count - staged.count)
    }

    /// Removes the new tree and lets the next build go on; the output folder is as it was unless
    /// `commit` got as far as replacing it.
    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
        lock.release()
    }

    /// The one step that changes the output folder. After it, the old tree is at `staging` and is
    /// removed by `discard`; a process killed before that leaves it for the next build to remove.
    private func replaceTarget() throws {
        var status = stat()
        guard lstat(target, &status) == 0 else {
            guard calls.rename(staging, target) == 0 else { throw Self.failure("cannot move the site into \(target)", errno) }
            return
        }
        if calls.exchange(staging, target) == 0 { return }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
            throw Self.failure("cannot exchange the new site with \(target)", errno)
        }
        // A file system that cannot exchange: two renames, between which the folder is missing
        // but never mixed.
        let aside = staging + ".old"
        guard calls.rename(target, aside) == 0 else { throw Self.failure("cannot move \(target) aside", errno) }
        guard calls.rename(staging, target) == 0 else {
            let code = errno
            _ = calls.rename(aside, target)
            throw Self.failure("cannot move the site into \(target)", code)
        }
        _ = calls.rename(aside, staging)
    }

    /// Records the built paths in the new tree, the last file a build writes.
    private func writeManifest() {
        let file = OutputFile(path: OutputOwnership.manifestName, bytes: OutputOwnership.manifest(for: built))
        built.insert(file.path)
        if existing.files.contains(file.path), Self.file(target + "/" + file.path, holds: file.bytes) { return }
        staged.append(file.path)
        do { try SiteWriter.writeFile(file.bytes, to: staging + "/" + file.path) } catch { fail(error) }
    }

    /// Makes the folders a path lies in inside the new tree; called with `mutex` held or from `commit`.
    private func makeParents(of path: String) throws {
        for folder in Self.parents(path).reversed() where !madeFolders.contains(folder) {
            guard calls.mkdir(staging + "/" + folder) == 0 else { throw Self.failure("cannot create \(staging)/\(folder)", errno) }
            madeFolders.insert(folder)
        }
    }

    private func fail(_ error: Error) {
        mutex.withLock { if failure == nil { failure = error } }
    }

    private static func failure(_ what: String, _ code: Int32) -> SiteWriter.Failure {
        SiteWriter.Failure(description: "\(what): \(String(cString: strerror(code)))")
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

    /// The folders a relative path lies in, innermost first.
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
