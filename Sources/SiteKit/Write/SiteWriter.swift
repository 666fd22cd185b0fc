import Foundation

/// Writes the built site so that readers of the output folder never see half of it: files go
/// into a fresh sibling folder, which then replaces the old output in two renames.
public enum SiteWriter {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func write(_ files: [OutputFile], to output: String) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: output).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? manager.removeItem(at: staging)
        try? manager.removeItem(at: retired)
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            for file in files {
                try writeFile(file.bytes, to: destination(of: file, in: staging, creating: &folders).path)
            }
            if manager.fileExists(atPath: target.path) {
                try manager.moveItem(at: target, to: retired)
            }
            try manager.moveItem(at: staging, to: target)
            try? manager.removeItem(at: retired)
        } catch {
            try? manager.removeItem(at: staging)
            if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: target)
            }
            throw error
        }
    }

    /// Brings an output folder that holds `previous` up to `files`: writes only the files whose
    /// bytes differ and removes those no longer built. Each file is written beside its place and
    /// renamed over it, so a reader never sees half a page. Returns the paths written and removed.
    public static func update(_ output: String, from previous: [String: [UInt8]], to files: [OutputFile]) throws -> (written: [String], removed: [String]) {
        let manager = FileManager.default
        var written: [String] = [], folders: Set<String> = []
        for file in files where previous[file.path] != file.bytes {
            let url = try destination(of: file, in: URL(fileURLWithPath: output), creating: &folders)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).new")
            try writeFile(file.bytes, to: temporary.path)
            guard rename(temporary.path, url.path) == 0 else {
                throw Failure(description: "cannot replace \(url.path): \(String(cString: strerror(errno)))")
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
    private static func destination(of file: OutputFile, in folder: URL, creating created: inout Set<String>) throws -> URL {
        guard isSafe(file.path) else { throw Failure(description: "refusing to write outside the output folder: \(file.path)") }
        let url = folder.appendingPathComponent(file.path)
        let parent = url.deletingLastPathComponent()
        if created.insert(parent.path).inserted {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        return url
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
