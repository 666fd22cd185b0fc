import CFolderExchange
import Foundation

/// Replaces an output folder with a build's files in one step that no crash or kill can split.
///
/// Beside the output folder (`public/`) lies the site before it (`.public.previous/`), kept by
/// the last build. A build brings that folder up to the new site and then exchanges the two
/// (`renameat2` with `RENAME_EXCHANGE`): until the exchange the output is wholly old, after it
/// wholly new, and the old site is the next build's folder to bring up to date. Recycling it
/// spares a build from making and deleting a tree of folders each time, which costs seconds on
/// file systems that discard freed blocks as they go.
/// - `init` takes the output's lock (`OutputLock`: a second build into the same folder waits),
///   checks that the output is sitegen's to replace (`OutputOwnership`) and lists both folders.
/// - `write`, from any thread, compares each file with the one in the output, a piece at a time
///   for a file made in pieces (`OutputSink`), which is then never held whole. One that differs,
///   or is new, is written into the previous folder as a new file; an equal one is hard-linked
///   there at commit, unless the previous folder holds it already as a second name of the same
///   inode, so that it keeps its inode and modification time and rsync and HTTP caches
///   (Last-Modified, ETag) see only real changes.
/// - `commit` links the unchanged files, removes what the new site does not have from the
///   previous folder and makes the exchange.
/// The output is never written through: a file of the previous folder may be a second name of
/// one in the output, so one is only ever unlinked or linked there, never opened for writing.
/// A build that fails or is killed leaves the output as it was and the previous folder part way
/// to the new site, which the next build finishes whatever state it is in.
public final class StagedOutput: OutputSink, @unchecked Sendable {
    private let target: String
    private let previous: String
    private let existing: OutputListing
    private let recycled: OutputListing
    private let lock: OutputLock
    /// Paths built so far, those that differ from the output's, those equal to the output's that
    /// the previous folder does not hold as the same file, the folders present in the previous
    /// folder and the first write that failed; shared by the writing threads.
    private var built: Set<String> = []
    private var staged: [String] = []
    private var unlinked: [String] = []
    private var folders: Set<String>
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
        let parent = Self.parent(of: output)
        previous = parent + "/.\(url.lastPathComponent).previous"
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        lock = try OutputLock(parent: parent)
        do {
            existing = OutputListing(of: target)
            try OutputOwnership.check(target, named: output, listing: existing, protecting: protecting, force: force)
            // The previous folder itself is made, or what stands in its place removed, only when
            // the first file is placed there: a build that stops before writing leaves no trace.
            var status = stat()
            if lstat(previous, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                recycled = OutputListing(of: previous)
                folders = Set(recycled.folders + [""])
            } else {
                recycled = OutputListing()
                folders = []
            }
        } catch {
            lock.release()
            throw error
        }
    }

    /// The folder pages go to. A symbolic link to it is followed, so that the previous site is
    /// kept on the same file system as the folder it is exchanged with.
    static func folder(_ output: String) -> URL {
        URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
    }

    /// The folder the output lies in, beside it the previous folder: what `init` locks, and
    /// makes first if it is missing.
    static func parent(of output: String) -> String {
        folder(output).deletingLastPathComponent().path
    }

    /// Takes one file; a failure is kept for `commit` to report, and no file is written after it.
    public func write(_ file: OutputFile) {
        write(file.path, pieces: CollectionOfOne(file.bytes))
    }

    /// Takes one file made in pieces: they are walked once to compare the file with the
    /// output's and, if it differs or is new, once more to write it.
    public func write(_ path: String, pieces: some Sequence<[UInt8]>) {
        guard SiteWriter.isSafe(path) else {
            return fail(SiteWriter.Failure(description: "refusing to write outside the output folder: \(path)"))
        }
        guard path != OutputOwnership.manifestName else {
            return fail(SiteWriter.Failure(description: "refusing to write \(path), which lists the files of the build"))
        }
        guard mutex.withLock({ failure == nil && built.insert(path).inserted }) else { return }
        place(path, pieces)
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
        defer { lock.release() }
        // A path that is both a file and a folder of another file cannot be written at all.
        let needed = Set(built.flatMap(Self.parents))
        if let clash = built.filter(needed.contains).min() {
            throw SiteWriter.Failure(description: "cannot write both \(clash) and files inside a folder of that name")
        }
        built.insert(OutputOwnership.manifestName)
        let manifest = OutputOwnership.manifest(for: built)
        place(OutputOwnership.manifestName, CollectionOfOne(manifest))
        if let failure = mutex.withLock({ failure }) { throw failure }
        for path in unlinked.sorted() {
            try makeParents(of: path)
            try Self.remove(previous + "/" + path)
            guard calls.link(target + "/" + path, previous + "/" + path) == 0 else {
                throw Self.failure("cannot keep the unchanged \(target)/\(path)", errno)
            }
        }
        // What the new site does not have: stale files and links, then folders, innermost first.
        // A path the build made a folder of, or a file, was cleared when that was written.
        for path in (recycled.files + recycled.others).filter({ !built.contains($0) && !needed.contains($0) }).sorted() {
            try Self.remove(previous + "/" + path)
        }
        for folder in recycled.folders.filter({ !needed.contains($0) && !built.contains($0) }).sorted(by: >) {
            try Self.remove(previous + "/" + folder)
        }
        try replaceTarget()
        let removed = (existing.files.filter { !built.contains($0) } + existing.others).sorted()
        return Changes(written: staged.sorted(), removed: removed, unchanged: built.count - staged.count)
    }

    /// Lets the next build go on, leaving the output as it was.
    public func discard() {
        lock.release()
    }

    /// Compares a file with the output's and, when it differs, writes it into the previous
    /// folder as a new file.
    private func place(_ path: String, _ pieces: some Sequence<[UInt8]>) {
        if let kept = Self.file(target + "/" + path, holding: pieces) {
            if !Self.isFile(previous + "/" + path, sameAs: kept) { mutex.withLock { unlinked.append(path) } }
            return
        }
        do {
            try mutex.withLock {
                staged.append(path)
                try makeParents(of: path)
            }
            let destination = previous + "/" + path
            try Self.remove(destination)
            try SiteWriter.writeFile(pieces, to: destination)
        } catch {
            fail(error)
        }
    }

    /// The one step that changes the output folder.
    private func replaceTarget() throws {
        var status = stat()
        guard lstat(target, &status) == 0 else {
            guard calls.rename(previous, target) == 0 else { throw Self.failure("cannot move the site into \(target)", errno) }
            return
        }
        if calls.exchange(previous, target) == 0 { return }
        guard errno == EINVAL || errno == ENOSYS || errno == ENOTSUP else {
            throw Self.failure("cannot exchange the new site with \(target)", errno)
        }
        // A file system that cannot exchange: two renames, between which the folder is missing
        // but never mixed.
        let aside = previous + ".old"
        try Self.remove(aside)
        guard calls.rename(target, aside) == 0 else { throw Self.failure("cannot move \(target) aside", errno) }
        guard calls.rename(previous, target) == 0 else {
            let code = errno
            _ = calls.rename(aside, target)
            throw Self.failure("cannot move the site into \(target)", code)
        }
        _ = calls.rename(aside, previous)
    }

    /// Makes the previous folder, and the folders a path lies in inside it, first removing
    /// whatever else stands at their place; called with `mutex` held or from `commit`.
    private func makeParents(of path: String) throws {
        for folder in [""] + Self.parents(path).reversed() where !folders.contains(folder) {
            let full = folder.isEmpty ? previous : previous + "/" + folder
            try Self.remove(full)
            guard calls.mkdir(full) == 0 else { throw Self.failure("cannot create \(full)", errno) }
            folders.insert(folder)
        }
    }

    private func fail(_ error: Error) {
        mutex.withLock { if failure == nil { failure = error } }
    }

    private static func failure(_ what: String, _ code: Int32) -> SiteWriter.Failure {
        SiteWriter.Failure(description: "\(what): \(String(cString: strerror(code)))")
    }

    /// Removes a file, link or whole folder; nothing there (or a file where a folder on the way
    /// should be) is not a failure.
    private static func remove(_ path: String) throws {
        if unlink(path) == 0 || errno == ENOENT || errno == ENOTDIR { return }
        do { try FileManager.default.removeItem(atPath: path) } catch {
            var status = stat()
            if lstat(path, &status) != 0 && (errno == ENOENT || errno == ENOTDIR) { return }
            throw SiteWriter.Failure(description: "cannot remove \(path): \(error.localizedDescription)")
        }
    }

    /// Whether a path names, without following a link, the regular file `status` describes: a
    /// second name of the same inode.
    private static func isFile(_ path: String, sameAs status: stat) -> Bool {
        var other = stat()
        return lstat(path, &other) == 0 && other.st_mode & S_IFMT == S_IFREG && other.st_dev == status.st_dev && other.st_ino == status.st_ino
    }

    /// The status of a file that holds exactly these bytes, nil for any other; a link is never
    /// followed. The file is read a piece at a time rather than into a buffer of its size (a
    /// search index part is megabytes) made anew for each of thousands of pages, and no more of
    /// `pieces` is made once one differs.
    private static func file(_ path: String, holding pieces: some Sequence<[UInt8]>) -> stat? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { return nil }
        let holds = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 1 << 16) { buffer in
            var offset = 0
            for piece in pieces {
                guard offset + piece.count <= status.st_size, reads(fd, piece, into: buffer) else { return false }
                offset += piece.count
            }
            // Reading past the expected end also notices a file that grew meanwhile.
            return offset == status.st_size && read(fd, buffer.baseAddress!, 1) == 0
        }
        return holds ? status : nil
    }

    /// Whether the next bytes read from `fd` are `expected`.
    private static func reads(_ fd: Int32, _ expected: [UInt8], into buffer: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        expected.withUnsafeBytes { expected in
            var offset = 0
            while offset < expected.count {
                let got = read(fd, buffer.baseAddress!, min(buffer.count, expected.count - offset))
                guard got > 0, memcmp(buffer.baseAddress!, expected.baseAddress! + offset, got) == 0 else { return false }
                offset += got
            }
            return true
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
