import Foundation

/// The seam between loading and the disk: tests hand the loader an in-memory tree.
public protocol ContentFileSystem: Sendable {
    /// The bytes of a file, or nil if there is no regular file there.
    func contents(of path: String) -> [UInt8]?
    /// Whether a folder exists at the path.
    func isDirectory(_ path: String) -> Bool
    /// Paths of regular files below a folder, relative to it, sorted, following no symlink that
    /// leads outside `root`. Symlinks that do are listed in `escaping`.
    func files(under path: String) -> (files: [String], escaping: [String])
}

/// The real disk.
public struct DiskFileSystem: ContentFileSystem {
    public init() {}

    public func contents(of path: String) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return [UInt8](data)
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }

    public func files(under path: String) -> (files: [String], escaping: [String]) {
        let root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        var files: [String] = []
        var escaping: [String] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? path : path + "/" + relative
            guard let entries = FolderEntries.read(full) else { return }
            for (name, kind) in entries.sorted(by: { $0.name < $1.name }) where !name.hasPrefix(".") {
                let rel = relative.isEmpty ? name : relative + "/" + name
                let entry = path + "/" + rel
                switch kind {
                case .link:
                    // Only a symbolic link can lead outside: a plain entry of a folder inside the
                    // root is inside too. Resolving every path instead cost seconds on a big site.
                    let resolved = URL(fileURLWithPath: entry).resolvingSymlinksInPath().path
                    if resolved != root && !resolved.hasPrefix(root + "/") {
                        escaping.append(rel)
                        continue
                    }
                    if isDirectory(entry) { walk(rel) } else { files.append(rel) }
                case .folder:
                    walk(rel)
                case .file, .other:
                    files.append(rel)
                }
            }
        }
        walk("")
        return (files, escaping)
    }
}

/// A file tree held in memory, for tests.
public struct MemoryFileSystem: ContentFileSystem {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) {
        self.files = bytes
    }

    public func contents(of path: String) -> [UInt8]? { files[path] }

    public func isDirectory(_ path: String) -> Bool {
        files.keys.contains { $0.hasPrefix(path + "/") }
    }

    public func files(under path: String) -> (files: [String], escaping: [String]) {
        let prefix = path + "/"
        return (files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted(), [])
    }
}
