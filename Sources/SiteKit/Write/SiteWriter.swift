import Foundation

/// Writes built files into an output folder.
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
            let path = try destination(of: file.path, in: output, creating: &folders)
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
    static func destination(of relative: String, in folder: String, creating created: inout Set<String>) throws -> String {
        guard isSafe(relative) else { throw Failure(description: "refusing to write outside the output folder: \(relative)") }
        let path = folder + "/" + relative
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
