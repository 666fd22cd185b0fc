import Foundation

/// Writes the built site so that readers of the output folder never see half of it: files go
/// into a fresh sibling folder, which then replaces the old output in two renames.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ files: [OutputFile], to output: String) throws {
        let staged = try StagedOutput(output)
        for file in files { staged.write(file) }
        try staged.commit()
    }

    /// Brings an output folder that holds `previous` up to `files`: writes only the files whose
    /// bytes differ and removes those no longer built. Each file is written beside its place and
    /// renamed over it, so a reader never sees half a page. Returns the paths written and removed.
    public static func update(_ output: String, from previous: [String: [UInt8]], to files: [OutputFile]) throws -> (written: [String], removed: [String]) {
        let manager = FileManager.default
        var written: [String] = [], folders: Set<String> = []
        for file in files where previous[file.path] != file.bytes {
            let path = try destination(of: file, in: output, creating: &folders)
            let slash = path.lastIndex(of: "/")!
            let temporary = String(path[...slash]) + "." + String(path[path.index(after: slash)...]) + ".new"
            try writeFile(file.bytes, to: temporary)
            guard rename(temporary, path) == 0 else {
                throw Failure(description: "cannot replace \(path): \(String(cString: strerror(errno)))")
            }
            written.append(file.path)
        }
        let built = Set(files.map(\.path))
        let removed = previous.keys.filter { !built.contains($0) }.sorted()
        for path in removed { try? manager.removeItem(atPath: output + "/" + path) }
        return (written, removed)
    }

    /// Where a file goes inside a folder, its parent folders created unless they are in `created`
    /// already (creating each folder once is a tenth of writing a site); refused if its path
    /// would leave the folder.
    static func destination(of file: OutputFile, in folder: String, creating created: inout Set<String>) throws -> String {
        guard isSafe(file.path) else { throw Failure(description: "refusing to write outside the output folder: \(file.path)") }
        let path = folder + "/" + file.path
        if let slash = path.lastIndex(of: "/") {
            let parent = String(path[..<slash])
            if created.insert(parent).inserted { try makeFolder(parent) }
        }
        return path
    }

    /// `mkdir -p` with plain system calls: Foundation's version was most of writing a small site.
    private static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex else {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        try makeFolder(String(path[..<slash]))
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// A relative path with no `..`, no absolute start and no empty parts.
    static func isSafe(_ path: String) -> Bool {
        !path.hasPrefix("/") && !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." || $0.isEmpty }
    }

    /// Plain POSIX write: Foundation's `Data.write` syncs every file to disk on Linux, which a
    /// rebuildable output folder does not need.
    static func writeFile(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Foundation.write(fd, buffer.baseAddress! + offset, bytes.count - offset)
            }
            guard written > 0 else { throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))") }
            offset += written
        }
    }
}

/// An output folder being replaced: files are written, from any thread, into a fresh sibling
/// folder, and `commit` swaps it in. If any write failed, or `discard` is called, the fresh
/// folder is removed and the old output left as it was.
public final class StagedOutput: @unchecked Sendable {
    private let target: URL
    private let staging: URL
    private let retired: URL
    /// Folders created so far, and the first write that failed, shared by the writing threads.
    private var folders: Set<String> = []
    private var failure: Error?
    private let lock = NSLock()

    public init(_ output: String) throws {
        target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let pid = ProcessInfo.processInfo.processIdentifier
        staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(pid)")
        retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(pid)")
        try? FileManager.default.removeItem(at: staging)
        try? FileManager.default.removeItem(at: retired)
        try? FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        guard mkdir(staging.path, 0o755) == 0 else {
            throw SiteWriter.Failure(description: "cannot create \(staging.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes one file; a failure is kept for `commit` to report, and no file is written after it.
    public func write(_ file: OutputFile) {
        do {
            let path = try lock.withLock { failure == nil ? try SiteWriter.destination(of: file, in: staging.path, creating: &folders) : nil }
            guard let path else { return }
            try SiteWriter.writeFile(file.bytes, to: path)
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    public func commit() throws {
        let manager = FileManager.default
        do {
            if let failure = lock.withLock({ failure }) { throw failure }
            if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: retired) }
            try manager.moveItem(at: staging, to: target)
            try? manager.removeItem(at: retired)
        } catch {
            discard()
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: target)
            }
            throw error
        }
    }

    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
