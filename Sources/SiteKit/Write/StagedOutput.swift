import Foundation

/// Brings an output folder up to date with a build, touching only what changed:
/// - `write`, from any thread, compares each file with the one already at its place. One that
///   differs, or is new, is written into a sibling staging folder; an equal one is only noted.
/// - `commit` removes what the build no longer makes, then moves each staged file into place
///   with one rename, so a reader never sees half a page.
/// If a write failed, or `discard` is called, nothing in the output folder has been touched.
///
/// Unchanged files keep their modification time, so rsync and HTTP caches (Last-Modified, ETag)
/// see only real changes. It also spares the file system a new inode and a deletion per page:
/// replacing the whole folder cost a 10,000-source site seconds of deleting, and on ext4
/// without a journal each new inode grew slower with every recent deletion.
public final class StagedOutput: @unchecked Sendable {
    /// A failure after the output folder began to change: some pages may be old, none is half written.
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

    public init(_ output: String) throws {
        // A symbolic link to the output folder is followed, so that the staging folder is on the
        // same file system as the pages it is renamed into.
        let url = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        target = url.path
        let parent = url.deletingLastPathComponent()
        staging = parent.path + "/.\(url.lastPathComponent).new-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: staging)
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        guard mkdir(staging, 0o755) == 0 else {
            throw SiteWriter.Failure(description: "cannot create \(staging): \(String(cString: strerror(errno)))")
        }
        existing = OutputListing(of: target)
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

    public func commit() throws {
        if let failure = lock.withLock({ failure }) {
            discard()
            throw failure
        }
        // A path that is both a file and a folder of another file cannot be written at all.
        let folders = Set(built.flatMap(Self.parents))
        if let clash = built.filter(folders.contains).min() {
            discard()
            throw SiteWriter.Failure(description: "cannot write both \(clash) and files inside a folder of that name")
        }
        do {
            try replaceNonFolder(target)
            // What the build no longer makes goes first, so that nothing stale stands where a
            // new file or folder goes.
            for path in existing.others + existing.files.filter({ !built.contains($0) }).sorted() {
                try remove(target + "/" + path)
            }
            var present = Set(existing.folders.map { target + "/" + $0 } + [target])
            for (name, path) in staged.enumerated() {
                if existing.folders.contains(path) { try removeTree(target + "/" + path) }
                let destination = try SiteWriter.destination(of: path, in: target, creating: &present)
                guard rename(staging + "/\(name)", destination) == 0 else {
                    throw SiteWriter.Failure(description: "cannot move \(path) into place: \(String(cString: strerror(errno)))")
                }
            }
            // Folders left empty, deepest first.
            for folder in existing.folders.sorted(by: >) where !folders.contains(folder) && !built.contains(folder) {
                // Inside a folder where a file now stands, it is gone already.
                guard rmdir(target + "/" + folder) == 0 || errno == ENOENT else {
                    throw SiteWriter.Failure(description: "cannot remove \(target)/\(folder): \(String(cString: strerror(errno)))")
                }
            }
            discard()
        } catch {
            discard()
            throw PartlyUpdated(description: "\(error)")
        }
    }

    public func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func fail(_ error: Error) {
        lock.withLock { if failure == nil { failure = error } }
    }

    /// Whether a regular file holds exactly these bytes; a link is never followed.
    private static func file(_ path: String, holds bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_size == bytes.count else { return false }
        let old = [UInt8](unsafeUninitializedCapacity: bytes.count + 1) { buffer, count in
            // One byte more than expected is asked for, to notice a file that grew meanwhile.
            while count <= bytes.count {
                let got = read(fd, buffer.baseAddress! + count, bytes.count + 1 - count)
                guard got > 0 else { break }
                count += got
            }
        }
        return old == bytes
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

    /// Makes the output folder a folder, whatever stood at its place.
    private func replaceNonFolder(_ path: String) throws {
        var status = stat()
        if lstat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { return }
            try remove(path)
        }
        guard mkdir(path, 0o755) == 0 else {
            throw SiteWriter.Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes a file, a link or an empty folder.
    private func remove(_ path: String) throws {
        guard Foundation.remove(path) == 0 else {
            throw SiteWriter.Failure(description: "cannot remove \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func removeTree(_ path: String) throws {
        do { try FileManager.default.removeItem(atPath: path) } catch {
            throw SiteWriter.Failure(description: "cannot remove \(path): \(error.localizedDescription)")
        }
    }
}
